/** The forced outcomes by amount, from the table the console offers as presets. */
import { describe, expect, it } from 'vitest'
import { SANDBOX_FORCED_OUTCOMES } from '../../../src/shared/payroc'
import { forcedOutcome } from '../../../src/sandbox/state/payment-ledger'

describe('forcedOutcome', () => {
  it('answers each preset amount with its outcome, and any amount by its last two digits', () => {
    expect(
      SANDBOX_FORCED_OUTCOMES.map((entry) => [entry.presetAmount, forcedOutcome(entry.presetAmount).kind]),
    ).toEqual([
      [1001, 'declined'],
      [1002, 'declined'],
      [1003, 'error'],
      [1004, 'slow'],
    ])
    expect(forcedOutcome(99_901)).toEqual({
      kind: 'declined',
      processorResponseCode: '05',
      responseMessage: 'Do not honor',
    })
    expect(forcedOutcome(2)).toEqual({
      kind: 'declined',
      processorResponseCode: '51',
      responseMessage: 'Insufficient funds',
    })
    expect(forcedOutcome(1).kind).toBe('declined')
    for (const approved of [1000, 1005, 4999, 10, 100, 123_456]) {
      expect(forcedOutcome(approved).kind, String(approved)).toBe('approved')
    }
  })
})
