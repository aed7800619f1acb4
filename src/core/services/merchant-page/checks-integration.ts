/** Checks `selectors`, `init` and `session`: what the page did with Payroc.hostedFields, as the probe saw it. */
import { GATEWAY_CONFIGURATION_PATH, SANDBOX_INITIALIZE_PATH, SESSION_MESSAGES, hintFor } from './knowledge'
import {
  check,
  constructs,
  errorLine,
  libraryDefined,
  libraryErrors,
  libraryScripts,
  plural,
  requestLine,
  type Construct,
} from './facts'
import type { PageModel, RequestRecord } from './page-model'
import type { PageCheck, PageRecording } from './types'

const GROUPS = ['card', 'ach', 'pad'] as const
const SELECTOR_KEYS = ['target', 'errorTarget', 'wrapperTarget'] as const

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

/** Every selector an instance was given: `fields.card.cvv.wrapperTarget` → '.card-cvv-wrapper'. */
export function selectorsOf(options: unknown): { path: string; selector: string }[] {
  const fields = record(record(options).fields)
  const out: { path: string; selector: string }[] = []
  for (const group of GROUPS) {
    for (const [field, spec] of Object.entries(record(fields[group]))) {
      for (const key of SELECTOR_KEYS) {
        const selector = record(spec)[key]
        if (typeof selector === 'string') out.push({ path: `fields.${group}.${field}.${key}`, selector })
      }
    }
  }
  return out
}

export function selectorsCheck(model: PageModel, recording: PageRecording): PageCheck {
  const instances = constructs(model)
  if (instances.length === 0)
    return check(
      'selectors',
      'skip',
      'The page never created a Hosted Fields instance, so no selectors to check.',
      [],
      '',
    )
  const counts = recording.facts?.selectorCounts ?? {}
  const bad: string[] = []
  const good: string[] = []
  for (const instance of instances) {
    for (const { path, selector } of selectorsOf(instance.options)) {
      const count = counts[selector]
      const line = `${path} '${selector}'`
      if (count === undefined) bad.push(`${line}: not measured`)
      else if (count === -1) bad.push(`${line}: not a valid CSS selector`)
      else if (count !== 1) bad.push(`${line} matches ${plural(count, 'element')}`)
      else good.push(`${line} matches 1 element`)
    }
  }
  for (const error of libraryErrors(model)) {
    if (
      /target|selector/i.test(error.message) &&
      /more than once|matches|does not exist|no element/i.test(error.message)
    )
      bad.push(errorLine(error))
  }
  if (bad.length > 0) {
    return check(
      'selectors',
      'fail',
      `${plural(bad.length, 'selector problem')}: every target, errorTarget and wrapperTarget must match exactly one element.`,
      [...bad, ...good],
      'Give each field its own element (an id or a unique class) and make sure the page renders it once, before initialize().',
    )
  }
  if (good.length === 0)
    return check(
      'selectors',
      'warn',
      'The instance was given no field selectors.',
      [],
      'Configure fields.card (or ach / pad) with a target per field.',
    )
  return check(
    'selectors',
    'pass',
    `All ${plural(good.length, 'selector')} match exactly one element.`,
    good,
    '',
  )
}

const LOAD_ORDER =
  /Payroc is not defined|reading 'hostedFields'|Payroc\.hostedFields is not a constructor|Payroc is undefined/i

export function initCheck(model: PageModel, recording: PageRecording): PageCheck {
  const order = model.messages.filter(
    (message) => message.source === 'exception' && LOAD_ORDER.test(message.text),
  )
  const errors = libraryErrors(model)
  const blocking = errors.filter(
    (error) => error.type === 'init' || error.type === 'config' || error.type === 'unknown',
  )
  const fieldErrors = errors.filter((error) => error.type === 'field')
  const instances = constructs(model)
  const evidence = [
    ...order.map((message) => `${message.text}${message.url ? ` (${message.url})` : ''}`),
    ...errors.map(errorLine),
  ]
  if (order.length > 0) {
    return check(
      'init',
      'fail',
      'The init code ran before the Hosted Fields script ("Payroc is not defined").',
      evidence,
      "Put the library <script> (no async or defer) before the code that calls new Payroc.hostedFields, or run that code after the script's load event.",
    )
  }
  if (blocking.length > 0) {
    const hints = [
      ...new Set(
        blocking.map((error) =>
          hintFor(error.message, 'Read the message: it names the option or the gateway answer at fault.'),
        ),
      ),
    ]
    return check(
      'init',
      'fail',
      `${plural(blocking.length, 'init/config error')} after initialisation: ${blocking.map((error) => error.message).join(' | ')}`,
      evidence,
      hints.join(' '),
    )
  }
  const failedConstruct = instances.find((instance) => instance.error)
  if (failedConstruct)
    return check(
      'init',
      'fail',
      `new Payroc.hostedFields(…) threw: ${failedConstruct.error ?? ''}`,
      evidence,
      'Call it as a constructor with an options object.',
    )
  if (instances.length === 0) {
    if (!libraryDefined(model, recording) && libraryScripts(model, recording).length === 0)
      return check('init', 'skip', 'No library, so no initialisation to watch.', [], '')
    return check(
      'init',
      'warn',
      'The library loaded but the page never called new Payroc.hostedFields(…).',
      [],
      'Create the instance and call initialize() once the page has its session token.',
    )
  }
  if (!model.probe.some((event) => event.kind === 'initialize')) {
    return check(
      'init',
      'warn',
      'The page created the instance but never called initialize().',
      evidence,
      'Call form.initialize() after registering the event handlers.',
    )
  }
  if (fieldErrors.length > 0)
    return check(
      'init',
      'warn',
      `Initialised, but ${plural(fieldErrors.length, 'field error')} followed.`,
      evidence,
      fieldErrors
        .map((error) =>
          hintFor(
            error.message,
            'A field frame could not be embedded: check the CSP frame-src and the network.',
          ),
        )
        .join(' '),
    )
  const registered = [...new Set(model.probe.flatMap((event) => (event.kind === 'on' ? [event.event] : [])))]
  return check(
    'init',
    'pass',
    `Initialised with no init or config error${registered.length > 0 ? `; the page listens to ${registered.join(', ')}` : ''}.`,
    evidence,
    '',
  )
}

const gatewayAnswers = (model: PageModel): RequestRecord[] =>
  model.requests.filter((request) => {
    try {
      const path = new URL(request.url).pathname
      return (
        request.method !== 'OPTIONS' &&
        (SANDBOX_INITIALIZE_PATH.test(path) || GATEWAY_CONFIGURATION_PATH.test(path))
      )
    } catch {
      return false
    }
  })

function detailOf(model: PageModel, request: RequestRecord): string {
  const body = model.bodies[request.id]
  if (body === undefined) return ''
  try {
    const detail = record(JSON.parse(body)).detail
    return typeof detail === 'string' ? detail : ''
  } catch {
    return ''
  }
}

const tokenOf = (instance: Construct): string | undefined => {
  const token = record(instance.options).sessionToken
  return typeof token === 'string' ? token : undefined
}

export function sessionCheck(model: PageModel): PageCheck {
  const instances = constructs(model)
  const answers = gatewayAnswers(model)
  if (instances.length === 0 && answers.length === 0)
    return check('session', 'skip', 'No Hosted Fields instance, so no session token to judge.', [], '')
  const evidence = instances.map(
    (instance) => `instance ${instance.instance}: sessionToken ${tokenOf(instance) ?? '(none)'}`,
  )
  if (instances.some((instance) => tokenOf(instance) === undefined || tokenOf(instance) === '…')) {
    return check(
      'session',
      'fail',
      'The page gives the library no session token.',
      evidence,
      'Create a session on the server and put its token in the page as sessionToken.',
    )
  }
  const states: string[] = []
  for (const error of libraryErrors(model)) {
    const state = SESSION_MESSAGES.find((entry) => entry.pattern.test(error.message))?.state
    if (state) {
      states.push(state)
      evidence.push(errorLine(error))
    }
  }
  let live = false
  for (const answer of answers) {
    const detail = detailOf(model, answer)
    evidence.push(`${requestLine(answer)}${detail ? `: ${detail}` : ''}`)
    if (answer.status !== undefined && answer.status >= 200 && answer.status < 300) live = true
    else if (answer.status === 409) states.push('used')
    else if (answer.status !== undefined && [401, 403, 404, 410].includes(answer.status)) {
      states.push(SESSION_MESSAGES.find((entry) => entry.pattern.test(detail))?.state ?? 'invalid')
    }
  }
  const tokens = instances.map(tokenOf)
  if (new Set(tokens).size < tokens.length) states.push('used')
  if (states.length > 0) {
    const state = states.includes('expired') ? 'expired' : states.includes('used') ? 'used' : 'invalid'
    const words = {
      expired: 'has expired',
      used: 'was already used by another Hosted Fields instance',
      invalid: 'is not valid at the gateway',
    }
    return check(
      'session',
      'fail',
      `The session token ${words[state]}.`,
      evidence,
      state === 'used'
        ? 'Create a new session for every form and every page load; a token serves one instance.'
        : "The page must get a fresh session token from the merchant's server on every load (a token lives 10 minutes).",
    )
  }
  if (live) return check('session', 'pass', 'The gateway accepted the session token.', evidence, '')
  return check(
    'session',
    'warn',
    "The gateway's answer to the session token was not seen.",
    evidence,
    'Check that the library reached its gateway (see csp and init).',
  )
}
