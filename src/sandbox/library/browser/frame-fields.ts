/**
 * What a field frame (field-frame.ts) knows about its field: validation messages, as-you-type formatting, and the
 * whitelisted input styles.
 */
// The sandbox's own check (12 to 19 digits passing Luhn), the same function the single-use-token route uses.
import { luhnValid } from '../../card-checks'

type Dict = Record<string, unknown>

export function digitsOf(value: string): string {
  return value.replace(/[\s-]/g, '')
}

export const VALIDATE: Record<string, (value: string) => string | undefined> = {
  cardholderName(value) {
    const name = value.trim()
    if (name === '') return 'Cardholder name is required.'
    if (name.length > 100) return 'Cardholder name must be 100 characters or fewer.'
    return undefined
  },
  cardNumber(value) {
    const digits = digitsOf(value)
    if (digits === '') return 'Card number is required.'
    if (!luhnValid(digits)) return 'Card number is invalid.'
    return undefined
  },
  expiryDate(value) {
    const text = value.trim()
    if (text === '') return 'Expiry date is required.'
    const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(text)
    if (!match) return 'Expiry date must be in MM/YY format.'
    const month = Number(match[1])
    const year = 2000 + Number(match[2])
    if (month < 1 || month > 12) return 'Expiry month must be between 01 and 12.'
    const now = new Date()
    const current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1
    if (year * 12 + month < current) return 'Expiry date is in the past.'
    return undefined
  },
  cvv(value) {
    if (value === '') return 'CVV is required.'
    if (!/^\d{3,4}$/.test(value)) return 'CVV must be 3 or 4 digits.'
    return undefined
  },
}

export const FORMAT: Record<string, (value: string) => string> = {
  cardNumber(value) {
    const digits = value.replace(/\D/g, '').slice(0, 19)
    const groups = /^3[47]/.test(digits) ? [4, 6, 5] : [4, 4, 4, 4, 3]
    const out: string[] = []
    let offset = 0
    for (let i = 0; i < groups.length && offset < digits.length; i++) {
      const size = groups[i] as number
      out.push(digits.slice(offset, offset + size))
      offset += size
    }
    if (offset < digits.length) out.push(digits.slice(offset))
    return out.join(' ')
  },
  expiryDate(value) {
    const digits = value.replace(/\D/g, '').slice(0, 4)
    return digits.length > 2 ? digits.slice(0, 2) + '/' + digits.slice(2) : digits
  },
  cvv(value) {
    return value.replace(/\D/g, '').slice(0, 4)
  },
}

// Only these properties of styles.css.input reach the input, through the CSSOM (never as CSS text).
const ALLOWED_CSS = [
  'color',
  'background-color',
  'caret-color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'letter-spacing',
  'line-height',
  'text-align',
  'text-transform',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border',
  'border-color',
  'border-style',
  'border-width',
  'border-radius',
  'border-bottom',
  'box-shadow',
  'outline',
  'height',
  'width',
]

/** Applies the allowed properties of the JSON `raw` (styles.css.input) to `element`. */
export function applyCss(element: HTMLElement, raw: string | null): void {
  if (!raw) return
  let css: unknown
  try {
    css = JSON.parse(raw)
  } catch {
    return
  }
  if (css === null || typeof css !== 'object') return
  const rules = css as Dict
  Object.keys(rules).forEach((key) => {
    const property = key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())
    const value = rules[key]
    if (ALLOWED_CSS.indexOf(property) === -1) return
    if (typeof value !== 'string' && typeof value !== 'number') return
    const text = String(value)
    if (/url\s*\(|expression|image-set|[;{}<>\\]/i.test(text)) return
    element.style.setProperty(property, text)
  })
}
