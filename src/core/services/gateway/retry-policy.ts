/**
 * Retry policy after the official Payroc JS SDK (PAYROC.md, Corrections): retry 408, 429 and ≥ 500; wait what
 * Retry-After says, else what X-RateLimit-Reset says (values ≤ 0 ignored, as the SDK does), else 1 s·2^n with
 * ±10 % jitter capped at 60 s; 2 retries. On purpose unlike the SDK (README "Where the console differs from
 * Payroc's SDK"): network failures and per-attempt timeouts are retried too — the same Idempotency-Key goes
 * with every retry, so a resend cannot create a second session. Pure so tests can pin every branch.
 */
import type { ErrorKind } from '../../../shared/result'

export interface RetryPolicy {
  /** Retries after the first attempt (2 → at most 3 attempts). */
  retries: number
  baseDelayMs: number
  maxDelayMs: number
  /** ±fraction applied to the computed backoff (0.1 = ±10 %). */
  jitter: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  jitter: 0.1,
}

export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500

/** Failures with no HTTP answer that a second try may fix. TLS and malformed answers will not change. */
export const isRetryableTransport = (kind: ErrorKind): boolean => kind === 'network' || kind === 'timeout'

/**
 * Retry-After as seconds or an HTTP date → milliseconds from `now`; undefined when absent, unusable or not in
 * the future (the SDK ignores values ≤ 0: "0" or a past date says nothing about when to come back).
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  const ms = /^\d+(\.\d+)?$/.test(text) ? Math.round(Number(text) * 1000) : Date.parse(text) - now
  return Number.isNaN(ms) || ms <= 0 ? undefined : ms
}

/**
 * X-RateLimit-Reset → milliseconds from `now`: a Unix time in seconds (the SDK's reading; any value past
 * 10^9), else a number of seconds from now. Undefined when absent, not a number, or not in the future.
 */
export function parseRateLimitReset(value: string | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim()
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return undefined
  const number = Number(text)
  const ms = Math.round(number > 1e9 ? number * 1000 - now : number * 1000)
  return ms > 0 ? ms : undefined
}

/** The wait the gateway asked for (Retry-After first, then X-RateLimit-Reset), with the header that said it. */
export function serverRetryDelay(
  headers: { retryAfter?: string; rateLimitReset?: string },
  now: number = Date.now(),
): { delayMs: number; header: 'Retry-After' | 'X-RateLimit-Reset' } | undefined {
  const retryAfter = parseRetryAfter(headers.retryAfter, now)
  if (retryAfter !== undefined) return { delayMs: retryAfter, header: 'Retry-After' }
  const reset = parseRateLimitReset(headers.rateLimitReset, now)
  if (reset !== undefined) return { delayMs: reset, header: 'X-RateLimit-Reset' }
  return undefined
}

/** Exponential backoff for retry number `retry` (0 = the first retry), jittered, then capped. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = policy.baseDelayMs * 2 ** retry
  const factor = 1 + policy.jitter * (random() * 2 - 1)
  return Math.min(policy.maxDelayMs, Math.max(0, Math.round(exponential * factor)))
}

export interface RetryDecision {
  retry: boolean
  delayMs: number
  reason: string
}

/**
 * Whether attempt number `attempt` (1-based) is followed by another, and after how long. Retry-After (then
 * X-RateLimit-Reset) wins over the backoff but is still capped, so a hostile header cannot park the app for an
 * hour.
 */
export function decideRetry(
  attempt: number,
  outcome: { status: number; retryAfter?: string; rateLimitReset?: string } | { transport: ErrorKind },
  policy: RetryPolicy,
  now: number = Date.now(),
  random: () => number = Math.random,
): RetryDecision {
  const retryable =
    'status' in outcome ? isRetryableStatus(outcome.status) : isRetryableTransport(outcome.transport)
  const reason = 'status' in outcome ? `HTTP ${outcome.status}` : outcome.transport
  if (!retryable) return { retry: false, delayMs: 0, reason: `${reason} is not retryable` }
  if (attempt > policy.retries) return { retry: false, delayMs: 0, reason: `${reason}; no retries left` }
  const asked = 'status' in outcome ? serverRetryDelay(outcome, now) : undefined
  if (asked !== undefined) {
    return {
      retry: true,
      delayMs: Math.min(policy.maxDelayMs, asked.delayMs),
      reason: `${reason} (${asked.header})`,
    }
  }
  return { retry: true, delayMs: backoffDelay(attempt - 1, policy, random), reason }
}
