/**
 * The console ↔ test page protocol (window.postMessage between two loopback origins). Pure and zod-free, so
 * the test page stays a small merchant-like bundle and every check is unit-tested.
 *
 *   1. The console frames `<testPageOrigin>/testpage.html?cdn=<cdnOrigin>#consoleOrigin=<its own origin>`.
 *      Nothing secret is in the URL; `cdn` picks the page's CSP (testpage-server.ts).
 *   2. The page checks consoleOrigin (loopback or app://console, and equal to its real parent's origin where the
 *      browser tells it) and posts `{protocol, type: 'ready'}` to the parent, targeted at that origin.
 *   3. The console, on `ready` from the test page origin AND its iframe's window, posts
 *      `{protocol, type: 'session', session}` to that window, targeted at the test page origin.
 *   4. The page accepts one session (a token serves one Hosted Fields instance), only from consoleOrigin and
 *      its parent window, loads the script, then initialises. Every library event and the page's own findings
 *      go to the console as `{protocol, type: 'event', event: {name, payload, at}}`.
 * A new session token remounts the iframe: a new page, a new instance; the old one calls destroy() on pagehide.
 */

export const PROTOCOL = 'hosted-fields-console/testpage@1'

export type Mode = 'payment' | 'tokenization'

/** Which of the library's forms the page renders (`fields.card`, `fields.ach` or `fields.pad`). */
export const FORM_TYPES = ['card', 'ach', 'pad'] as const
export type FormType = (typeof FORM_TYPES)[number]

/** The locales the library documents (PAYROC.md). */
export const LOCALES = ['en', 'fr', 'es'] as const
export type Locale = (typeof LOCALES)[number]

/** `styles` as the merchant passes it: `css` maps a selector to its properties. */
export interface LibraryStyles {
  disableDefaultStyles?: boolean
  css?: Record<string, Record<string, string>>
}

/**
 * The library options of the test page's Advanced panel. Plain data: the page turns `onPreSubmit` into the
 * function the library calls (`allow` → true, `refuse` → false) and `cvvWrapper: false` into
 * `wrapperTarget: false`.
 */
export interface LibraryOptions {
  locale?: Locale
  styles?: LibraryStyles
  onPreSubmit?: 'allow' | 'refuse'
  cvvWrapper?: false
}

export interface TestPageSession {
  sessionToken: string
  mode: Mode
  /** The libVersion the session was created with (shown on the page; the library checks it). */
  libVersion: string
  /** libraryScriptUrl(cdnBase, version): the session's libVersion unless the console overrides it. */
  scriptUrl: string
  /** SRI of Payroc's published script, only when the version is known for the environment. */
  integrity?: string
  environmentName: string
  /** `card` when absent. */
  formType?: FormType
  options?: LibraryOptions
}

/** Events of window.Payroc.hostedFields (PAYROC.md), including the undocumented surcharging pair. */
export const LIBRARY_EVENTS = [
  'submissionSuccess',
  'error',
  'fieldValidityChange',
  'surchargingAllowed',
  'surchargingNotAllowed',
] as const
export type LibraryEventName = (typeof LIBRARY_EVENTS)[number]

/** What the page itself observes around the library. */
export const PAGE_EVENTS = [
  'page:scriptLoaded',
  'page:scriptError',
  'page:initialized',
  /** The fields are really ready (readiness.ts) — not initialize() resolving. */
  'page:ready',
  'page:initializeFailed',
  'page:cspViolation',
  /** The options the page passed to the library (the session token left out). */
  'page:options',
  /** The library called onPreSubmit; `allowed` is what the page answered. */
  'page:preSubmit',
  /** The console asked for destroy(), and the page called it. */
  'page:destroyed',
] as const
export type PageEventName = (typeof PAGE_EVENTS)[number]
export type EventName = LibraryEventName | PageEventName

export interface LoggedEvent {
  name: EventName
  payload: unknown
  /** ISO time on the test page's clock. */
  at: string
}

export type ConsoleToPage =
  | { protocol: typeof PROTOCOL; type: 'session'; session: TestPageSession }
  | { protocol: typeof PROTOCOL; type: 'destroy' }
export type PageToConsole =
  | { protocol: typeof PROTOCOL; type: 'ready' }
  | { protocol: typeof PROTOCOL; type: 'event'; event: LoggedEvent }

/** Same as LIB_VERSION_PATTERN in shared/payroc.ts (a unit test keeps them equal; that module pulls in zod). */
const LIB_VERSION = /^\d{1,2}\.\d{1,2}\.\d{1,2}(?:-beta)?\.\d+$/
const SCRIPT_PATH = /^\/js\/hosted-fields\/hosted-fields-([^/]+)\.js$/
const TOKEN = /^[A-Za-z0-9._~+/=-]{8,512}$/
const INTEGRITY = /^sha(256|384|512)-[A-Za-z0-9+/]{40,88}={0,2}$/
const LOOPBACK_ORIGIN = /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]):\d{1,5}$/
/** Electron's console page (src/main/security.ts APP_ORIGIN). */
const APP_ORIGIN = 'app://console'
const MAX_EVENT_CHARS = 32_768

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const isConsoleOrigin = (origin: string): boolean =>
  origin === APP_ORIGIN || LOOPBACK_ORIGIN.test(origin)

/**
 * The console origin from the page's fragment, if it is one a console can have and (where the browser reports
 * ancestors) the origin of the page's actual parent.
 */
export function consoleOriginFromFragment(hash: string, parentOrigin?: string): string | null {
  const origin = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get('consoleOrigin')
  if (!origin || !isConsoleOrigin(origin)) return null
  if (parentOrigin !== undefined && parentOrigin !== origin) return null
  return origin
}

/** https anywhere, http only on loopback (the sandbox); the path must be the CDN's library pattern. */
export function scriptVersionOf(scriptUrl: string): string | null {
  let url: URL
  try {
    url = new URL(scriptUrl)
  } catch {
    return null
  }
  if (url.username || url.password || url.search || url.hash) return null
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_ORIGIN.test(url.origin)))
    return null
  const version = SCRIPT_PATH.exec(url.pathname)?.[1]
  return version && LIB_VERSION.test(version) ? version : null
}

const MAX_STYLE_RULES = 100
const CSS_NAME = /^[\w\s\-:.()[\]'"=*>+~@,#%]{1,80}$/
const CSS_PROPERTY = /^-?[a-z][a-z-]{0,40}$/
const CSS_VALUE = /^[^;{}<>\\]{0,200}$/

function parseStyles(value: unknown): LibraryStyles | null {
  if (!isRecord(value)) return null
  const { disableDefaultStyles, css } = value
  if (disableDefaultStyles !== undefined && typeof disableDefaultStyles !== 'boolean') return null
  const out: LibraryStyles = disableDefaultStyles !== undefined ? { disableDefaultStyles } : {}
  if (css === undefined) return out
  if (!isRecord(css) || Object.keys(css).length > MAX_STYLE_RULES) return null
  const rules: Record<string, Record<string, string>> = {}
  for (const [selector, properties] of Object.entries(css)) {
    if (!CSS_NAME.test(selector) || !isRecord(properties)) return null
    const rule: Record<string, string> = {}
    for (const [property, text] of Object.entries(properties)) {
      if (!CSS_PROPERTY.test(property) || typeof text !== 'string' || !CSS_VALUE.test(text)) return null
      rule[property] = text
    }
    rules[selector] = rule
  }
  return { ...out, css: rules }
}

/** The Advanced panel's options, checked field by field; null when any is not one the page can pass. */
export function parseLibraryOptions(value: unknown): LibraryOptions | null {
  if (!isRecord(value)) return null
  const { locale, styles, onPreSubmit, cvvWrapper } = value
  const out: LibraryOptions = {}
  if (locale !== undefined) {
    if (!(LOCALES as readonly unknown[]).includes(locale)) return null
    out.locale = locale as Locale
  }
  if (styles !== undefined) {
    const parsed = parseStyles(styles)
    if (!parsed) return null
    out.styles = parsed
  }
  if (onPreSubmit !== undefined) {
    if (onPreSubmit !== 'allow' && onPreSubmit !== 'refuse') return null
    out.onPreSubmit = onPreSubmit
  }
  if (cvvWrapper !== undefined) {
    if (cvvWrapper !== false) return null
    out.cvvWrapper = false
  }
  return out
}

export function parseSession(value: unknown): TestPageSession | null {
  if (!isRecord(value)) return null
  const { sessionToken, mode, libVersion, scriptUrl, integrity, environmentName, formType, options } = value
  if (typeof sessionToken !== 'string' || !TOKEN.test(sessionToken)) return null
  if (mode !== 'payment' && mode !== 'tokenization') return null
  if (typeof libVersion !== 'string' || !LIB_VERSION.test(libVersion)) return null
  if (typeof scriptUrl !== 'string' || scriptVersionOf(scriptUrl) === null) return null
  if (integrity !== undefined && (typeof integrity !== 'string' || !INTEGRITY.test(integrity))) return null
  if (typeof environmentName !== 'string' || environmentName.length > 60) return null
  if (formType !== undefined && !(FORM_TYPES as readonly unknown[]).includes(formType)) return null
  const parsedOptions = options === undefined ? undefined : parseLibraryOptions(options)
  if (parsedOptions === null) return null
  return {
    sessionToken,
    mode,
    libVersion,
    scriptUrl,
    environmentName,
    ...(integrity !== undefined ? { integrity } : {}),
    ...(formType !== undefined ? { formType: formType as FormType } : {}),
    ...(parsedOptions !== undefined ? { options: parsedOptions } : {}),
  }
}

/** A window message as the checks need it (MessageEvent's origin, source and data). */
export interface MessageLike {
  origin: string
  source: unknown
  data: unknown
}

/** Page side: a session, only from the console's origin AND the parent window. */
export function acceptConsoleMessage(
  message: MessageLike,
  expected: { origin: string; source: unknown },
): TestPageSession | null {
  const command = acceptConsoleCommand(message, expected)
  return command?.type === 'session' ? command.session : null
}

/** Page side: a session or a destroy() request, only from the console's origin AND the parent window. */
export function acceptConsoleCommand(
  message: MessageLike,
  expected: { origin: string; source: unknown },
): { type: 'session'; session: TestPageSession } | { type: 'destroy' } | null {
  if (message.origin !== expected.origin || message.source !== expected.source || !expected.source)
    return null
  const { data } = message
  if (!isRecord(data) || data['protocol'] !== PROTOCOL) return null
  if (data['type'] === 'destroy') return { type: 'destroy' }
  if (data['type'] !== 'session') return null
  const session = parseSession(data['session'])
  return session ? { type: 'session', session } : null
}

const EVENT_NAMES: ReadonlySet<string> = new Set([...LIBRARY_EVENTS, ...PAGE_EVENTS])

export function parseLoggedEvent(value: unknown): LoggedEvent | null {
  if (!isRecord(value)) return null
  const { name, payload, at } = value
  if (typeof name !== 'string' || !EVENT_NAMES.has(name)) return null
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null
  let size: number
  try {
    size = JSON.stringify(payload ?? null).length
  } catch {
    return null
  }
  if (size > MAX_EVENT_CHARS) return null
  return { name: name as EventName, payload: payload ?? null, at }
}

/** Console side: `ready` or an event, only from the test page origin AND the iframe's own window. */
export function acceptPageMessage(
  message: MessageLike,
  expected: { origin: string; source: unknown },
): { type: 'ready' } | { type: 'event'; event: LoggedEvent } | null {
  if (message.origin !== expected.origin || message.source !== expected.source || !expected.source)
    return null
  const { data } = message
  if (!isRecord(data) || data['protocol'] !== PROTOCOL) return null
  if (data['type'] === 'ready') return { type: 'ready' }
  if (data['type'] !== 'event') return null
  const event = parseLoggedEvent(data['event'])
  return event ? { type: 'event', event } : null
}

/** The frame URL the console loads: nothing secret in it. */
export function testPageUrl(testPageOrigin: string, cdnOrigin: string, consoleOrigin: string): string {
  const query = new URLSearchParams({ cdn: cdnOrigin })
  const fragment = new URLSearchParams({ consoleOrigin })
  return `${testPageOrigin}/testpage.html?${query.toString()}#${fragment.toString()}`
}

/** A library payload as plain JSON (what postMessage and the log can carry), never throwing. */
export function plainPayload(payload: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(payload ?? null)) as unknown
  } catch {
    return { unserializable: String(payload) }
  }
}
