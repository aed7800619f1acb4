/**
 * Known Hosted Fields failures in plain words. The library's messages are matched loosely (the real script and
 * the sandbox's word them a little differently; PAYROC.md lists the typical ones).
 */
import type { EventName } from '@renderer/testpage/protocol'

export const EVENT_HINTS = {
  session: 'Create a new session — tokens last 10 minutes and serve one form (one Hosted Fields instance).',
  libVersion:
    "The session's libVersion must equal the loaded script's version: UAT and production use different versions; check Library version (and any Script version override).",
  secureTokens: 'This terminal has no secure tokens: use payment, or enable secure tokens for this terminal.',
  scriptNotLoaded:
    'Script not loaded, so Payroc is not defined: check that this Library version exists on the environment’s CDN, the network or proxy, the integrity (SRI) value, and the page’s CSP script-src.',
  csp: 'The page’s Content-Security-Policy blocked a host the library needs: a merchant page must allow it (script-src for the CDN, frame-src and connect-src for the gateway).',
  wrapperTarget:
    'cvv.wrapperTarget is required (a selector, or false); `wrapper` is not an option the library reads.',
  target:
    'Every target selector must match exactly one element on the page; check the selector and the markup.',
  submit: 'The submit button belongs inside fields.card (fields.card.submit), with a target and a value.',
  unauthorised:
    'The gateway refused this session: create a new session in the same environment as the script (a UAT token does not work with the production script).',
  submission:
    'The gateway refused the submission: check the card details; if the session expired, create a new one.',
} as const

const RULES: { test: RegExp; hint: string }[] = [
  { test: /lib(rary)?\s*version/i, hint: EVENT_HINTS.libVersion },
  {
    test: /secure token|not (set up|enabled|configured) for (tokeni[sz]ation|secure)|tokeni[sz]ation is not/i,
    hint: EVENT_HINTS.secureTokens,
  },
  {
    test: /session( token)?( has)? (is )?(invalid|expired)|session token|already (been )?used|another (form|instance)/i,
    hint: EVENT_HINTS.session,
  },
  { test: /unauthori[sz]ed|credentials|identity could not be verified/i, hint: EVENT_HINTS.unauthorised },
  { test: /payroc is not defined|script (did not|not) load/i, hint: EVENT_HINTS.scriptNotLoaded },
  { test: /wrapper/i, hint: EVENT_HINTS.wrapperTarget },
  { test: /submit/i, hint: EVENT_HINTS.submit },
  { test: /target|selector|element/i, hint: EVENT_HINTS.target },
]

const messageOf = (payload: unknown): string => {
  if (typeof payload === 'string') return payload
  if (payload && typeof payload === 'object' && 'message' in payload) {
    const { message } = payload as { message: unknown }
    return typeof message === 'string' ? message : ''
  }
  return ''
}

const typeOf = (payload: unknown): string | undefined => {
  if (payload && typeof payload === 'object' && 'type' in payload) {
    const { type } = payload as { type: unknown }
    return typeof type === 'string' ? type : undefined
  }
  return undefined
}

/** The hint for one logged event, or undefined when there is nothing to explain (success, field typing). */
export function hintForEvent(name: EventName, payload: unknown): string | undefined {
  if (name === 'page:scriptError') return EVENT_HINTS.scriptNotLoaded
  if (name === 'page:cspViolation') return EVENT_HINTS.csp
  if (name !== 'error' && name !== 'page:initializeFailed') return undefined
  const type = typeOf(payload)
  // Field errors are the card data being typed; the message is the advice.
  if (type === 'field') return undefined
  const message = messageOf(payload)
  const rule = RULES.find((candidate) => candidate.test.test(message))
  if (rule) return rule.hint
  if (type === 'submission') return EVENT_HINTS.submission
  return undefined
}
