import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  isRetryableTransport,
  parseRateLimitReset,
  parseRetryAfter,
  serverRetryDelay,
} from '../../../../src/core/services/gateway/retry-policy'

describe('retry policy', () => {
  it('retries 408, 429 and 5xx only', () => {
    for (const status of [408, 429, 500, 502, 503, 504, 599])
      expect(isRetryableStatus(status), String(status)).toBe(true)
    for (const status of [200, 201, 400, 401, 403, 404, 406, 409, 413, 415, 422]) {
      expect(isRetryableStatus(status), String(status)).toBe(false)
    }
  })

  it('retries network failures and timeouts, not TLS or malformed answers', () => {
    expect(isRetryableTransport('network')).toBe(true)
    expect(isRetryableTransport('timeout')).toBe(true)
    expect(isRetryableTransport('tls')).toBe(false)
    expect(isRetryableTransport('malformed-response')).toBe(false)
  })

  it('parses Retry-After as seconds or as an HTTP date, ignoring values ≤ 0 as the SDK does', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter('1.5', now)).toBe(1500)
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:07 GMT', now)).toBe(7000)
    // "0" and a date in the past say nothing about when to come back: the backoff decides.
    expect(parseRetryAfter(' 0 ', now)).toBeUndefined()
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBeUndefined()
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:00 GMT', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })

  it('parses X-RateLimit-Reset as a Unix time in seconds (else seconds from now), ignoring values ≤ 0', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    const epoch = now / 1000
    expect(parseRateLimitReset(String(epoch + 5), now)).toBe(5000)
    expect(parseRateLimitReset(` ${epoch + 2.5} `, now)).toBe(2500)
    expect(parseRateLimitReset('7', now)).toBe(7000)
    expect(parseRateLimitReset(String(epoch), now)).toBeUndefined()
    expect(parseRateLimitReset(String(epoch - 30), now)).toBeUndefined()
    expect(parseRateLimitReset('0', now)).toBeUndefined()
    expect(parseRateLimitReset('-3', now)).toBeUndefined()
    expect(parseRateLimitReset('later', now)).toBeUndefined()
    expect(parseRateLimitReset(undefined, now)).toBeUndefined()
  })

  it('takes Retry-After first, X-RateLimit-Reset when Retry-After is absent or ≤ 0', () => {
    const now = 1_700_000_000_000
    const reset = String(now / 1000 + 3)
    expect(serverRetryDelay({ retryAfter: '2', rateLimitReset: reset }, now)).toEqual({
      delayMs: 2000,
      header: 'Retry-After',
    })
    expect(serverRetryDelay({ rateLimitReset: reset }, now)).toEqual({
      delayMs: 3000,
      header: 'X-RateLimit-Reset',
    })
    expect(serverRetryDelay({ retryAfter: '0', rateLimitReset: reset }, now)?.header).toBe(
      'X-RateLimit-Reset',
    )
    expect(serverRetryDelay({ retryAfter: '0', rateLimitReset: '0' }, now)).toBeUndefined()
  })

  it('backs off 1 s·2^n within ±10 % and caps at 60 s', () => {
    const policy = DEFAULT_RETRY_POLICY
    expect(backoffDelay(0, policy, () => 0.5)).toBe(1000)
    expect(backoffDelay(1, policy, () => 0.5)).toBe(2000)
    expect(backoffDelay(0, policy, () => 0)).toBe(900)
    expect(backoffDelay(0, policy, () => 0.999999)).toBeLessThanOrEqual(1100)
    for (let retry = 0; retry < 10; retry += 1) {
      for (const random of [0, 0.25, 0.5, 0.75, 0.9999]) {
        const delay = backoffDelay(retry, policy, () => random)
        const nominal = Math.min(60_000, 1000 * 2 ** retry)
        expect(delay).toBeLessThanOrEqual(60_000)
        if (1000 * 2 ** retry * 0.9 < 60_000) expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal * 0.9))
      }
    }
    expect(backoffDelay(20, policy, () => 1)).toBe(60_000)
  })

  it('decides: 2 retries by default, then stops', () => {
    const random = () => 0.5
    expect(decideRetry(1, { status: 503 }, DEFAULT_RETRY_POLICY, 0, random)).toMatchObject({
      retry: true,
      delayMs: 1000,
    })
    expect(decideRetry(2, { status: 503 }, DEFAULT_RETRY_POLICY, 0, random)).toMatchObject({
      retry: true,
      delayMs: 2000,
    })
    expect(decideRetry(3, { status: 503 }, DEFAULT_RETRY_POLICY, 0, random)).toMatchObject({ retry: false })
    expect(decideRetry(1, { status: 403 }, DEFAULT_RETRY_POLICY, 0, random)).toMatchObject({ retry: false })
    expect(decideRetry(1, { transport: 'network' }, DEFAULT_RETRY_POLICY, 0, random)).toMatchObject({
      retry: true,
    })
    expect(decideRetry(1, { transport: 'tls' }, DEFAULT_RETRY_POLICY, 0, random)).toMatchObject({
      retry: false,
    })
  })

  it('Retry-After wins over backoff but is capped', () => {
    const decision = decideRetry(1, { status: 429, retryAfter: '4' }, DEFAULT_RETRY_POLICY, 0)
    expect(decision).toMatchObject({ retry: true, delayMs: 4000 })
    expect(decision.reason).toContain('Retry-After')
    expect(decideRetry(1, { status: 429, retryAfter: '86400' }, DEFAULT_RETRY_POLICY, 0).delayMs).toBe(60_000)
  })

  it('X-RateLimit-Reset is honoured (and capped) when Retry-After is absent; Retry-After: 0 falls back to backoff', () => {
    const now = 1_700_000_000_000
    const reset = decideRetry(
      1,
      { status: 429, rateLimitReset: String(now / 1000 + 4) },
      DEFAULT_RETRY_POLICY,
      now,
    )
    expect(reset).toMatchObject({ retry: true, delayMs: 4000 })
    expect(reset.reason).toContain('X-RateLimit-Reset')
    const far = decideRetry(
      1,
      { status: 503, rateLimitReset: String(now / 1000 + 3600) },
      DEFAULT_RETRY_POLICY,
      now,
    )
    expect(far.delayMs).toBe(60_000)
    const zero = decideRetry(1, { status: 429, retryAfter: '0' }, DEFAULT_RETRY_POLICY, now, () => 0.5)
    expect(zero).toMatchObject({ retry: true, delayMs: 1000 })
    expect(zero.reason).not.toContain('Retry-After')
  })

  it('on purpose unlike the SDK: a connection reset (network) and a timeout are retried — the Idempotency-Key makes it safe', () => {
    for (const transport of ['network', 'timeout'] as const) {
      expect(decideRetry(1, { transport }, DEFAULT_RETRY_POLICY, 0, () => 0.5)).toMatchObject({
        retry: true,
        delayMs: 1000,
      })
    }
  })

  it('uses an injected base delay (tests run in milliseconds)', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5 }
    expect(decideRetry(1, { status: 500 }, policy, 0, () => 0.5).delayMs).toBe(5)
    expect(decideRetry(2, { status: 500 }, policy, 0, () => 0.5).delayMs).toBe(10)
  })
})
