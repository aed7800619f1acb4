/**
 * The simulated library's option checks (protocol §5.1), run by the constructor and emitted by initialize() as
 * `error {type:'config', field, message}` in this order. Nothing is fetched when any check fails.
 */
import { CONFIG_MESSAGES, errorTargetMessage, MISSING_FIELD, targetMessage } from './library-messages'

export type Dict = Record<string, unknown>
export interface Problem {
  field: string | undefined
  message: string | undefined
}

export const FORM_TYPES = ['card', 'pad', 'ach'] as const
export type FormType = (typeof FORM_TYPES)[number]

/** The fields each form type needs, in the order they are checked. */
export const REQUIRED_FIELDS: Record<FormType, string[]> = {
  card: ['cardNumber', 'cardholderName', 'expiryDate', 'cvv', 'submit'],
  pad: ['padAccountNumber', 'nameOnAccount', 'institutionNumber', 'transitNumber', 'submit'],
  ach: ['nameOnAccount', 'achAccountNumber', 'routingNumber', 'accountType', 'submit'],
}

export const isDict = (value: unknown): value is Dict =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** A selector that matches exactly one element (a syntactically invalid one throws, as in the browser). */
export const matchesOne = (selector: unknown): boolean =>
  typeof selector === 'string' &&
  selector !== '' &&
  document.querySelector(selector) !== null &&
  document.querySelectorAll(selector).length === 1

/** `en` or `fr` (the only tables of this build); `xx-YY` counts by its prefix; anything else is `en`. */
export function resolveLocale(locale: unknown): string {
  if (typeof locale !== 'string' || locale === '') return 'en'
  const code = (locale.length > 2 && locale.includes('-') ? locale.split('-')[0] : locale) as string
  return code.length === 2 && (code.toLowerCase() === 'en' || code.toLowerCase() === 'fr')
    ? code.toLowerCase()
    : 'en'
}

function checkField(key: string, group: Dict, type: FormType, problems: Problem[]): void {
  const spec = group[key]
  if (!spec) problems.push({ field: key, message: MISSING_FIELD[key] })
  if (!isDict(spec)) return
  // The ACH checks look their selector texts up under card keys that do not exist: undefined (messages.ts).
  if ('target' in spec && !matchesOne(spec.target)) {
    problems.push({ field: spec.target as string, message: targetMessage(type, key) })
  }
  if ('errorTarget' in spec) {
    // A falsy errorTarget skips the remaining checks of this field (the CVV wrapper included).
    if (!spec.errorTarget) return
    if (!matchesOne(spec.errorTarget)) {
      problems.push({ field: spec.errorTarget as string, message: errorTargetMessage(type, key) })
    }
  }
  if (key !== 'cvv') return
  if (!('wrapperTarget' in spec) || spec.wrapperTarget === '') {
    problems.push({ field: key, message: CONFIG_MESSAGES.cvvWrapperMissing })
  } else if (spec.wrapperTarget && !matchesOne(spec.wrapperTarget)) {
    problems.push({ field: key, message: CONFIG_MESSAGES.cvvWrapperInvalid })
  }
}

/** Every problem with the options. `options.fields` is read without a check: missing, it throws a TypeError. */
export function checkOptions(options: Dict): Problem[] {
  const problems: Problem[] = []
  if (options.mode !== 'payment' && options.mode !== 'tokenization') {
    problems.push({ field: undefined, message: CONFIG_MESSAGES.mode })
  }
  const token = options.sessionToken
  if (!token) problems.push({ field: 'sessionToken', message: CONFIG_MESSAGES.sessionTokenMissing })
  if (token && (typeof token !== 'string' || token.trim() === '')) {
    problems.push({ field: 'sessionToken', message: CONFIG_MESSAGES.sessionTokenIncorrect })
  }
  const fields = options.fields as Dict
  if (Object.keys(fields).length === 0) {
    problems.push({ field: 'fields', message: CONFIG_MESSAGES.fieldsMissing })
  }
  const present = FORM_TYPES.filter((type) => type in fields)
  for (const type of present) {
    if (present.length > 1) problems.push({ field: 'fields', message: CONFIG_MESSAGES.multipleFieldTypes })
    const group = (fields[type] ?? {}) as Dict
    for (const key of REQUIRED_FIELDS[type]) checkField(key, group, type, problems)
  }
  const styles = options.styles
  if (styles && Object.keys(styles).length === 0) {
    problems.push({ field: 'styles', message: CONFIG_MESSAGES.emptyStyles })
  }
  return problems
}
