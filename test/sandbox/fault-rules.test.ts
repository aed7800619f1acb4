/** FaultSet: first matching rule, times budget, probability. */
import { describe, expect, it } from 'vitest'
import { FaultSet } from '../../src/sandbox/fault-rules'

describe('FaultSet', () => {
  it('applies rules by group, times and probability', () => {
    const faults = new FaultSet()
    faults.add({ route: 'sessions', action: { type: 'reset' }, times: 1 })
    faults.add({ route: '*', action: { type: 'malformed' }, probability: 0.5 })
    expect(faults.take('authorize', () => 0.9)).toBeUndefined()
    expect(faults.take('sessions', () => 0.9)?.type).toBe('reset')
    expect(faults.take('sessions', () => 0.9)).toBeUndefined()
    expect(faults.take('sessions', () => 0.1)?.type).toBe('malformed')
    expect(faults.appliedTotal).toBe(2)
  })
})
