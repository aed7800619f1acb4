import { describe, expect, it } from 'vitest'
import { luhnCheckDigit, luhnValid } from '../../../src/sandbox/card-checks'
import {
  newSecureTokenNumber,
  newSingleUseToken,
  SECURE_TOKEN_PREFIX,
} from '../../../src/sandbox/state/random-tokens'

describe('tokens the sandbox mints, as the spec describes them', () => {
  it('single-use tokens are exactly 128 hex characters, never repeated', () => {
    const tokens = new Set(Array.from({ length: 300 }, newSingleUseToken))
    expect(tokens.size).toBe(300)
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{128}$/)
  })

  it('secure tokens begin with 296753, have 16 digits and a Luhn check digit', () => {
    for (let i = 0; i < 500; i++) {
      const token = newSecureTokenNumber()
      expect(token).toMatch(/^296753\d{10}$/)
      expect(token.startsWith(SECURE_TOKEN_PREFIX)).toBe(true)
      expect(luhnValid(token), token).toBe(true)
    }
  })

  it('luhnCheckDigit completes a number to a Luhn-valid one (and only that digit does)', () => {
    expect(luhnCheckDigit('453985887604706')).toBe('2') // the UAT Visa 4539858876047062
    expect(luhnCheckDigit('510027000000000')).toBe('7')
    for (const body of ['29675300000000', '2967531234567', '000000000000']) {
      const check = luhnCheckDigit(body)
      for (let digit = 0; digit <= 9; digit++) {
        expect(luhnValid(`${body}${digit}`), `${body}${digit}`).toBe(String(digit) === check)
      }
    }
  })
})
