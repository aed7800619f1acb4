/** Card helpers for the simulated single-use tokens (UAT test cards from PAYROC.md pass Luhn). */

/** The Luhn sum of `digits`; `doubleLast` when the rightmost digit is doubled (a number still to get its check digit). */
function luhnSum(digits: string, doubleLast: boolean): number {
  let sum = 0
  let double = doubleLast
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48
    if (double) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
    double = !double
  }
  return sum
}

export function luhnValid(digits: string): boolean {
  return /^\d{12,19}$/.test(digits) && luhnSum(digits, false) % 10 === 0
}

/** The digit that, appended to `digits`, makes the whole pass the Luhn check. */
export function luhnCheckDigit(digits: string): string {
  return String((10 - (luhnSum(digits, true) % 10)) % 10)
}

const KNOWN_TEST_CARDS: Record<string, string> = {
  '4539858876047062': 'Visa',
  '4000060000000006': 'Visa Debit',
  '4001020000000009': 'Visa Electron',
  '5001650000000000': 'Mastercard',
  '5100270000000007': 'Debit Mastercard',
  '3400000000000000': 'American Express',
  '6011000000000004': 'Discover',
  '3528000000000007': 'JCB',
  '3600000000000008': 'Diners Club',
  '5000330000000000': 'Maestro',
}

export function cardType(digits: string): string {
  const known = KNOWN_TEST_CARDS[digits]
  if (known) return known
  if (/^4/.test(digits)) return 'Visa'
  if (/^3[47]/.test(digits)) return 'American Express'
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'Mastercard'
  if (/^(6011|65|64[4-9])/.test(digits)) return 'Discover'
  if (/^35/.test(digits)) return 'JCB'
  if (/^3[068]/.test(digits)) return 'Diners Club'
  if (/^(5[06-8]|6)/.test(digits)) return 'Maestro'
  return 'Unknown'
}

/** First 6 … last 4, the masked form secure tokens report. */
export function maskCardNumber(digits: string): string {
  if (digits.length < 11) return '…'
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`
}

/** MM/YY, MMYY or MM/YYYY → { month, year } (4-digit year), or undefined. */
export function parseExpiry(text: string): { month: number; year: number } | undefined {
  const match = /^(\d{2})\s*\/?\s*(\d{2}|\d{4})$/.exec(text.trim())
  if (!match) return undefined
  const month = Number(match[1])
  const yearText = match[2] ?? ''
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText)
  if (month < 1 || month > 12) return undefined
  return { month, year }
}

/** Valid through the last day of its month (UTC). */
export function expiryInPast(expiry: { month: number; year: number }, now: number): boolean {
  const endOfMonth = Date.UTC(expiry.year, expiry.month, 1)
  return endOfMonth <= now
}

/**
 * A bank account number as a `source` reports it: the spec allows digits only there (`^[0-9]*$`, ACH 4–17,
 * PAD 7–12), so the sandbox keeps the last 4 digits and writes zeros for the rest (same length).
 */
export function maskAccountNumber(digits: string): string {
  return `${'0'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`
}

/** The same number as a payment's bankAccount shows it (the spec's examples: ****1591). */
export function starredAccountNumber(masked: string): string {
  return `${'*'.repeat(Math.max(0, masked.length - 4))}${masked.slice(-4)}`
}
