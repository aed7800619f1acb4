/**
 * Retry policy of the official Payroc JS SDK (PAYROC.md): retry 408, 429 and 5xx and network failures, honour
 * Retry-After, else 1 s·2^n with ±10 % jitter capped at 60 s, 2 retries. Pure so tests can pin every branch.
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

/** Retry-After as seconds or an HTTP date → milliseconds from `now`; undefined when absent or unusable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
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
 * Whether attempt number `attempt` (1-based) is followed by another, and after how long. Retry-After wins over
 * the backoff but is still capped, so a hostile header cannot park the app for an hour.
 */
export function decideRetry(
  attempt: number,
  outcome: { status: number; retryAfter?: string } | { transport: ErrorKind },
  policy: RetryPolicy,
  now: number = Date.now(),
  random: () => number = Math.random,
): RetryDecision {
  const retryable =
    'status' in outcome ? isRetryableStatus(outcome.status) : isRetryableTransport(outcome.transport)
  const reason = 'status' in outcome ? `HTTP ${outcome.status}` : outcome.transport
  if (!retryable) return { retry: false, delayMs: 0, reason: `${reason} is not retryable` }
  if (attempt > policy.retries) return { retry: false, delayMs: 0, reason: `${reason}; no retries left` }
  const retryAfterMs = 'status' in outcome ? parseRetryAfter(outcome.retryAfter, now) : undefined
  if (retryAfterMs !== undefined) {
    return {
      retry: true,
      delayMs: Math.min(policy.maxDelayMs, retryAfterMs),
      reason: `${reason} (Retry-After)`,
    }
  }
  return { retry: true, delayMs: backoffDelay(attempt - 1, policy, random), reason }
}
