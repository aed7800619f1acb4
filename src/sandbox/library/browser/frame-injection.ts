/**
 * The field iframes of the simulated library (protocol §2.1, §2.5): one per configured field key, at
 * `{gateway}/merchant/hosted-fields?{sorted query}`, invisible until every frame is ready; a frame that does not
 * connect within 30 s is replaced, up to 5 iframes in all, then the whole form is taken down with a `field` error.
 */
import { FIELD_MESSAGES } from './library-messages'
import { isDict, type Dict } from './library-options'

export interface FieldFrame {
  field: string
  url: string
  element: HTMLIFrameElement
  ready: boolean
}

export interface FrameSettings {
  gateway: string
  sessionToken: string
  locale: string
  cardholderNameMandatory: boolean
  cvvPolicy: string
  cvvTerminalPolicy: string
}

/** Accessible names of the iframes: the one deliberate addition to Payroc's behaviour (its iframes have none). */
const FRAME_TITLES: Record<string, string> = {
  cardholderName: 'Cardholder name',
  cardNumber: 'Card number',
  expiryDate: 'Expiry date',
  cvv: 'CVV',
  submit: 'Submit',
  nameOnAccount: 'Name on account',
  achAccountNumber: 'Account number',
  padAccountNumber: 'Account number',
  routingNumber: 'Routing number',
  accountType: 'Account type',
  institutionNumber: 'Institution number',
  transitNumber: 'Transit number',
}

const EMBED_TIMEOUT_MS = 30000
const EMBED_ATTEMPTS = 5

/** The frame URL's query for one field, or null when the field's options keep it out of the form. */
export function frameQuery(field: string, spec: Dict, settings: FrameSettings): URLSearchParams | null {
  const choice = field === 'submit' || field === 'accountType'
  let placeholder = ''
  let value = ''
  if (!choice) {
    placeholder = typeof spec.placeholder === 'string' ? spec.placeholder : ''
  } else if ('placeholder' in spec) {
    return null
  } else if ('value' in spec) {
    if (field !== 'submit') return null
    value = typeof spec.value === 'string' ? spec.value : ''
  }
  const query = new URLSearchParams()
  query.append('placeholder', placeholder)
  query.append('field', field)
  query.append('hostedFieldsSessionId', settings.sessionToken)
  query.append('targetOrigin', window.location.origin)
  if (settings.cardholderNameMandatory) query.append('isCardholderNameMandatory', 'true')
  if (settings.cvvPolicy) query.append('isCvvMandatory', settings.cvvPolicy)
  if (settings.cvvTerminalPolicy) query.append('isCvvMandatoryTerminalSetting', settings.cvvTerminalPolicy)
  query.append('value', value)
  query.append('locale', settings.locale)
  query.sort()
  return query
}

/** Owns the iframes and their embed timers. */
export class FrameSet {
  frames: FieldFrame[] = []
  private timers = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly settings: FrameSettings,
    private readonly onEmbedFailed: (field: string, message: string) => void,
  ) {}

  /** Injects every field of every form type given (normally one). */
  injectAll(fields: Dict): void {
    for (const group of Object.values(fields)) {
      if (!isDict(group)) continue
      for (const field of Object.keys(group)) {
        const spec = group[field]
        if (!isDict(spec)) continue
        const query = frameQuery(field, spec, this.settings)
        if (query)
          this.inject(field, `${this.settings.gateway}/hosted-fields?${query.toString()}`, spec.target)
      }
    }
  }

  private inject(field: string, url: string, target: unknown, attemptsLeft = EMBED_ATTEMPTS): void {
    if (attemptsLeft === 0) {
      for (const frame of this.frames) frame.element.remove()
      this.frames = []
      this.clearTimers()
      this.onEmbedFailed(field, FIELD_MESSAGES.embedRetries)
      return
    }
    if (this.frames.some((frame) => frame.url === url)) return
    const element = document.createElement('iframe')
    element.setAttribute('src', url)
    element.setAttribute('style', 'opacity:0;')
    element.setAttribute('title', FRAME_TITLES[field] ?? field)
    if (typeof target === 'string') document.querySelector(target)?.appendChild(element)
    this.frames.push({ field, url, element, ready: false })
    this.timers.set(
      field,
      setTimeout(() => {
        console.error(`${field} field failed to connect after ${EMBED_TIMEOUT_MS / 1000} seconds.`)
        element.remove()
        this.frames = this.frames.filter((frame) => frame.field !== field)
        this.inject(field, url, target, attemptsLeft - 1)
      }, EMBED_TIMEOUT_MS),
    )
  }

  /** The frame connected: its embed timer stops. */
  connected(field: string): void {
    const timer = this.timers.get(field)
    if (timer !== undefined) clearTimeout(timer)
    this.timers.delete(field)
  }

  find(field: string): FieldFrame | undefined {
    return this.frames.find((frame) => frame.field === field)
  }

  private clearTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
