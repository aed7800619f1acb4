/**
 * The budget's waits (time-budget.ts): `within` (the identity call a create shares) and `sleepUnlessAborted`
 * (a Retry-After or backoff wait) end at once on cancel; `within` also ends when the budget runs out; and an
 * InFlightCalls cancel that overtakes its create cancels it on arrival.
 */
import { describe, expect, it } from 'vitest'
import {
  CallBudget,
  InFlightCalls,
  sleepUnlessAborted,
} from '../../../../src/core/services/gateway/time-budget'

const never = new Promise<never>(() => undefined)

describe('waiting within a call budget', () => {
  it('within: the value when the work ends first', async () => {
    expect(await new CallBudget().within(Promise.resolve(7))).toEqual({ value: 7 })
  })

  it('within: cancelled at once on cancel', async () => {
    const budget = new CallBudget()
    const waiting = budget.within(never)
    const started = Date.now()
    budget.cancel()
    expect(await waiting).toMatchObject({ error: { kind: 'cancelled' } })
    expect(Date.now() - started).toBeLessThan(100)
  })

  it('within: a timeout naming the budget when the budget runs out', async () => {
    const budget = new CallBudget({ totalMs: 50 })
    const result = await budget.within(never)
    expect(result).toMatchObject({ error: { kind: 'timeout' } })
    if ('error' in result) expect(result.error.message).toMatch(/budget/)
  })

  it('sleepUnlessAborted: an injected sleeper that never ends still ends on abort', async () => {
    const controller = new AbortController()
    const sleeping = sleepUnlessAborted(60_000, controller.signal, () => never)
    controller.abort()
    expect(await sleeping).toBe('cancelled')
    expect(await sleepUnlessAborted(1, new AbortController().signal)).toBe('slept')
  })

  it('InFlightCalls: a cancel before its create cancels the create on arrival, once', () => {
    const calls = new InFlightCalls()
    expect(calls.cancel('a')).toBe(false)
    expect(calls.start('a').cancelled).toBe(true)
    expect(calls.start('a').cancelled).toBe(false)
    const running = calls.start('b')
    expect(calls.cancel('b')).toBe(true)
    expect(running.cancelled).toBe(true)
  })
})
