/**
 * The Hosted Fields test page: a merchant-like checkout on its own loopback origin, with no console API.
 * It receives one session from the console (protocol.ts), loads Payroc's script with SRI where known, and only
 * then runs the same init code a merchant page runs. Every library event goes to the console, nothing else.
 */
import { formTypeOf, hostedFieldsOptions, optionsForLog, renderCheckout, targetsOf } from './form'
import {
  acceptConsoleCommand,
  consoleOriginFromFragment,
  LIBRARY_EVENTS,
  plainPayload,
  PROTOCOL,
  type EventName,
  type PageToConsole,
  type TestPageSession,
} from './protocol'
import { isFatalError, watchReadiness } from './readiness'
import { listenForTestCardFill } from './test-card-fill'
import './testpage.css'

interface HostedFieldsInstance {
  on(event: string, handler: (payload: unknown) => void): void
  initialize(): unknown
  destroy(): void
}
type HostedFieldsConstructor = new (options: Record<string, unknown>) => HostedFieldsInstance

declare global {
  interface Window {
    Payroc?: { hostedFields?: HostedFieldsConstructor }
  }
}

const root = document.getElementById('testpage')
const parentOrigin = window.location.ancestorOrigins?.[0]
const consoleOrigin = consoleOriginFromFragment(window.location.hash, parentOrigin)

function post(message: PageToConsole): void {
  if (consoleOrigin) window.parent.postMessage(message, consoleOrigin)
}

function report(name: EventName, payload: unknown): void {
  post({
    protocol: PROTOCOL,
    type: 'event',
    event: { name, payload: plainPayload(payload), at: new Date().toISOString() },
  })
}

/** destroy() on demand (the console's Advanced panel); set once the instance exists. */
let destroyForm: (() => void) | null = null

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

function loadScript(session: TestPageSession): Promise<boolean> {
  return new Promise((resolve) => {
    const script = document.createElement('script')
    script.src = session.scriptUrl
    if (session.integrity) script.integrity = session.integrity
    script.crossOrigin = 'anonymous'
    script.onload = () => resolve(true)
    script.onerror = () => resolve(false)
    document.head.append(script)
  })
}

async function start(session: TestPageSession, page: HTMLElement): Promise<void> {
  const status = renderCheckout(page, session)
  const state = (value: string, text: string): void => {
    page.dataset['state'] = value
    status.textContent = text
  }
  state('loading', 'Loading the Hosted Fields script…')
  const where = { url: session.scriptUrl, ...(session.integrity ? { integrity: session.integrity } : {}) }
  if (!(await loadScript(session))) {
    report('page:scriptError', {
      message: 'Script not loaded: Payroc is not defined (the Hosted Fields script failed to load).',
      ...where,
    })
    state('failed', 'The Hosted Fields script did not load.')
    return
  }
  const HostedFields = window.Payroc?.hostedFields
  if (typeof HostedFields !== 'function') {
    report('page:scriptError', {
      message: 'Payroc is not defined: the script loaded but set no window.Payroc.hostedFields.',
      ...where,
    })
    state('failed', 'The script loaded, but Payroc.hostedFields is missing.')
    return
  }
  report('page:scriptLoaded', where)

  let form: HostedFieldsInstance
  // onPreSubmit as the Advanced panel set it: the library asks before each submit, the log shows the answer.
  const preSubmit = (): boolean => {
    const allowed = session.options?.onPreSubmit !== 'refuse'
    report('page:preSubmit', { allowed })
    if (!allowed) state('ready', 'onPreSubmit refused the submit.')
    return allowed
  }
  const options = hostedFieldsOptions(session, preSubmit)
  report('page:options', optionsForLog(session, options))
  try {
    form = new HostedFields(options)
  } catch (error) {
    report('page:initializeFailed', { message: messageOf(error), during: 'constructor' })
    state('failed', 'The card form could not be set up.')
    return
  }
  // A token serves one instance: when the console replaces this page, the instance goes with it.
  window.addEventListener('pagehide', () => form.destroy(), { once: true })
  destroyForm = () => {
    form.destroy()
    report('page:destroyed', { formType: formTypeOf(session) })
    state(
      'destroyed',
      'destroy() was called: this form no longer answers. Create a new session to test again.',
    )
  }
  let failed = false
  let ready = false
  const targets = targetsOf(formTypeOf(session))
  const readiness = watchReadiness(
    page,
    Object.values(targets).map((target) => target.target),
    () => {
      if (failed) return
      ready = true
      report('page:ready', { fields: Object.keys(targets).length, formType: formTypeOf(session) })
      state('ready', '')
    },
  )
  for (const name of LIBRARY_EVENTS) {
    form.on(name, (payload) => {
      report(name, payload)
      if (name === 'submissionSuccess')
        state('done', `Thank you — ${formTypeOf(session) === 'card' ? 'card' : 'account'} details received.`)
      // The library reports every failure as an `error` event (readiness.ts says which end the form).
      if (name === 'error' && isFatalError(payload, ready) && !failed) {
        failed = true
        readiness.stop()
        state('failed', 'The card form could not be loaded.')
      }
    })
  }
  state('initializing', 'Connecting to the gateway…')
  try {
    await form.initialize()
    // Started, not ready: Payroc's initialize() resolves before the fields are shown, and also after an error.
    report('page:initialized', { mode: session.mode })
    if (!failed) readiness.notify(true)
  } catch (error) {
    failed = true
    readiness.stop()
    report('page:initializeFailed', { message: messageOf(error), during: 'initialize()' })
    state('failed', 'The card form could not be loaded.')
  }
}

function main(page: HTMLElement): void {
  if (!consoleOrigin || window.parent === window) {
    page.dataset['state'] = 'orphan'
    page.textContent = 'This page runs inside the Hosted Fields Session Console.'
    return
  }
  document.addEventListener('securitypolicyviolation', (event) =>
    report('page:cspViolation', {
      directive: event.effectiveDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile,
    }),
  )
  listenForTestCardFill(page, consoleOrigin)
  let started = false
  window.addEventListener('message', (event) => {
    const command = acceptConsoleCommand(event, { origin: consoleOrigin, source: window.parent })
    if (command?.type === 'destroy') {
      destroyForm?.()
      destroyForm = null
      return
    }
    if (!command || started) return
    started = true
    void start(command.session, page)
  })
  post({ protocol: PROTOCOL, type: 'ready' })
}

if (root) main(root)
