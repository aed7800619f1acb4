/**
 * The merchant's checkout markup, as a merchant page would have it: its own labels, one empty target per field
 * (the library puts each field's iframe there), error targets, and the submit target. The selectors are the
 * ones PAYROC.md's example uses.
 */
import type { FormType, Mode, TestPageSession } from './protocol'

export const TARGETS = {
  cardholderName: { target: '.card-holder-name', errorTarget: '.card-holder-name-error' },
  cardNumber: { target: '.card-number', errorTarget: '.card-number-error' },
  expiryDate: { target: '.card-expiry', errorTarget: '.card-expiry-error' },
  cvv: { target: '.card-cvv', wrapperTarget: '.card-cvv-wrapper', errorTarget: '.card-cvv-error' },
  submit: { target: '.submit-button' },
} as const

/** The ACH form's targets, as in Payroc's "Create a payment form" guide. */
export const ACH_TARGETS = {
  nameOnAccount: { target: '.ach-account-holder', errorTarget: '.ach-account-holder-error' },
  accountType: { target: '.ach-account-type', errorTarget: '.ach-account-type-error' },
  achAccountNumber: { target: '.ach-account-number', errorTarget: '.ach-account-number-error' },
  routingNumber: { target: '.ach-routing-number', errorTarget: '.ach-routing-number-error' },
  submit: { target: '.submit-button' },
} as const

/** The PAD form's targets, as in Payroc's "Create a payment form" guide. */
export const PAD_TARGETS = {
  nameOnAccount: { target: '.pad-account-holder', errorTarget: '.pad-account-holder-error' },
  padAccountNumber: { target: '.pad-account-number', errorTarget: '.pad-account-number-error' },
  institutionNumber: { target: '.pad-institution-number', errorTarget: '.pad-institution-number-error' },
  transitNumber: { target: '.pad-transit-number', errorTarget: '.pad-transit-number-error' },
  submit: { target: '.submit-button' },
} as const

interface Target {
  target: string
  errorTarget?: string
  wrapperTarget?: string
}

/** The merchant's labels of each form's fields, in page order. */
const LAYOUT: Record<FormType, { key: string; label: string; placeholder?: string }[]> = {
  card: [
    { key: 'cardholderName', label: 'Cardholder name', placeholder: 'Name on card' },
    { key: 'cardNumber', label: 'Card number', placeholder: '1234 1234 1234 1234' },
    { key: 'expiryDate', label: 'Expiry date', placeholder: 'MM/YY' },
    { key: 'cvv', label: 'CVV', placeholder: '123' },
  ],
  ach: [
    { key: 'nameOnAccount', label: 'Account holder name', placeholder: 'Account holder name' },
    { key: 'accountType', label: 'Account type' },
    { key: 'achAccountNumber', label: 'Account number', placeholder: 'Account number' },
    { key: 'routingNumber', label: 'Routing number', placeholder: 'Routing number' },
  ],
  pad: [
    { key: 'nameOnAccount', label: 'Account holder name', placeholder: 'Account holder name' },
    { key: 'padAccountNumber', label: 'Account number', placeholder: 'Account number' },
    { key: 'institutionNumber', label: 'Institution number', placeholder: 'Institution number' },
    { key: 'transitNumber', label: 'Transit number', placeholder: 'Transit number' },
  ],
}

export function targetsOf(formType: FormType): Record<string, Target> {
  if (formType === 'ach') return ACH_TARGETS
  if (formType === 'pad') return PAD_TARGETS
  return TARGETS
}

export const formTypeOf = (session: TestPageSession): FormType => session.formType ?? 'card'

export const SUBMIT_VALUE: Record<Mode, string> = { payment: 'Pay now', tokenization: 'Save card' }
const SUBMIT_BANK_VALUE: Record<Mode, string> = { payment: 'Pay now', tokenization: 'Save account' }

/**
 * The options object, exactly as a merchant writes it (PAYROC.md), with the Advanced panel's options:
 * `locale`, `styles`, `onPreSubmit` (the page's `preSubmit` answers it) and `wrapperTarget: false`.
 */
export function hostedFieldsOptions(
  session: TestPageSession,
  preSubmit?: () => boolean,
): Record<string, unknown> {
  const formType = formTypeOf(session)
  const targets = targetsOf(formType)
  const options = session.options ?? {}
  const group: Record<string, unknown> = {}
  for (const { key, placeholder } of LAYOUT[formType]) {
    const target = targets[key] as Target
    const spec: Record<string, unknown> = { ...target, ...(placeholder ? { placeholder } : {}) }
    if (key === 'cvv' && options.cvvWrapper === false) spec['wrapperTarget'] = false
    group[key] = spec
  }
  group['submit'] = {
    ...targets['submit'],
    value: formType === 'card' ? SUBMIT_VALUE[session.mode] : SUBMIT_BANK_VALUE[session.mode],
  }
  return {
    sessionToken: session.sessionToken,
    mode: session.mode,
    fields: { [formType]: group },
    styles: options.styles ?? { disableDefaultStyles: false, css: { input: { color: '#1b2430' } } },
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.onPreSubmit && preSubmit ? { onPreSubmit: preSubmit } : {}),
  }
}

/** What the Event log shows of the options: everything but the session token, functions by what they do. */
export function optionsForLog(session: TestPageSession, options: Record<string, unknown>): unknown {
  const { sessionToken: _token, onPreSubmit, ...rest } = options
  void _token
  return {
    ...rest,
    ...(onPreSubmit ? { onPreSubmit: `function (answers ${session.options?.onPreSubmit ?? 'allow'})` } : {}),
  }
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

function field(label: string, target: string, errorTarget: string): HTMLElement {
  const wrapper = element('div', 'field')
  wrapper.append(
    element('span', 'field-label', label),
    element('div', `field-target ${target}`),
    element('div', `field-error ${errorTarget}`),
  )
  wrapper.lastElementChild?.setAttribute('aria-live', 'polite')
  return wrapper
}

const cls = (selector: string): string => selector.slice(1)

const SUMMARY: Record<FormType, Record<Mode, [string, string]>> = {
  card: {
    payment: ['Checkout', 'Order #1042 · 2 × House blend, 1 kg — total $48.00'],
    tokenization: ['Save a card for later', 'Your card is stored securely for future orders.'],
  },
  ach: {
    payment: ['Pay by bank (ACH)', 'Order #1042 · 2 × House blend, 1 kg — total $48.00'],
    tokenization: ['Save a bank account (ACH)', 'Your account is stored securely for future orders.'],
  },
  pad: {
    payment: ['Pay by bank (PAD)', 'Order #1042 · 2 × House blend, 1 kg — total CA$48.00'],
    tokenization: ['Save a bank account (PAD)', 'Your account is stored securely for future orders.'],
  },
}

/** Builds the form into `root`; returns the status line the page writes its progress to. */
export function renderCheckout(root: HTMLElement, session: TestPageSession): HTMLElement {
  const formType = formTypeOf(session)
  const targets = targetsOf(formType)
  const shop = element('header', 'shop')
  const version = /hosted-fields-([^/]+)\.js$/.exec(session.scriptUrl)?.[1] ?? '?'
  shop.append(
    element('span', 'shop-name', 'Northwind Coffee Roasters'),
    element('span', 'shop-env', `${session.environmentName} · ${session.mode} · script ${version}`),
  )

  const form = element('form', `checkout checkout-${formType}`) as HTMLFormElement
  form.noValidate = true
  form.addEventListener('submit', (event) => event.preventDefault())
  const [title, summary] = SUMMARY[formType][session.mode]
  form.append(element('h1', '', title), element('p', 'summary', summary))
  const fieldOf = (key: string, label: string): HTMLElement => {
    const target = targets[key] as Target
    return field(label, cls(target.target), cls(target.errorTarget ?? ''))
  }
  const layout = LAYOUT[formType]
  if (formType === 'card') {
    form.append(fieldOf('cardholderName', 'Cardholder name'), fieldOf('cardNumber', 'Card number'))
    const row = element('div', 'field-row')
    const cvv = fieldOf('cvv', 'CVV')
    cvv.classList.add(cls(TARGETS.cvv.wrapperTarget))
    row.append(fieldOf('expiryDate', 'Expiry date'), cvv)
    form.append(row)
  } else {
    for (const { key, label } of layout) form.append(fieldOf(key, label))
  }
  form.append(element('div', `submit-target ${cls(targets['submit']?.target ?? '.submit-button')}`))

  const status = element('p', 'status')
  status.setAttribute('role', 'status')
  root.replaceChildren(shop, form, status)
  root.dataset['state'] = 'loading'
  return status
}
