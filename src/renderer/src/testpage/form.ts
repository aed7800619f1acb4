/**
 * The merchant's checkout markup, as a merchant page would have it: its own labels, one empty target per field
 * (the library puts each field's iframe there), error targets, and the submit target. The selectors are the
 * ones PAYROC.md's example uses.
 */
import type { Mode, TestPageSession } from './protocol'

export const TARGETS = {
  cardholderName: { target: '.card-holder-name', errorTarget: '.card-holder-name-error' },
  cardNumber: { target: '.card-number', errorTarget: '.card-number-error' },
  expiryDate: { target: '.card-expiry', errorTarget: '.card-expiry-error' },
  cvv: { target: '.card-cvv', wrapperTarget: '.card-cvv-wrapper', errorTarget: '.card-cvv-error' },
  submit: { target: '.submit-button' },
} as const

export const SUBMIT_VALUE: Record<Mode, string> = { payment: 'Pay now', tokenization: 'Save card' }

/** The options object, exactly as a merchant writes it (PAYROC.md). */
export function hostedFieldsOptions(session: TestPageSession): Record<string, unknown> {
  return {
    sessionToken: session.sessionToken,
    mode: session.mode,
    fields: {
      card: {
        cardholderName: { ...TARGETS.cardholderName, placeholder: 'Name on card' },
        cardNumber: { ...TARGETS.cardNumber, placeholder: '1234 1234 1234 1234' },
        expiryDate: { ...TARGETS.expiryDate, placeholder: 'MM/YY' },
        cvv: { ...TARGETS.cvv, placeholder: '123' },
        submit: { ...TARGETS.submit, value: SUBMIT_VALUE[session.mode] },
      },
    },
    styles: { disableDefaultStyles: false, css: { input: { color: '#1b2430' } } },
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

/** Builds the form into `root`; returns the status line the page writes its progress to. */
export function renderCheckout(root: HTMLElement, session: TestPageSession): HTMLElement {
  const payment = session.mode === 'payment'
  const shop = element('header', 'shop')
  const version = /hosted-fields-([^/]+)\.js$/.exec(session.scriptUrl)?.[1] ?? '?'
  shop.append(
    element('span', 'shop-name', 'Northwind Coffee Roasters'),
    element('span', 'shop-env', `${session.environmentName} · ${session.mode} · script ${version}`),
  )

  const form = element('form', 'checkout') as HTMLFormElement
  form.noValidate = true
  form.addEventListener('submit', (event) => event.preventDefault())
  form.append(
    element('h1', '', payment ? 'Checkout' : 'Save a card for later'),
    element(
      'p',
      'summary',
      payment
        ? 'Order #1042 · 2 × House blend, 1 kg — total $48.00'
        : 'Your card is stored securely for future orders.',
    ),
    field('Cardholder name', cls(TARGETS.cardholderName.target), cls(TARGETS.cardholderName.errorTarget)),
    field('Card number', cls(TARGETS.cardNumber.target), cls(TARGETS.cardNumber.errorTarget)),
  )
  const row = element('div', 'field-row')
  const cvv = field('CVV', cls(TARGETS.cvv.target), cls(TARGETS.cvv.errorTarget))
  cvv.classList.add(cls(TARGETS.cvv.wrapperTarget))
  row.append(field('Expiry date', cls(TARGETS.expiryDate.target), cls(TARGETS.expiryDate.errorTarget)), cvv)
  form.append(row, element('div', `submit-target ${cls(TARGETS.submit.target)}`))

  const status = element('p', 'status')
  status.setAttribute('role', 'status')
  root.replaceChildren(shop, form, status)
  root.dataset['state'] = 'loading'
  return status
}
