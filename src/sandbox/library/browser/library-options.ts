/**
 * The simulated library's option checks (part of the library script, see hosted-fields-library.ts): every
 * problem with the constructor options, each naming its field, and the elements the fields render into.
 */

export type Dict = Record<string, unknown>
export interface Problem {
  field?: string
  message: string
}
export interface FieldEntry {
  target: Element | null
  errorTarget?: Element | null
  wrapper?: Element | null
}
export type Elements = Record<string, FieldEntry>
export interface Checked {
  problems: Problem[]
  kind?: string
  elements?: Elements
}
export const GROUP_FIELDS: Record<string, string[]> = {
  card: ['cardholderName', 'cardNumber', 'expiryDate', 'cvv'],
  ach: ['nameOnAccount', 'accountType', 'achAccountNumber', 'routingNumber'],
  pad: ['nameOnAccount', 'padAccountNumber', 'institutionNumber', 'transitNumber'],
}
export function isObject(value: unknown): value is Dict {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Every target selector must match exactly one element. */
function findOne(selector: unknown, path: string, field: string, problems: Problem[]): Element | null {
  if (typeof selector !== 'string' || selector.trim() === '') {
    problems.push({ field, message: path + ' is required (a CSS selector).' })
    return null
  }
  let found: NodeListOf<Element>
  try {
    found = document.querySelectorAll(selector)
  } catch {
    problems.push({ field, message: path + " '" + selector + "' is not a valid CSS selector." })
    return null
  }
  if (found.length === 0) {
    problems.push({
      field,
      message: path + " '" + selector + "' matches no element; it must match exactly one.",
    })
    return null
  }
  if (found.length > 1) {
    problems.push({
      field,
      message: path + " '" + selector + "' matches " + found.length + ' elements; it must match exactly one.',
    })
    return null
  }
  return found[0] as Element
}

function checkGroup(kind: string, group: unknown, problems: Problem[]): Elements {
  const base = 'fields.' + kind
  const elements: Elements = {}
  if (!isObject(group)) {
    problems.push({ message: base + ' must be an object.' })
    return elements
  }
  ;(GROUP_FIELDS[kind] as string[]).concat(['submit']).forEach((name) => {
    const path = base + '.' + name
    const spec = group[name]
    if (!isObject(spec)) {
      problems.push({ field: name, message: path + ' is required.' })
      return
    }
    const entry: FieldEntry = { target: findOne(spec.target, path + '.target', name, problems) }
    if (spec.errorTarget !== undefined) {
      entry.errorTarget = findOne(spec.errorTarget, path + '.errorTarget', name, problems)
    }
    if (spec.placeholder !== undefined && typeof spec.placeholder !== 'string') {
      problems.push({ field: name, message: path + '.placeholder must be a string.' })
    }
    if (name === 'cvv') {
      if ('wrapper' in spec) {
        problems.push({
          field: name,
          message: path + '.wrapper is not an option; did you mean wrapperTarget?',
        })
      }
      if (spec.wrapperTarget === undefined) {
        problems.push({ field: name, message: path + '.wrapperTarget is required (a selector, or false).' })
      } else if (spec.wrapperTarget !== false) {
        entry.wrapper = findOne(spec.wrapperTarget, path + '.wrapperTarget', name, problems)
      }
    }
    if (name === 'submit' && spec.value !== undefined && typeof spec.value !== 'string') {
      problems.push({ field: name, message: path + '.value must be a string.' })
    }
    elements[name] = entry
  })
  return elements
}

export function checkOptions(options: unknown): Checked {
  const problems: Problem[] = []
  if (!isObject(options)) {
    return { problems: [{ message: 'new Payroc.hostedFields(options): options must be an object.' }] }
  }
  if (typeof options.sessionToken !== 'string' || options.sessionToken.trim() === '') {
    problems.push({ message: 'sessionToken is required.' })
  }
  if (options.mode !== 'payment' && options.mode !== 'tokenization') {
    problems.push({ message: "mode must be 'payment' or 'tokenization'." })
  }
  if (options.styles !== undefined && !isObject(options.styles)) {
    problems.push({ message: 'styles must be an object.' })
  }
  const fields = options.fields
  if (!isObject(fields)) {
    problems.push({ message: 'fields is required and must contain exactly one of card, ach or pad.' })
    return { problems }
  }
  if ('submit' in fields) {
    problems.push({
      field: 'submit',
      message:
        'fields.submit is not an option: submit belongs inside fields.card (or fields.ach / fields.pad).',
    })
  }
  const kinds = ['card', 'ach', 'pad'].filter((kind) => fields[kind] !== undefined)
  if (kinds.length !== 1) {
    problems.push({
      message:
        'fields must contain exactly one of card, ach or pad; found ' +
        (kinds.length === 0 ? 'none' : kinds.join(', ')) +
        '.',
    })
    return { problems }
  }
  const kind = kinds[0] as string
  const elements = checkGroup(kind, fields[kind], problems)
  if (problems.length === 0 && kind !== 'card') {
    problems.push({
      message:
        'fields.' +
        kind +
        ': the sandbox simulates card fields only (ach and pad options are checked, not rendered).',
    })
  }
  return { problems, kind, elements }
}
