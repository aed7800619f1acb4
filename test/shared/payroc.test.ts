/** The app's own wire schemas hold what Payroc's spec and SDK say — no more (the spec's examples: test/conformance). */
import { describe, expect, it } from 'vitest'
import { IdentityResponse, SecureToken } from '../../src/shared/payroc'

const card = { type: 'card', cardholderName: 'Sarah Hazel Hopper', cardNumber: '453985******7062' }
const token = {
  secureTokenId: 'MREF_1',
  processingTerminalId: '1234001',
  token: '296753123456',
  status: 'notValidated',
  source: card,
}

describe('IdentityResponse', () => {
  it('takes token_type as any string, as the SDK types it', () => {
    const identity = { access_token: 'a', expires_in: 3600 }
    for (const token_type of ['Bearer', 'bearer', 'JWT']) {
      expect(IdentityResponse.safeParse({ ...identity, token_type }).success, token_type).toBe(true)
    }
    expect(IdentityResponse.safeParse({ ...identity, token_type: '' }).success).toBe(false)
    expect(IdentityResponse.safeParse(identity).success).toBe(false)
  })
})

describe('SecureToken', () => {
  it("needs only the spec's required card fields (no cardType, no expiryDate)", () => {
    expect(SecureToken.parse(token).source).toEqual(card)
    const full = { ...card, expiryDate: '1230', cardType: 'Visa', currency: 'USD', debit: false }
    expect(SecureToken.parse({ ...token, source: full }).source).toEqual(full)
  })

  it('takes an ACH or a PAD account as the source', () => {
    const ach = {
      type: 'ach',
      nameOnAccount: 'Sarah Hazel Hopper',
      accountNumber: '123456789',
      routingNumber: '123456789',
      accountType: 'checking',
    }
    const pad = {
      type: 'pad',
      nameOnAccount: 'Sarah Hazel Hopper',
      accountNumber: '1234567890',
      transitNumber: '76543',
      institutionNumber: '543',
    }
    expect(SecureToken.parse({ ...token, source: ach }).source).toEqual(ach)
    expect(SecureToken.parse({ ...token, source: pad }).source).toEqual(pad)
    expect(SecureToken.safeParse({ ...token, source: { ...pad, transitNumber: '7654' } }).success).toBe(false)
    expect(SecureToken.safeParse({ ...token, source: { type: 'wallet' } }).success).toBe(false)
  })

  it('requires status (any string: a new status is shown, not refused)', () => {
    const { status: _status, ...withoutStatus } = token
    expect(SecureToken.safeParse(withoutStatus).success).toBe(false)
    expect(SecureToken.safeParse({ ...token, status: 'someFutureStatus' }).success).toBe(true)
  })

  it("checks token only as the spec's schema does: 12 to 19 characters (not the prefix, not Luhn)", () => {
    // The spec's own list example: does not begin with 296753 and fails Luhn, yet is what Payroc documents.
    expect(SecureToken.safeParse({ ...token, token: '307864234567' }).success).toBe(true)
    expect(SecureToken.safeParse({ ...token, token: '29675312345' }).success).toBe(false)
    expect(SecureToken.safeParse({ ...token, token: '2'.repeat(20) }).success).toBe(false)
  })

  it('keeps fields it does not know (customer, customFields, …)', () => {
    const parsed = SecureToken.parse({ ...token, customFields: [{ name: 'a', value: 'b' }] })
    expect(parsed).toHaveProperty('customFields')
  })
})
