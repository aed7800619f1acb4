import { describe, expect, it } from 'vitest'
import { luhnValid } from '../../src/sandbox/card-checks'
import { groupedNumber, TEST_CARDS, testCardExpiry, testCardValues } from '../../src/shared/test-cards'

describe("Payroc's UAT test cards", () => {
  it('every number is Luhn-valid, 12–19 digits, and listed once', () => {
    for (const card of TEST_CARDS) {
      expect(luhnValid(card.number), card.brand).toBe(true)
      expect(card.number).toMatch(/^\d{12,19}$/)
    }
    expect(new Set(TEST_CARDS.map((c) => c.number)).size).toBe(TEST_CARDS.length)
    expect(new Set(TEST_CARDS.map((c) => c.id)).size).toBe(TEST_CARDS.length)
  })
  it("starts with the Visa of Payroc's own guide and spec examples", () => {
    expect(TEST_CARDS[0]).toMatchObject({ brand: 'Visa', number: '4539858876047062' })
  })
  it('fills name, number, a future expiry, and a CVV only where the brand has one', () => {
    const now = new Date('2026-12-02T00:00:00Z')
    expect(testCardExpiry(now)).toBe('12/29')
    const visa = TEST_CARDS.find((c) => c.id === 'visa')
    const diners = TEST_CARDS.find((c) => c.id === 'diners')
    if (!visa || !diners) throw new Error('missing cards')
    expect(testCardValues(visa, now)).toEqual({
      cardholderName: 'Test Cardholder',
      cardNumber: '4539858876047062',
      expiryDate: '12/29',
      cvv: '123',
    })
    expect(testCardValues(diners, now)).not.toHaveProperty('cvv')
    expect(groupedNumber('4539858876047062')).toBe('4539 8588 7604 7062')
  })
})
