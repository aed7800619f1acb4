/**
 * The field side of the Hosted Fields protocol (protocol §2.2–§2.4, §3), the script of the sandbox's frame page
 * `GET /merchant/hosted-fields?…`: one field per frame (the page's first `<input>`, its two radios for
 * `accountType`, or its first `<button>` for `submit`). It validates on blur, posts each valid value to
 * `…/{token}/fields` (same origin), and talks to the merchant page only with `payroc:<event>` messages to
 * `targetOrigin`, accepting messages only from that origin. Part of the library script, as
 * `Payroc.Gateway.init()`: the frame page loads the library build of the session and starts its field side.
 */

import { applyStyles } from './frame-styles'
import {
  formatOnBlur,
  formatWhileTyping,
  INPUT_LIMITS,
  postedValue,
  textsFor,
  validate,
  type FieldContext,
} from './frame-fields'
import { gatewayFetch, isCardTypeRefusal } from './gateway-fetch'

type Dict = Record<string, unknown>

const isDict = (value: unknown): value is Dict =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** The field side of one frame; throws when the page lacks what the field needs. */

export function initFieldFrame(): void {
  const params = new URLSearchParams(window.location.search)
  const field = params.get('field')
  const token = params.get('hostedFieldsSessionId')
  const targetOrigin = params.get('targetOrigin')
  if (!field) throw new Error('field must be provided in URL query parameters')
  if (!token) throw new Error('token must be provided in URL query parameters')
  if (!targetOrigin) throw new Error('targetOrigin must be provided in URL query parameters')
  const FIELD = field
  const ctx: FieldContext = {
    locale: params.get('locale') ?? 'en',
    cardholderNameMandatory: params.get('isCardholderNameMandatory') !== null,
    cvvPolicy: params.get('isCvvMandatory') ?? 'enabled',
    cardType: '',
    now: new Date(),
  }
  const terminalCvvPolicy = params.get('isCvvMandatoryTerminalSetting') ?? 'enabled'
  const FIELDS_URL = `${window.location.origin}/merchant/api/v2/hosted-fields-sessions/${token}/fields`

  function toMerchant(event: string, payload: unknown): void {
    window.parent.postMessage({ id: `payroc:${event}`, payload }, targetOrigin as string)
  }

  /** The field's controls: text/number inputs, the account-type radios, or the submit button. */
  interface Control {
    value(): string
    validateNow(): string | undefined
    disable(disabled: boolean): void
    /** Sandbox-only test card fill: set the value as if typed, then blur-check it. */
    fill?(value: string): void
  }

  let accepted: string | null = null
  let posting = 0

  function markValidity(elements: HTMLElement[], error: string | undefined): void {
    for (const element of elements) {
      element.classList.toggle('invalid', error !== undefined)
      element.classList.toggle('valid', error === undefined)
    }
  }

  async function postValue(value: string): Promise<void> {
    const mine = ++posting
    toMerchant('field-submitting', { field: FIELD })
    let answer: unknown
    try {
      answer = await gatewayFetch(
        FIELDS_URL,
        'POST',
        `${FIELD} : The maximum number of retries to submit this field has been reached.`,
        JSON.stringify({ [FIELD]: value, type: FIELD }),
      )
    } catch (error) {
      if (mine === posting && error instanceof Error)
        toMerchant('error', { type: 'field', error: error.message })
      return
    }
    if (mine !== posting || !isDict(answer)) return
    if ('status' in answer) {
      // Only the card-type refusal is acted on; any other object with `status` is an API error.
      if (isCardTypeRefusal(answer) && FIELD === 'cardNumber') {
        ctx.cardType = ''
        toMerchant('field-invalid', { field: FIELD, validationError: answer.detail })
      }
      return
    }
    if (!('info' in answer)) return
    const info = isDict(answer.info) ? answer.info : {}
    if (FIELD === 'cardNumber') {
      ctx.cardType = typeof info.cardType === 'string' ? info.cardType : ''
      const supportsCvv =
        (terminalCvvPolicy === 'mandatory' || terminalCvvPolicy === 'enabled') && info.showCvv === true
          ? terminalCvvPolicy
          : 'disabled'
      toMerchant('show-cvv', { supportsCvv })
      toMerchant('cvv-mandatory-change', { supportsCvv })
      toMerchant('surcharge-info', { surcharging: info.surcharging })
    }
    accepted = value
    toMerchant('field-submitted', { field: FIELD })
  }

  /** Blur handling: validate, tell the merchant, post a valid new value. */
  function check(control: Control): void {
    const error = control.validateNow()
    if (error !== undefined) {
      toMerchant('field-invalid', { field: FIELD, validationError: error })
      return
    }
    toMerchant('field-valid', { field: FIELD })
    const value = control.value()
    if (value !== '' && value !== accepted) void postValue(value)
  }

  function textControl(input: HTMLInputElement): Control {
    const limits = INPUT_LIMITS[FIELD]
    if (limits) {
      input.maxLength = limits.maxLength
      if (limits.minLength !== undefined) input.minLength = limits.minLength
      if (limits.numeric) input.inputMode = 'numeric'
    }
    input.placeholder = params.get('placeholder') ?? ''
    const control: Control = {
      value: () => postedValue(FIELD, input.value),
      validateNow() {
        ctx.now = new Date()
        const error = validate(FIELD, input.value, ctx)
        markValidity([input], error)
        return error
      },
      disable: (disabled) => (input.disabled = disabled),
      fill(value) {
        input.value = formatOnBlur(FIELD, formatWhileTyping(FIELD, value))
        toMerchant('field-reverted-to-masked', { field: FIELD, value: input.value.length > 0, masked: false })
        check(control)
      },
    }
    input.addEventListener('input', () => {
      const formatted = formatWhileTyping(FIELD, input.value)
      if (formatted !== input.value) input.value = formatted
    })
    input.addEventListener('blur', () => {
      input.value = formatOnBlur(FIELD, input.value)
      toMerchant('field-reverted-to-masked', { field: FIELD, value: input.value.length > 0, masked: false })
      check(control)
    })
    return control
  }

  function radioControl(radios: HTMLInputElement[]): Control {
    const texts = ctx.locale === 'fr' ? ['Vérification', 'Économie'] : ['Checking', 'Saving']
    const labels = ['account_type_checking', 'account_type_savings']
    labels.forEach((id, index) => {
      const label = document.querySelector(`label[for="${id}"]`)
      if (label) label.textContent = texts[index] as string
    })
    const value = (): string => (radios[0]?.checked ? 'checking' : radios[1]?.checked ? 'savings' : '')
    const control: Control = {
      value,
      validateNow() {
        const error = value() === '' ? textsFor(ctx.locale).accountType : undefined
        markValidity(radios, error)
        return error
      },
      disable: (disabled) => radios.forEach((radio) => (radio.disabled = disabled)),
    }
    for (const radio of radios) radio.addEventListener('change', () => check(control))
    return control
  }

  function submitControl(button: HTMLButtonElement): Control {
    const label = document.createElement('span')
    label.className = 'button-text'
    label.textContent = params.get('value') || textsFor(ctx.locale).pay
    const spinner = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
    spinner.setAttribute('class', 'loading-svg spin')
    spinner.setAttribute('viewBox', '0 0 16 16')
    spinner.setAttribute('aria-hidden', 'true')
    button.replaceChildren(label, spinner)
    button.addEventListener('click', (event) => {
      event.preventDefault()
      toMerchant('submit-initiated', null)
      button.disabled = true
      button.classList.add('loading')
    })
    return {
      value: () => '',
      validateNow: () => undefined,
      disable(disabled) {
        button.disabled = disabled
        if (!disabled) button.classList.remove('loading')
      },
    }
  }

  function controlFor(): Control {
    if (FIELD === 'submit') {
      const button = document.getElementsByTagName('button').item(0)
      if (!button) throw new Error('Could not find button element on page')
      return submitControl(button)
    }
    if (FIELD === 'accountType') {
      const radios = Array.from(document.getElementsByTagName('input')).filter(
        (input) => input.type === 'radio',
      )
      if (radios.length !== 2) throw new Error('Could not find radio buttons for ACH account type')
      return radioControl(radios)
    }
    const input = document.getElementsByTagName('input').item(0)
    if (!input) throw new Error('Could not find input element on page')
    return textControl(input)
  }

  const control = controlFor()
  const form = document.getElementsByTagName('form').item(0)
  form?.addEventListener('submit', (event) => {
    event.preventDefault()
    ;(document.activeElement as HTMLElement | null)?.blur()
  })

  window.addEventListener('message', (event) => {
    if (event.origin !== targetOrigin) return
    const data: unknown = event.data
    if (!isDict(data) || typeof data.id !== 'string' || !data.id.startsWith('payroc')) return
    const payload = data.payload
    switch (data.id.split(':')[1]) {
      case 'apply-styles': {
        if (!isDict(payload)) return
        applyStyles(payload.styles)
        const box = document.documentElement.getBoundingClientRect()
        toMerchant('field-ready', {
          field: FIELD,
          formDimensions: { height: `${box.height}px`, width: `${box.width}px` },
        })
        break
      }
      case 'submit-initiated':
        control.disable(true)
        if (FIELD !== 'submit' && control.value() !== accepted) check(control)
        break
      case 'submit-cancelled':
        control.disable(false)
        break
      case 'sandbox-fill':
        // The console's Test card select (sandbox only; Payroc's frames have no such message).
        if (isDict(payload) && typeof payload.value === 'string') control.fill?.(payload.value)
        break
      case 'perform-validation':
        control.validateNow()
        break
      case 'show-cvv':
        if (typeof payload === 'string') ctx.cvvPolicy = payload
        break
      case 'cvv-mandatory-change':
        if (FIELD === 'cvv' && isDict(payload) && typeof payload.supportsCvv === 'string')
          ctx.cvvPolicy = payload.supportsCvv
        break
    }
  })

  toMerchant(
    'field-connected',
    FIELD === 'submit' || FIELD === 'accountType'
      ? { field: FIELD, value: FIELD === 'submit' || control.value() !== '' }
      : { field: FIELD, value: control.value() !== '', masked: false },
  )
}
