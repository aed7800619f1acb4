/**
 * The script of one field frame (served from the sandbox origin at /hosted-fields/frame.js), built into one
 * IIFE by library-assets.ts. Card data stays on the sandbox origin: field frames answer the submit frame over
 * BroadcastChannel `hf-<instanceId>`; only validity, field errors and submission results go to the merchant
 * page, by postMessage to the exact parentOrigin. Messages from the parent are accepted only from window.parent
 * at parentOrigin.
 */
'use strict'

import { applyCss, digitsOf, FORMAT, VALIDATE } from './frame-fields'

type Dict = Record<string, unknown>
interface FieldValue {
  field: string
  value: string
  validationError: string | null
}

const SOURCE = 'payroc-hosted-fields'
const FIELDS = ['cardholderName', 'cardNumber', 'expiryDate', 'cvv']
const COLLECT_TIMEOUT_MS = 3000
const params = new URLSearchParams(window.location.search)
const field = params.get('field') as string
const instanceId = params.get('instance')
const parentOrigin = params.get('parentOrigin') as string
const channel = new BroadcastChannel('hf-' + instanceId)

function toParent(message: Dict): void {
  message.source = SOURCE
  message.instanceId = instanceId
  window.parent.postMessage(message, parentOrigin)
}

function setupInput(input: HTMLInputElement): void {
  const UNREPORTED = {}
  let reported: string | undefined | typeof UNREPORTED = UNREPORTED
  let touched = false
  let surchargeFor = ''
  applyCss(input, params.get('css'))

  function update(): string | undefined {
    const error = (VALIDATE[field] as (value: string) => string | undefined)(input.value)
    input.setAttribute('aria-invalid', touched && error !== undefined ? 'true' : 'false')
    if (error === reported) return error
    // Not yet blurred and still invalid: stay quiet while the user types (unless it was valid before).
    if (error !== undefined && !touched && reported === UNREPORTED) return error
    reported = error
    const message: Dict = { type: 'validity', validationError: error === undefined ? null : error }
    if (field === 'cardNumber' && error === undefined && digitsOf(input.value) !== surchargeFor) {
      surchargeFor = digitsOf(input.value)
      message.cardChanged = true
    }
    toParent(message)
    return error
  }

  input.addEventListener('input', () => {
    const format = FORMAT[field]
    if (format) {
      const atEnd = input.selectionStart === input.value.length
      const formatted = format(input.value)
      if (formatted !== input.value) {
        input.value = formatted
        if (atEnd) input.setSelectionRange(formatted.length, formatted.length)
      }
    }
    update()
  })
  input.addEventListener('blur', () => {
    touched = true
    update()
  })
  channel.addEventListener('message', (event: MessageEvent) => {
    const message: unknown = event.data
    if (!message || (message as Dict).type !== 'collect') return
    const requestId = (message as Dict).requestId
    if (typeof requestId !== 'string') return
    touched = true
    const error = update()
    channel.postMessage({
      type: 'value',
      requestId,
      field,
      value: field === 'cardNumber' ? digitsOf(input.value) : input.value.trim(),
      validationError: error === undefined ? null : error,
    })
  })
}

function collect(): Promise<Record<string, FieldValue>> {
  return new Promise((resolve) => {
    const requestId = String(Math.random()).slice(2) + String(Date.now())
    const values: Record<string, FieldValue> = {}
    const finish = () => {
      clearTimeout(timer)
      channel.removeEventListener('message', onMessage)
      resolve(values)
    }
    const onMessage = (event: MessageEvent) => {
      const message: unknown = event.data
      if (!message || (message as Dict).type !== 'value' || (message as Dict).requestId !== requestId) return
      const answer = message as FieldValue
      if (FIELDS.indexOf(answer.field) === -1) return
      values[answer.field] = answer
      if (FIELDS.every((name) => values[name])) finish()
    }
    const timer = setTimeout(finish, COLLECT_TIMEOUT_MS)
    channel.addEventListener('message', onMessage)
    channel.postMessage({ type: 'collect', requestId })
  })
}

function problemMessage(body: unknown, status: number): string {
  const problem = body as Dict | null
  if (problem && typeof problem.detail === 'string') {
    const detail = problem.detail
    const details = Array.isArray(problem.errors)
      ? (problem.errors as unknown[])
          .map((item) => item && ((item as Dict).detail || (item as Dict).message))
          .filter((text) => typeof text === 'string' && text !== detail)
      : []
    return details.length > 0 ? detail + ' ' + details.join('; ') + '.' : detail
  }
  return 'The payment gateway answered HTTP ' + status + '.'
}

function setupSubmit(button: HTMLButtonElement): void {
  let sessionToken: string | null = null
  let busy = false
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== parentOrigin) return
    const data: unknown = event.data
    if (!data || (data as Dict).source !== SOURCE || (data as Dict).instanceId !== instanceId) return
    const message = data as Dict
    if (message.type === 'session' && typeof message.sessionToken === 'string')
      sessionToken = message.sessionToken
  })

  async function submit(): Promise<void> {
    const values = await collect()
    let invalid = false
    FIELDS.forEach((name) => {
      const entry = values[name]
      const message = entry ? entry.validationError : 'The ' + name + ' field did not answer.'
      if (typeof message === 'string') {
        invalid = true
        toParent({ type: 'fieldError', field: name, message })
      }
    })
    if (invalid) return
    if (!sessionToken) {
      toParent({ type: 'submissionError', message: 'Hosted Fields is not initialised.' })
      return
    }
    const value = (name: string): string => (values[name] as FieldValue).value
    let response: Response
    try {
      response = await fetch('/hosted-fields/single-use-tokens', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          sessionToken,
          cardholderName: value('cardholderName'),
          cardNumber: value('cardNumber'),
          expiryDate: value('expiryDate'),
          cvv: value('cvv'),
        }),
      })
    } catch {
      toParent({ type: 'submissionError', message: 'Could not reach the payment gateway; please try again.' })
      return
    }
    const body: unknown = await response.json().catch(() => null)
    const answer = body as Dict | null
    if (response.status === 201 && answer && typeof answer.token === 'string') {
      toParent({ type: 'success', token: answer.token, expiresAt: answer.expiresAt })
    } else {
      toParent({ type: 'submissionError', message: problemMessage(body, response.status) })
    }
  }

  button.addEventListener('click', () => {
    if (busy) return
    busy = true
    button.disabled = true
    submit().finally(() => {
      busy = false
      button.disabled = false
    })
  })
}

const input = document.getElementById('hf-input') as HTMLInputElement | null
const button = document.getElementById('hf-submit') as HTMLButtonElement | null
if (input) setupInput(input)
else if (button) setupSubmit(button)
toParent({ type: 'ready' })
