// The field frames' validation texts (Payroc's, en and fr) and the expiry typing help.
import { describe, expect, it } from 'vitest'
import {
  formatOnBlur,
  formatWhileTyping,
  postedValue,
  validate,
  type FieldContext,
} from '../../../../src/sandbox/library/browser/frame-fields'

const ctx = (over: Partial<FieldContext> = {}): FieldContext => ({
  locale: 'en',
  cardholderNameMandatory: true,
  cvvPolicy: 'enabled',
  cardType: '',
  now: new Date(2026, 11, 2),
  ...over,
})

describe('validate', () => {
  it.each([
    ['cardholderName', '', 'The card holder name field should be between 1 - 50 characters long'],
    ['cardholderName', 'x'.repeat(51), 'The card holder name field should be between 1 - 50 characters long'],
    ['cardNumber', '4539 8588', 'The card number field should contain numeric values only'],
    ['cardNumber', '45398588', 'The card number field should be between 12 - 19 characters long'],
    ['cardNumber', '4539858876047063', 'Your credit card number is invalid'],
    ['expiryDate', '13/30', 'Your credit card expiry date is invalid'],
    ['expiryDate', '11/26', 'Your credit card expiry date is invalid'],
    ['cvv', '12', 'The CVV field should be between 3 - 4 characters long'],
    ['cvv', '12a', 'CVV is not valid'],
    ['routingNumber', '12345', 'The routing number field should be 9 characters long'],
    ['nameOnAccount', '', 'The account holder name field should be between 1 - 29 characters long'],
  ])('%s "%s" → %s', (field, value, text) => {
    expect(validate(field, value, ctx())).toBe(text)
  })

  it.each([
    ['cardholderName', 'Sarah Hopper', ctx()],
    ['cardholderName', '', ctx({ cardholderNameMandatory: false })],
    ['cardNumber', '4539858876047062', ctx()],
    ['cardNumber', '5000330000000001', ctx({ cardType: 'Maestro' })],
    ['expiryDate', '12/26', ctx()],
    ['cvv', '', ctx()],
    ['cvv', '', ctx({ cvvPolicy: 'disabled' })],
  ])('%s "%s" is valid', (field, value, context) => {
    expect(validate(field, value, context)).toBeUndefined()
  })

  it('an empty CVV is an error only when mandatory', () => {
    expect(validate('cvv', '', ctx({ cvvPolicy: 'mandatory' }))).toBe(
      'The CVV field should be between 3 - 4 characters long',
    )
  })

  it('speaks French with locale fr', () => {
    expect(validate('cardNumber', '4539858876047063', ctx({ locale: 'fr' }))).toBe(
      'Votre numéro de carte de crédit est non valide',
    )
    expect(validate('cvv', '1', ctx({ locale: 'fr' }))).toBe(
      'Le champ CVV doit contenir entre 3 et 4 caractères',
    )
  })
})

describe('formatting', () => {
  it.each([
    ['4', '04/'],
    ['13', '01/3'],
    ['123', '12/3'],
    ['1230', '12/30'],
    ['12/3', '12/3'],
  ])('typing %s → %s', (typed, shown) => {
    expect(formatWhileTyping('expiryDate', typed)).toBe(shown)
  })

  it('pads M/Y on blur and posts MMYY', () => {
    expect(formatOnBlur('expiryDate', '1/9')).toBe('01/09')
    expect(postedValue('expiryDate', '12/30')).toBe('1230')
    expect(postedValue('cardholderName', '  Jo ')).toBe('Jo')
  })
})
