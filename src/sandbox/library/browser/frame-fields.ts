/**
 * What a field frame (field-frame.ts) knows about its field (protocol §2.4, §5.4): the validation rule and its
 * text in `en` and `fr`, the value the gateway gets, and as-you-type formatting of the expiry date.
 */
import { luhnValid } from '../../card-checks'

interface Texts {
  between: (name: string, min: number, max: number) => string
  numeric: (name: string) => string
  length: (name: string, n: number) => string
  names: Record<string, string>
  cardInvalid: string
  expiryInvalid: string
  cvvInvalid: string
  accountType: string
  pay: string
}

const TEXTS: Record<string, Texts> = {
  en: {
    between: (name, min, max) => `The ${name} field should be between ${min} - ${max} characters long`,
    numeric: (name) => `The ${name} field should contain numeric values only`,
    length: (name, n) => `The ${name} field should be ${n} characters long`,
    names: {
      cardholderName: 'card holder name',
      nameOnAccount: 'account holder name',
      cardNumber: 'card number',
      accountNumber: 'account number',
      routingNumber: 'routing number',
      institutionNumber: 'institution number',
      transitNumber: 'transit number',
      cvv: 'CVV',
    },
    cardInvalid: 'Your credit card number is invalid',
    expiryInvalid: 'Your credit card expiry date is invalid',
    cvvInvalid: 'CVV is not valid',
    accountType: 'account type must be checking or saving',
    pay: 'Pay Now',
  },
  fr: {
    between: (name, min, max) => `Le champ ${name} doit contenir entre ${min} et ${max} caractères`,
    numeric: (name) => `Le champ ${name} ne doit contenir que des valeurs numériques`,
    length: (name, n) => `Le champ ${name} doit contenir ${n} caractères`,
    names: {
      cardholderName: 'nom du titulaire',
      nameOnAccount: 'nom du titulaire du compte',
      cardNumber: 'numéro de carte',
      accountNumber: 'numéro de compte',
      routingNumber: 'numéro de routage',
      institutionNumber: "numéro d'établissement",
      transitNumber: 'numéro de transit',
      cvv: 'CVV',
    },
    cardInvalid: 'Votre numéro de carte de crédit est non valide',
    expiryInvalid: 'La date d’expiration de votre carte de crédit n’est pas valide',
    cvvInvalid: 'CVV non valide',
    accountType: 'Le type de compte doit être chèque ou sauvegarde',
    pay: 'Payez maintenant',
  },
}

export const textsFor = (locale: string): Texts => TEXTS[locale] ?? (TEXTS.en as Texts)

/** What a rule needs besides the value. */
export interface FieldContext {
  locale: string
  cardholderNameMandatory: boolean
  /** The frame's CVV policy: mandatory | enabled | disabled. */
  cvvPolicy: string
  /** The card type of the card number's last answer (Maestro skips the Luhn check). */
  cardType: string
  now: Date
}

const DIGITS = /^\d+$/

/** The number-only fields: [name key, min, max] (min = max means an exact length). */
const NUMBERS: Record<string, [string, number, number]> = {
  achAccountNumber: ['accountNumber', 4, 17],
  routingNumber: ['routingNumber', 9, 9],
  padAccountNumber: ['accountNumber', 7, 12],
  institutionNumber: ['institutionNumber', 3, 3],
  transitNumber: ['transitNumber', 5, 5],
}

function expiryError(value: string, now: Date, text: string): string | undefined {
  const match = /^(0[1-9]|1[0-2])\/(\d{2})$/.exec(value)
  if (!match) return text
  const month = Number(match[1])
  const year = 2000 + Number(match[2])
  return year * 12 + month < now.getFullYear() * 12 + now.getMonth() + 1 ? text : undefined
}

/** The validation error of a (trimmed) value, or undefined when valid. */
export function validate(field: string, raw: string, ctx: FieldContext): string | undefined {
  const t = textsFor(ctx.locale)
  const value = raw.trim()
  const name = (key: string): string => t.names[key] ?? key
  switch (field) {
    case 'cardholderName':
      if ((value === '' && ctx.cardholderNameMandatory) || value.length > 50)
        return t.between(name('cardholderName'), 1, 50)
      return undefined
    case 'nameOnAccount':
      return value.length < 1 || value.length > 29 ? t.between(name('nameOnAccount'), 1, 29) : undefined
    case 'cardNumber':
      if (!DIGITS.test(value)) return t.numeric(name('cardNumber'))
      if (value.length < 12 || value.length > 19) return t.between(name('cardNumber'), 12, 19)
      if (!/maestro/i.test(ctx.cardType) && !luhnValid(value)) return t.cardInvalid
      return undefined
    case 'expiryDate':
      return expiryError(value, ctx.now, t.expiryInvalid)
    case 'cvv':
      if (ctx.cvvPolicy === 'mandatory' && value.length < 3) return t.between(name('cvv'), 3, 4)
      if (value !== '' && !DIGITS.test(value)) return t.cvvInvalid
      if (ctx.cvvPolicy === 'enabled' && value.length > 0 && value.length < 3)
        return t.between(name('cvv'), 3, 4)
      return value.length > 4 ? t.between(name('cvv'), 3, 4) : undefined
    default: {
      const rule = NUMBERS[field]
      if (!rule) return undefined
      const [key, min, max] = rule
      if (!DIGITS.test(value)) return t.numeric(name(key))
      if (value.length < min || value.length > max)
        return min === max ? t.length(name(key), min) : t.between(name(key), min, max)
      return undefined
    }
  }
}

/** The value as the gateway gets it: the expiry as MMYY, everything else trimmed. */
export const postedValue = (field: string, raw: string): string =>
  field === 'expiryDate' ? raw.trim().replace('/', '') : raw.trim()

/** Expiry typing help: `4` → `04/`, `13` → `01/3`, a third digit inserts the slash; other fields unchanged. */
export function formatWhileTyping(field: string, value: string): string {
  if (field !== 'expiryDate' || !/^\d+$/.test(value)) return value
  if (value.length === 1 && Number(value) > 1) return `0${value}/`
  if (value.length === 2 && value[0] === '1' && Number(value[1]) > 2) return `01/${value[1] as string}`
  if (value.length >= 3) return `${value.slice(0, 2)}/${value.slice(2, 4)}`
  return value
}

/** On blur: `M/Y` padded to `MM/YY`. */
export function formatOnBlur(field: string, value: string): string {
  if (field !== 'expiryDate') return value
  const match = /^(\d{1,2})\/(\d{1,2})$/.exec(value.trim())
  return match ? `${(match[1] as string).padStart(2, '0')}/${(match[2] as string).padStart(2, '0')}` : value
}

/** Input attributes per field (inputMode numeric, lengths). */
export const INPUT_LIMITS: Record<string, { numeric?: boolean; maxLength: number; minLength?: number }> = {
  cardholderName: { maxLength: 50 },
  cardNumber: { numeric: true, maxLength: 19 },
  expiryDate: { numeric: true, maxLength: 5 },
  cvv: { numeric: true, maxLength: 4 },
  nameOnAccount: { maxLength: 29 },
  achAccountNumber: { numeric: true, maxLength: 17 },
  routingNumber: { numeric: true, maxLength: 9 },
  padAccountNumber: { numeric: true, minLength: 7, maxLength: 12 },
  institutionNumber: { numeric: true, minLength: 3, maxLength: 3 },
  transitNumber: { numeric: true, minLength: 5, maxLength: 5 },
}
