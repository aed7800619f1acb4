/**
 * Payroc's UAT test cards and test bank accounts (no zod: the renderer's first chunk and the test page import this).
 *
 * Sources: the Visa 4539 8588 7604 7062 is the card of Payroc's own examples — the "Save a customer's payment
 * details" Hosted Fields guide (keyed card, CVV 234, expiry 12/30) and the OpenAPI spec's masked examples
 * (453985******7062). The other numbers are Payroc's UAT test-card list as the project notes it
 * (shared PAYROC.md, "UAT test cards (any CVV accepted)"); every number is Luhn-valid (a unit test checks).
 * Brands without a CVV (Diners, Visa Electron) say so, as the library hides the CVV field for them.
 */
export interface TestCard {
  id: string
  brand: string
  /** The short name the console's preset selects show (Surcharging check, Update account). */
  label: string
  /** Digits only. */
  number: string
  /** Whether the brand has a CVV (the library hides the CVV field when not). */
  cvv: boolean
}

export const TEST_CARDS = [
  { id: 'visa', brand: 'Visa', label: 'Visa', number: '4539858876047062', cvv: true },
  { id: 'visa-debit', brand: 'Visa debit', label: 'Visa debit', number: '4000060000000006', cvv: true },
  {
    id: 'visa-electron',
    brand: 'Visa Electron',
    label: 'Visa Electron',
    number: '4001020000000009',
    cvv: false,
  },
  { id: 'mastercard', brand: 'Mastercard', label: 'Mastercard', number: '5001650000000000', cvv: true },
  {
    id: 'debit-mastercard',
    brand: 'Debit Mastercard',
    label: 'Debit Mastercard',
    number: '5100270000000007',
    cvv: true,
  },
  { id: 'amex', brand: 'American Express', label: 'Amex', number: '3400000000000000', cvv: true },
  { id: 'discover', brand: 'Discover', label: 'Discover', number: '6011000000000004', cvv: true },
  { id: 'jcb', brand: 'JCB', label: 'JCB', number: '3528000000000007', cvv: true },
  { id: 'diners', brand: 'Diners Club', label: 'Diners', number: '3600000000000008', cvv: false },
  { id: 'maestro', brand: 'Maestro', label: 'Maestro', number: '5000330000000000', cvv: true },
] as const satisfies readonly TestCard[]
export type TestCardId = (typeof TEST_CARDS)[number]['id']

/** A test bank account per form (ACH: US routing number; PAD: Canadian transit and institution numbers). */
export const TEST_BANK_PRESETS = {
  ach: { nameOnAccount: 'Test Account', accountNumber: '1234567890', routingNumber: '011000015' },
  pad: {
    nameOnAccount: 'Test Account',
    accountNumber: '1234567',
    transitNumber: '12345',
    institutionNumber: '001',
  },
} as const

/** Any CVV is accepted in UAT; the sandbox takes any 3 digits too. */
export const TEST_CARD_CVV = '123'
export const TEST_CARDHOLDER_NAME = 'Test Cardholder'

/** An expiry a few years ahead, as the fields take it (MM/YY). */
export function testCardExpiry(now: Date = new Date()): string {
  return `12/${String((now.getUTCFullYear() + 3) % 100).padStart(2, '0')}`
}

/** 4539 8588 7604 7062 */
export const groupedNumber = (number: string): string => number.replace(/(\d{4})(?=\d)/g, '$1 ')

/** The values the card form's fields get, by Hosted Fields field name. */
export function testCardValues(card: TestCard, now?: Date): Record<string, string> {
  return {
    cardholderName: TEST_CARDHOLDER_NAME,
    cardNumber: card.number,
    expiryDate: testCardExpiry(now),
    ...(card.cvv ? { cvv: TEST_CARD_CVV } : {}),
  }
}
