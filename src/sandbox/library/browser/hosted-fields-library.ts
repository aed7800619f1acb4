/**
 * The simulated Hosted Fields library as the merchant page runs it (browser code, no dependencies):
 * `window.Payroc.hostedFields`, with the constructor options, option checks, methods and events PAYROC.md
 * describes. Built into one IIFE script by library-assets.ts; `__HF_CONFIG__` is replaced with
 * `{ libVersion, origin }` when served.
 *
 * Card data never reaches this code: it lives in the field frames (sandbox origin), which talk to each other over
 * a BroadcastChannel and send only validity and events here (see field-frame.ts and README "Simulated library").
 */
'use strict'

import {
  checkOptions,
  GROUP_FIELDS,
  isObject,
  type Dict,
  type Elements,
  type FieldEntry,
  type Problem,
} from './library-options'

interface HostedFieldsConfig {
  libVersion: string
  origin: string
}
declare const __HF_CONFIG__: HostedFieldsConfig

declare global {
  interface Window {
    Payroc?: { hostedFields?: unknown }
  }
}

type HostedFieldsError = Error & { type?: string }
type Handler = (payload: unknown) => void
interface ReadyGate {
  done(field: string): void
  reject(error: Error): void
}

const CONFIG = __HF_CONFIG__
const ORIGIN = CONFIG.origin
const LIB_VERSION = CONFIG.libVersion
const SOURCE = 'payroc-hosted-fields'
const EVENTS = [
  'submissionSuccess',
  'error',
  'fieldValidityChange',
  'surchargingAllowed',
  'surchargingNotAllowed',
]
const TITLES: Record<string, string> = {
  cardholderName: 'Cardholder name',
  cardNumber: 'Card number',
  expiryDate: 'Expiry date',
  cvv: 'CVV',
}
const HEIGHTS: Record<string, string> = { submit: '48px' }
const READY_TIMEOUT_MS = 15000
const CARD_FIELDS = GROUP_FIELDS.card as string[]

function randomId(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

function failure(type: string, message: string): HostedFieldsError {
  const error: HostedFieldsError = new Error(message)
  error.type = type
  return error
}

class HostedFields {
  private _options: Dict
  private _handlers: Record<string, Handler[]>
  private _instanceId: string
  private _frames: HTMLIFrameElement[]
  private _errorTargets: Element[]
  private _destroyed: boolean
  private _started: Promise<void> | null
  private _ready: ReadyGate | null
  private _surcharging: Dict | null
  private _elements: Elements | undefined
  private _onMessage: (event: MessageEvent) => void

  constructor(options: unknown) {
    // Checked (and reported) by initialize(); kept as given until then.
    this._options = options as Dict
    this._handlers = {}
    this._instanceId = randomId()
    this._frames = []
    this._errorTargets = []
    this._destroyed = false
    this._started = null
    this._ready = null
    this._surcharging = null
    this._onMessage = this._handleMessage.bind(this)
  }

  on(eventName: unknown, handler: unknown): this {
    if (typeof handler !== 'function') {
      throw new TypeError('Payroc.hostedFields.on(eventName, handler): handler must be a function.')
    }
    // Like most event APIs, an unknown name is not an error: it is ignored, with a warning for the developer.
    if (typeof eventName !== 'string' || EVENTS.indexOf(eventName) === -1) {
      console.warn(
        'Payroc Hosted Fields: unknown event "' +
          String(eventName) +
          '" ignored; events are ' +
          EVENTS.join(', ') +
          '.',
      )
      return this
    }
    if (!this._destroyed)
      (this._handlers[eventName] = this._handlers[eventName] || []).push(handler as Handler)
    return this
  }

  initialize(): Promise<void> {
    if (!this._started) this._started = this._start()
    return this._started
  }

  destroy(): void {
    if (this._destroyed) return
    this._destroyed = true
    this._handlers = {}
    window.removeEventListener('message', this._onMessage)
    this._frames.forEach((frame) => frame.remove())
    this._frames = []
    this._errorTargets.forEach((element) => (element.textContent = ''))
    if (this._ready) this._ready.reject(failure('init', 'This Hosted Fields instance was destroyed.'))
  }

  private _emit(eventName: string, payload: unknown): void {
    if (this._destroyed) return
    const handlers = (this._handlers[eventName] || []).slice()
    handlers.forEach((handler) => {
      try {
        handler(payload)
      } catch (error) {
        console.error(error)
      }
    })
  }

  private _fail(type: string, message: string, field?: string): HostedFieldsError {
    const payload: Dict = { type, message }
    if (field !== undefined) payload.field = field
    this._emit('error', payload)
    return failure(type, message)
  }

  private async _start(): Promise<void> {
    if (this._destroyed) throw failure('init', 'This Hosted Fields instance was destroyed.')
    const checked = checkOptions(this._options)
    if (checked.problems.length > 0) {
      checked.problems.forEach((problem) => this._fail('config', problem.message, problem.field))
      throw failure('config', (checked.problems[0] as Problem).message)
    }
    const options = this._options
    let session: unknown
    try {
      const response = await fetch(ORIGIN + '/hosted-fields/sessions/initialize', {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          sessionToken: options.sessionToken,
          libVersion: LIB_VERSION,
          mode: options.mode,
          instanceId: this._instanceId,
        }),
      })
      session = await response.json().catch(() => null)
      if (!response.ok) {
        const detail = isObject(session) && typeof session.detail === 'string' ? session.detail : ''
        if (this._destroyed) throw failure('init', 'This Hosted Fields instance was destroyed.')
        throw this._fail(
          'init',
          detail || 'Hosted Fields could not be initialised (HTTP ' + response.status + ').',
        )
      }
    } catch (error) {
      if (error && (error as HostedFieldsError).type) throw error
      if (this._destroyed) throw failure('init', 'This Hosted Fields instance was destroyed.')
      throw this._fail(
        'init',
        'Hosted Fields could not reach ' +
          ORIGIN +
          " (network error, or the page's Content-Security-Policy blocks it).",
      )
    }
    if (this._destroyed) throw failure('init', 'This Hosted Fields instance was destroyed.')
    this._surcharging =
      isObject(session) && isObject(session.surcharging) ? session.surcharging : { allowed: false }
    await this._render(checked.elements as Elements)
  }

  private _render(elements: Elements): Promise<void> {
    const card = (this._options.fields as Dict).card as Dict
    const styles = isObject(this._options.styles) ? this._options.styles : {}
    const inputCss =
      isObject(styles.css) && isObject(styles.css.input) ? JSON.stringify(styles.css.input) : ''
    const pending = new Set(CARD_FIELDS.concat(['submit']))
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          this._fail(
            'init',
            'The Hosted Fields frames did not load from ' +
              ORIGIN +
              " (check the page's Content-Security-Policy frame-src).",
          ),
        )
      }, READY_TIMEOUT_MS)
      this._ready = {
        done: (field) => {
          pending.delete(field)
          if (pending.size === 0) {
            clearTimeout(timer)
            this._ready = null
            resolve()
          }
        },
        reject: (error) => {
          clearTimeout(timer)
          this._ready = null
          reject(error)
        },
      }
    })
    window.addEventListener('message', this._onMessage)
    CARD_FIELDS.concat(['submit']).forEach((name) => {
      const spec = card[name] as Dict
      const params = new URLSearchParams({
        field: name,
        instance: this._instanceId,
        parentOrigin: window.location.origin,
      })
      if (typeof spec.placeholder === 'string') params.set('placeholder', spec.placeholder)
      if (name === 'submit') params.set('value', typeof spec.value === 'string' ? spec.value : 'Submit')
      if (styles.disableDefaultStyles === true) params.set('defaultStyles', '0')
      if (inputCss && name !== 'submit') params.set('css', inputCss)
      const frame = document.createElement('iframe')
      frame.src = ORIGIN + '/hosted-fields/frame?' + params.toString()
      frame.title =
        name === 'submit'
          ? typeof spec.value === 'string'
            ? spec.value
            : 'Submit'
          : (TITLES[name] as string)
      frame.setAttribute('data-payroc-field', name)
      frame.setAttribute('scrolling', 'no')
      frame.style.border = '0'
      frame.style.width = '100%'
      frame.style.height = HEIGHTS[name] || '44px'
      frame.style.display = 'block'
      const entry = elements[name] as FieldEntry
      ;(entry.target as Element).appendChild(frame)
      if (entry.errorTarget) this._errorTargets.push(entry.errorTarget)
      this._frames.push(frame)
    })
    this._elements = elements
    return ready
  }

  private _showError(field: string, message: string | undefined): void {
    const entry = this._elements && this._elements[field]
    if (entry && entry.errorTarget) entry.errorTarget.textContent = message || ''
  }

  private _handleMessage(event: MessageEvent): void {
    if (this._destroyed || event.origin !== ORIGIN) return
    const data: unknown = event.data
    if (!isObject(data) || data.source !== SOURCE || data.instanceId !== this._instanceId) return
    const frame = this._frames.find((candidate) => candidate.contentWindow === event.source)
    if (!frame) return
    // The field is the one this frame was created for, whatever the message claims.
    const field = frame.getAttribute('data-payroc-field') as string
    switch (data.type) {
      case 'ready':
        if (field === 'submit') {
          ;(frame.contentWindow as Window).postMessage(
            {
              source: SOURCE,
              instanceId: this._instanceId,
              type: 'session',
              sessionToken: this._options.sessionToken,
              mode: this._options.mode,
            },
            ORIGIN,
          )
        }
        if (this._ready) this._ready.done(field)
        break
      case 'validity': {
        if (field === 'submit') return
        const validationError = typeof data.validationError === 'string' ? data.validationError : undefined
        this._showError(field, validationError)
        this._emit('fieldValidityChange', { field, validationError })
        if (field === 'cardNumber' && validationError === undefined && data.cardChanged === true)
          this._surcharge()
        break
      }
      case 'fieldError':
        if (field !== 'submit' || !TITLES[String(data.field)] || typeof data.message !== 'string') return
        this._showError(String(data.field), data.message)
        this._emit('error', { type: 'field', field: data.field, message: data.message })
        break
      case 'success':
        if (field !== 'submit' || typeof data.token !== 'string') return
        this._emit('submissionSuccess', { token: data.token, expiresAt: data.expiresAt })
        break
      case 'submissionError':
        if (field !== 'submit' || typeof data.message !== 'string') return
        this._emit('error', { type: 'submission', message: data.message })
        break
    }
  }

  /** Surcharging is decided per card (payment mode only), so it is announced when a valid card number is entered. */
  private _surcharge(): void {
    if (this._options.mode !== 'payment' || !this._surcharging) return
    if (this._surcharging.allowed) {
      this._emit('surchargingAllowed', {
        percentage: this._surcharging.percentage,
        disclosure: this._surcharging.disclosure,
      })
    } else {
      this._emit('surchargingNotAllowed', {})
    }
  }
}

function hostedFields(options: unknown): HostedFields {
  if (!new.target) {
    throw new TypeError("Payroc.hostedFields is a constructor: use 'new Payroc.hostedFields(options)'.")
  }
  return new HostedFields(options)
}
hostedFields.prototype = HostedFields.prototype
hostedFields.version = LIB_VERSION

const root = (window.Payroc = window.Payroc || {})
root.hostedFields = hostedFields

export {}
