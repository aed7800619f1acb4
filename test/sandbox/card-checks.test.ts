/** Card helpers: Luhn, card type, masking, expiry. */
import { describe, expect, it } from 'vitest'
import { cardType, expiryInPast, luhnValid, maskCardNumber, parseExpiry } from '../../src/sandbox/card-checks'

describe('cards', () => {
  it('checks Luhn, detects types, masks and parses expiry', () => {
    expect(luhnValid('4539858876047062')).toBe(true)
    expect(luhnValid('4539858876047061')).toBe(false)
    expect(cardType('4111111111111111')).toBe('Visa')
    expect(cardType('378282246310005')).toBe('American Express')
    expect(maskCardNumber('4539858876047062')).toBe('453985******7062')
    expect(parseExpiry('07/29')).toEqual({ month: 7, year: 2029 })
    expect(parseExpiry('0729')).toEqual({ month: 7, year: 2029 })
    expect(parseExpiry('00/29')).toBeUndefined()
    expect(expiryInPast({ month: 1, year: 2020 }, Date.UTC(2020, 0, 31))).toBe(false)
    expect(expiryInPast({ month: 1, year: 2020 }, Date.UTC(2020, 1, 1))).toBe(true)
  })
})
