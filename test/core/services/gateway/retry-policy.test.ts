import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  isRetryableTransport,
  parseRetryAfter,
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

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('1.5', now)).toBe(1500)
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:07 GMT', now)).toBe(7000)
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0) // a date in the past: retry now
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
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

  it('uses an injected base delay (tests run in milliseconds)', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5 }
    expect(decideRetry(1, { status: 500 }, policy, 0, () => 0.5).delayMs).toBe(5)
    expect(decideRetry(2, { status: 500 }, policy, 0, () => 0.5).delayMs).toBe(10)
  })
})
