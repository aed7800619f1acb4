/**
 * Reading gateway answers: JSON parsed against the shared schemas (junk becomes a reason, not a throw), the
 * identity call's failure mapping, and HTTP dates.
 */
import type { AppError } from '../../../shared/result'
import { errorFromStatus } from './gateway-errors'
import type { ExchangeOutcome } from './exchange'
import type { decideRetry } from './retry-policy'
import { hintFor } from '../../hint-catalogue'

export function failureOf(outcome: ExchangeOutcome): AppError {
  if (outcome.kind === 'transport')
    return { kind: outcome.errorKind, message: outcome.message, hint: outcome.hint }
  return errorFromStatus(outcome.status, outcome.body)
}

/** PAYROC.md: /authorize error bodies are unconfirmed, so any non-2xx means "credentials rejected" unless it is clearly the gateway's fault. */
/** What the retry policy reads of an attempt's outcome: the status and rate-limit headers, or the transport error. */
export function retryInputOf(outcome: ExchangeOutcome): Parameters<typeof decideRetry>[1] {
  return outcome.kind === 'response'
    ? {
        status: outcome.status,
        retryAfter: outcome.headers['retry-after'],
        rateLimitReset: outcome.headers['x-ratelimit-reset'],
      }
    : { transport: outcome.errorKind }
}

export function identityRejected(status: number, body: string): AppError {
  const mapped = errorFromStatus(status, body)
  if (mapped.kind === 'gateway' || mapped.kind === 'rate-limited')
    return { ...mapped, message: `Identity: ${mapped.message}` }
  return {
    ...mapped,
    kind: 'auth',
    message: `Identity rejected the API key: ${mapped.message}`,
    hint: hintFor('auth', { status }),
  }
}

export function safeJson<T>(
  text: string,
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }
  },
): { ok: true; value: T } | { ok: false; reason: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {
      ok: false,
      reason: `not JSON (${text.slice(0, 60).replace(/\s+/g, ' ')}${text.length > 60 ? '…' : ''})`,
    }
  }
  const parsed = schema.safeParse(json)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  return {
    ok: false,
    reason: issue ? `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}` : 'schema mismatch',
  }
}

export function httpDateToIso(value: string | undefined): string | undefined {
  if (!value) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}
