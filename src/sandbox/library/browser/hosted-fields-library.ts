/**
 * The simulated Hosted Fields library as the merchant page runs it (browser code, no dependencies):
 * `window.Payroc.hostedFields`, speaking the gateway protocol of Payroc's own library (facts in
 * /work/notes/payroc-protocol.md, summarised in ../../README.md "Simulated library") against the sandbox:
 *   GET  {gateway}/merchant/api/v2/hosted-fields-sessions/{token}/configuration   initialize()
 *   {gateway}/merchant/hosted-fields?…                                              one iframe per field
 *   POST {gateway}/merchant/api/v2/hosted-fields-sessions/{token}/single-use-tokens the submit
 * and `payroc:<event>` messages with the field frames. Card data never reaches this code: it lives in the frames.
 * Built into one IIFE script by library-assets.ts; `__HF_CONFIG__` is replaced with `{ libVersion, origin }`.
 */
'use strict'

import { initFieldFrame } from './field-frame'
import { FrameSet, type FieldFrame } from './frame-injection'
import { FinalError, gatewayFetch } from './gateway-fetch'
import { CONFIG_MESSAGES, INIT_MESSAGES, SUBMISSION_MESSAGES } from './library-messages'
import { checkOptions, isDict, resolveLocale, type Dict, type Problem } from './library-options'
import { applyConfiguration, type TerminalSettings } from './terminal-configuration'

interface HostedFieldsConfig {
  libVersion: string
  origin: string
}
declare const __HF_CONFIG__: HostedFieldsConfig

declare global {
  interface Window {
    Payroc?: { hostedFields?: unknown; Gateway?: { init(): void } }
  }
}

type Handler = (payload: unknown) => void

const CONFIG = __HF_CONFIG__
/** The gateway origin every message is checked against and sent to. */
const GATEWAY_ORIGIN = new URL(CONFIG.origin).origin
const GATEWAY = `${GATEWAY_ORIGIN}/merchant`
const SESSIONS = `${GATEWAY}/api/v2/hosted-fields-sessions/`
const PREFIX = 'payroc'
const SUBMIT_CHECKS = 10
const SUBMIT_CHECK_MS = 5000

const without = (list: string[], item: string): string[] => list.filter((entry) => entry !== item)
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

class HostedFields {
  private readonly locale: string
  private readonly problems: Problem[]
  private readonly sessionToken: unknown
  private readonly mode: unknown
  private readonly fields: Dict
  private readonly styles: unknown
  private readonly onPreSubmit: unknown
  private readonly handlers = new Map<string, Set<Handler>>()
  private terminal: TerminalSettings = {
    cardholderNameMandatory: true,
    cvvPolicy: 'enabled',
    cvvTerminalPolicy: 'enabled',
  }
  private frameSet: FrameSet | null = null
  private submitted: string[] = []
  private submitting: string[] = []
  private invalid: string[] = []
  private readonly listener: (event: MessageEvent) => void

  constructor(options: Dict) {
    this.locale = resolveLocale(options.locale)
    this.sessionToken = options.sessionToken
    this.mode = options.mode
    this.fields = options.fields as Dict
    this.styles = options.styles ?? null
    // Reads options.fields without a check: a missing one throws a TypeError here, as in Payroc's library.
    this.problems = checkOptions(options)
    this.onPreSubmit = options.onPreSubmit
    this.listener = (event) => this.onMessage(event)
    window.addEventListener('message', this.listener)
  }

  /** The same handler twice is kept once; there is no off(). */
  on(eventName: string, handler: Handler): void {
    let set = this.handlers.get(eventName)
    if (!set) this.handlers.set(eventName, (set = new Set()))
    set.add(handler)
  }

  /** Never rejects: every failure is an `error` event. */
  async initialize(): Promise<void> {
    if (this.problems.length > 0) {
      for (const { field, message } of this.problems) this.emit('error', { type: 'config', field, message })
      return
    }
    try {
      const token = encodeURIComponent(String(this.sessionToken))
      const answer = await gatewayFetch(
        `${SESSIONS}${token}/configuration`,
        'GET',
        INIT_MESSAGES.configurationRetries,
      )
      this.terminal = applyConfiguration(answer, this.mode, this.fields)
      this.frameSet = new FrameSet(
        { gateway: GATEWAY, sessionToken: String(this.sessionToken), locale: this.locale, ...this.terminal },
        (field, message) => this.emit('error', { type: 'field', field, message }),
      )
      this.frameSet.injectAll(this.fields)
    } catch (error) {
      if (error instanceof Error) this.emit('error', { type: 'init', message: error.message })
    }
  }

  /** Only detaches the message listener: the iframes stay, later frame messages are ignored. */
  destroy(): void {
    window.removeEventListener('message', this.listener)
  }

  private emit(eventName: string, payload: unknown): void {
    for (const handler of Array.from(this.handlers.get(eventName) ?? [])) {
      try {
        handler(payload)
      } catch (error) {
        console.error(error)
      }
    }
  }

  private get frames(): FieldFrame[] {
    return this.frameSet ? this.frameSet.frames : []
  }

  private post(frame: FieldFrame, event: string, payload?: unknown): void {
    frame.element.contentWindow?.postMessage({ id: `${PREFIX}:${event}`, payload }, GATEWAY_ORIGIN)
  }

  private postAll(event: string, payload?: unknown): void {
    for (const frame of this.frames) this.post(frame, event, payload)
  }

  /** The merchant's options of a field of the configured form type. */
  private fieldOptions(field: string): Dict | undefined {
    const group = this.fields[Object.keys(this.fields)[0] ?? '']
    const spec = isDict(group) ? group[field] : undefined
    return isDict(spec) ? spec : undefined
  }

  private errorTarget(field: string): Element | null {
    const target = this.fieldOptions(field)?.errorTarget
    return typeof target === 'string' && target ? document.querySelector(target) : null
  }

  private onMessage(event: MessageEvent): void {
    if (event.origin !== GATEWAY_ORIGIN) return
    const data: unknown = event.data
    if (!isDict(data) || typeof data.id !== 'string' || !data.id.startsWith(PREFIX)) return
    const payload = isDict(data.payload) ? data.payload : {}
    const field = typeof payload.field === 'string' ? payload.field : ''
    switch (data.id.split(':')[1]) {
      case 'error':
        this.emit('error', { type: payload.type, message: payload.error })
        break
      case 'field-connected': {
        if (payload.value || payload.masked === true) this.submitted.push(field)
        this.frameSet?.connected(field)
        const frame = this.frameSet?.find(field)
        if (frame) this.post(frame, 'apply-styles', { styles: { ...(this.styles as Dict) } })
        break
      }
      case 'field-ready':
        this.fieldReady(field, payload.formDimensions)
        break
      case 'submit-initiated':
        this.submitClicked()
        break
      case 'field-submitted':
        if (field && !this.submitted.includes(field)) this.submitted.push(field)
        this.submitting = without(this.submitting, field)
        break
      case 'field-submitting':
        if (field && !this.submitting.includes(field)) this.submitting.push(field)
        break
      case 'field-reverted-to-masked':
        if (payload.value || payload.masked === true) this.submitted.push(field)
        break
      case 'field-invalid': {
        this.submitted = without(this.submitted, field)
        this.submitting = without(this.submitting, field)
        if (field && !this.invalid.includes(field)) this.invalid.push(field)
        const validationError = payload.validationError
        this.emit('fieldValidityChange', { field, validationError })
        const target = this.errorTarget(field)
        if (target && typeof validationError === 'string' && validationError) {
          target.textContent = validationError
        }
        break
      }
      case 'field-valid': {
        this.emit('fieldValidityChange', { field })
        this.invalid = without(this.invalid, field)
        const target = this.errorTarget(field)
        if (target) target.textContent = ''
        break
      }
      case 'surcharge-info': {
        const surcharging = isDict(payload.surcharging) ? payload.surcharging : undefined
        if (surcharging?.percentage) {
          this.emit('surchargingAllowed', {
            percentage: surcharging.percentage,
            disclosure: surcharging.disclosure ? surcharging.disclosure : '',
          })
        } else this.emit('surchargingNotAllowed', undefined)
        break
      }
      case 'show-cvv':
        if ('supportsCvv' in payload) this.showCvv(payload.supportsCvv)
        break
      case 'cvv-mandatory-change':
        if ('supportsCvv' in payload)
          this.postAll('cvv-mandatory-change', { supportsCvv: payload.supportsCvv })
        break
    }
  }

  private fieldReady(field: string, dimensions: unknown): void {
    const frame = this.frameSet?.find(field)
    if (frame && isDict(dimensions)) {
      const { height, width } = dimensions
      frame.element.setAttribute(
        'style',
        `opacity:0;border-width:0;height:${String(height)};width:${String(width)};`,
      )
      frame.ready = true
    }
    if (!this.frames.every((candidate) => candidate.ready)) return
    for (const { element, field: name } of this.frames) {
      if (name === 'cvv') {
        const wrapper = this.cvvWrapper()
        if (wrapper && wrapper.style.display === '') {
          wrapper.style.display = 'none'
          if (this.terminal.cvvPolicy !== 'disabled') wrapper.style.display = ''
        }
      }
      element.style.opacity = '1'
    }
  }

  private cvvWrapper(): HTMLElement | null {
    const selector = isDict(this.fields.card)
      ? (this.fields.card.cvv as Dict | undefined)?.wrapperTarget
      : null
    const element = typeof selector === 'string' && selector ? document.querySelector(selector) : null
    return element instanceof HTMLElement ? element : null
  }

  /** The card number's answer says whether this card takes a CVV. */
  private showCvv(policy: unknown): void {
    const frame = this.frameSet?.find('cvv')
    if (!frame || !('card' in this.fields)) return
    const wrapper = this.cvvWrapper()
    if (wrapper) wrapper.style.display = policy === 'mandatory' || policy === 'enabled' ? 'block' : 'none'
    this.terminal.cvvPolicy = String(policy)
    this.post(frame, 'show-cvv', policy)
  }

  private submitClicked(): void {
    if (this.onPreSubmit === undefined || this.onPreSubmit === null) {
      void this.submit()
      return
    }
    this.postAll('submit-initiated')
    const result: unknown = (this.onPreSubmit as () => unknown)()
    const decide = (go: unknown) => (go ? void this.submit() : this.postAll('submit-cancelled'))
    if (typeof result === 'boolean') decide(result)
    else if (typeof (result as { then?: unknown }).then === 'function') {
      ;(result as Promise<unknown>).then(decide, (error: unknown) => {
        decide(false)
        console.error(error)
      })
    } else {
      decide(false)
      this.emit('error', { type: 'config', message: CONFIG_MESSAGES.onPreSubmit })
    }
  }

  private missingFields(): string[] {
    const group = this.fields[Object.keys(this.fields)[0] ?? '']
    return Object.keys(isDict(group) ? group : {}).filter(
      (field) =>
        !this.submitted.includes(field) &&
        !this.submitting.includes(field) &&
        field !== 'submit' &&
        !(field === 'cardholderName' && !this.terminal.cardholderNameMandatory) &&
        !(field === 'cvv' && this.terminal.cvvPolicy !== 'mandatory'),
    )
  }

  /** Cancels the submit; the named fields re-validate (their frames report what is wrong). */
  private cancel(revalidate: string[]): void {
    for (const frame of this.frames) {
      this.post(frame, 'submit-cancelled')
      if (revalidate.includes(frame.field)) this.post(frame, 'perform-validation')
    }
  }

  private async settled(): Promise<boolean> {
    for (
      let left = SUBMIT_CHECKS;
      this.submitting.length > 0 && left > 0 && this.invalid.length === 0;
      left--
    ) {
      await wait(SUBMIT_CHECK_MS)
    }
    return this.submitting.length === 0 && this.invalid.length === 0
  }

  private async submit(): Promise<void> {
    this.postAll('submit-initiated')
    if (this.invalid.length > 0) return this.cancel(this.invalid)
    const missing = this.missingFields()
    if (missing.length > 0) return this.cancel(missing)
    if (!(await this.settled())) return this.postAll('submit-cancelled')
    try {
      const token = encodeURIComponent(String(this.sessionToken))
      const answer = await gatewayFetch(
        `${SESSIONS}${token}/single-use-tokens`,
        'POST',
        SUBMISSION_MESSAGES.retries,
      )
      if (!isDict(answer) || typeof answer.token !== 'string' || typeof answer.expiresAt !== 'string') {
        throw new FinalError(SUBMISSION_MESSAGES.invalidResponse)
      }
      this.emit('submissionSuccess', { token: answer.token, expiresAt: answer.expiresAt })
    } catch (error) {
      this.postAll('submit-cancelled')
      if (error instanceof Error) this.emit('error', { type: 'submission', message: error.message })
    }
  }
}

function hostedFields(this: unknown, options: Dict): HostedFields {
  if (!new.target) throw new TypeError("Class constructor hostedFields cannot be invoked without 'new'")
  return new HostedFields(options)
}
hostedFields.prototype = HostedFields.prototype

// Both sides in one script, as in Payroc's build: the merchant page uses hostedFields, the gateway's field frame
// page calls Gateway.init().
window.Payroc = { hostedFields, Gateway: { init: initFieldFrame } }

export {}
