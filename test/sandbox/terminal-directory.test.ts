/** The seeded terminal directory. */
import { describe, expect, it } from 'vitest'
import { SEEDED_TERMINALS, TerminalDirectory } from '../../src/sandbox/terminal-directory'

describe('terminals', () => {
  it('seeds the table and the 555 block', () => {
    const directory = TerminalDirectory.defaults()
    expect(SEEDED_TERMINALS.map((terminal) => terminal.processingTerminalId)).toEqual([
      '1234001',
      '1234002',
      '1234003',
      '1234004',
      '1234005',
      '1234006',
    ])
    expect(directory.get('1234003')?.surchargePercentage).toBe(3)
    expect(directory.get('1234004')).toMatchObject({ ach: true, tokenization: true })
    expect(directory.get('1234005')).toMatchObject({ pad: true, tokenization: true })
    expect(directory.get('1234006')).toMatchObject({ cvvVerification: 'disabled', tokenization: true })
    expect(directory.get('1234001')?.cvvVerification).toBeUndefined()
    expect(directory.get('5551234')).toMatchObject({ payment: true, tokenization: false })
    expect(directory.get('5561234')).toBeUndefined()
  })
})
