import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CALL_BUDGET_MS,
  CallBudget,
  InFlightCalls,
  parseRateLimitReset,
} from '../../../../src/core/services/gateway/time-budget'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T00:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the per-call time budget', () => {
  it('is 30 s, and each attempt gets the smaller of its own deadline and what is left', () => {
    const budget = new CallBudget()
    expect(budget.totalMs).toBe(CALL_BUDGET_MS)
    expect(budget.nextAttempt(20_000)).toEqual({ deadlineMs: 20_000 })
    vi.advanceTimersByTime(18_000)
    // A never-ending body on the second attempt ends with the budget (12 s), not after another 20 s.
    expect(budget.nextAttempt(20_000)).toEqual({ deadlineMs: 12_000 })
    vi.advanceTimersByTime(11_500)
    expect(budget.nextAttempt(20_000)).toMatchObject({ error: { kind: 'timeout' } })
  })

  it('stops at once, with a timeout saying so, when Retry-After: 999999999 would exceed the budget', () => {
    const budget = new CallBudget()
    vi.advanceTimersByTime(2_000)
    const plan = budget.planWait(60_000, 'Retry-After') // 999999999 s, already capped at 60 s by the policy
    expect(plan).toEqual({
      wait: false,
      error: {
        kind: 'timeout',
        message:
          "Stopped: Retry-After asked to wait 60 s before retrying, but only 28 s of this call's 30 s budget were left",
        hint: 'The gateway is busy or throttling; try again in a while (nothing more was sent).',
      },
    })
  })

  it('waits what the gateway asked when that still leaves time for the retry', () => {
    const budget = new CallBudget()
    expect(budget.planWait(5_000, 'Retry-After')).toEqual({ wait: true, delayMs: 5_000 })
    vi.advanceTimersByTime(24_000)
    expect(budget.planWait(5_000, 'Retry-After')).toEqual({ wait: true, delayMs: 5_000 })
    expect(budget.planWait(5_001, 'Retry-After')).toMatchObject({ wait: false })
  })

  it('keeps a whole logical call (3 attempts, backoff, Retry-After) within 30 s', async () => {
    const budget = new CallBudget()
    const started = Date.now()
    const asked = [1_000, 2_000, 999_999_999_000]
    let attempts = 0
    let outcome: string
    for (;;) {
      const attempt = budget.nextAttempt(10_000)
      if ('error' in attempt) {
        outcome = attempt.error.message
        break
      }
      attempts += 1
      vi.advanceTimersByTime(attempt.deadlineMs) // every attempt runs to its deadline
      const plan = budget.planWait(Math.min(60_000, asked.shift() ?? 2_000), 'Retry-After')
      if (!plan.wait) {
        outcome = plan.error.message
        break
      }
      const sleeping = budget.sleep(plan.delayMs)
      await vi.advanceTimersByTimeAsync(plan.delayMs)
      expect(await sleeping).toBe('slept')
    }
    expect(attempts).toBe(3)
    expect(Date.now() - started).toBeLessThanOrEqual(CALL_BUDGET_MS)
    expect(outcome).toMatch(/^Stopped: Retry-After asked to wait 60 s/)
  })

  it('Cancel ends a wait between attempts at once and refuses the next attempt', async () => {
    const budget = new CallBudget()
    const sleeping = budget.sleep(20_000)
    budget.cancel()
    expect(await sleeping).toBe('cancelled')
    expect(Date.now() - new Date('2026-12-02T00:00:00Z').getTime()).toBe(0)
    expect(budget.signal.aborted).toBe(true)
    expect(budget.nextAttempt(10_000)).toMatchObject({ error: { kind: 'cancelled' } })
    expect(budget.planWait(1, 'backoff')).toMatchObject({ wait: false, error: { kind: 'cancelled' } })
    expect(await budget.sleep(5)).toBe('cancelled')
  })

  it('aborts the signal of a call in flight, so the exchange stops as cancelled', async () => {
    const budget = new CallBudget()
    const inFlight = new Promise<string>((resolve) => {
      budget.signal.addEventListener('abort', () => resolve('aborted'))
    })
    setTimeout(() => budget.cancel(), 3_000)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(await inFlight).toBe('aborted')
  })
})

describe('calls in flight', () => {
  it('cancels by request id, once, and forgets finished calls', () => {
    const calls = new InFlightCalls()
    const first = calls.start('req-1')
    const second = calls.start('req-2')
    expect(calls.cancel('req-1')).toBe(true)
    expect(first.cancelled).toBe(true)
    expect(second.cancelled).toBe(false)
    expect(calls.cancel('req-1')).toBe(false)
    calls.finish('req-2', second)
    expect(calls.size).toBe(0)
    expect(calls.cancel('req-2')).toBe(false)
  })

  it('a second start under the same id cancels the first', () => {
    const calls = new InFlightCalls()
    const first = calls.start('req')
    const second = calls.start('req')
    expect(first.cancelled).toBe(true)
    calls.finish('req', first) // the stale one finishing does not drop the live one
    expect(calls.cancel('req')).toBe(true)
    expect(second.cancelled).toBe(true)
  })
})

describe('X-RateLimit-Reset', () => {
  const now = Date.parse('2026-12-02T00:00:00Z')
  it('reads a delay in seconds or a Unix time', () => {
    expect(parseRateLimitReset('5', now)).toBe(5_000)
    expect(parseRateLimitReset(String(now / 1000 + 12), now)).toBe(12_000)
    expect(parseRateLimitReset(String(now / 1000 - 12), now)).toBe(0)
    expect(parseRateLimitReset('999999999', now)).toBe(999_999_999_000)
  })
  it('ignores what is not a number', () => {
    for (const value of [undefined, '', 'soon', '-3', '1e5'])
      expect(parseRateLimitReset(value, now)).toBeUndefined()
  })
})
