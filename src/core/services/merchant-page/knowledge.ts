/**
 * What the checks know about Payroc's library (PAYROC.md): its path on any host, the known builds with their SRI,
 * the hosts per environment, and the init messages that mean "this session token is not live".
 */
import { KNOWN_LIBRARIES } from '../../../shared/payroc'
import type { LibraryEnvironment } from './types'

export { KNOWN_LIBRARIES }

/** `/js/hosted-fields/hosted-fields-<libVersion>.js` on any host. */
export const LIBRARY_PATH = /\/js\/hosted-fields\/hosted-fields-([^/?#]+)\.js$/

export function libraryVersionOf(url: string): string | undefined {
  try {
    return LIBRARY_PATH.exec(new URL(url).pathname)?.[1]
  } catch {
    return undefined
  }
}

export const UAT_ENVIRONMENT: LibraryEnvironment = {
  id: 'uat',
  kind: 'uat',
  scriptOrigins: ['https://cdn.uat.payroc.com'],
  gatewayOrigins: ['https://testpayments.worldnettps.com'],
  identityOrigins: ['https://identity.uat.payroc.com'],
}

/** Production's gateway host is unconfirmed (PAYROC.md): the csp check then judges it from what the page loads. */
export const PRODUCTION_ENVIRONMENT: LibraryEnvironment = {
  id: 'production',
  kind: 'production',
  scriptOrigins: ['https://cdn.payroc.com'],
  gatewayOrigins: [],
  identityOrigins: ['https://identity.payroc.com'],
}

/** The sandbox is script host, gateway and identity service on one loopback origin. */
export function sandboxEnvironment(sandboxUrl: string): LibraryEnvironment {
  const origin = new URL(sandboxUrl).origin
  return {
    id: 'sandbox',
    kind: 'sandbox',
    scriptOrigins: [origin],
    gatewayOrigins: [origin],
    identityOrigins: [origin],
  }
}

/** A custom environment: its CDN base serves the script; its gateway is taken to be the API's origin. */
export function customEnvironment(
  id: string,
  urls: { cdnBaseUrl: string; apiBaseUrl: string; identityBaseUrl: string },
): LibraryEnvironment {
  return {
    id,
    kind: 'custom',
    scriptOrigins: [new URL(urls.cdnBaseUrl).origin],
    gatewayOrigins: [new URL(urls.apiBaseUrl).origin],
    identityOrigins: [new URL(urls.identityBaseUrl).origin],
  }
}

/** Which known environment a build belongs to (undefined: not a known build). */
export function knownBuild(
  libVersion: string,
): { environment: 'uat' | 'production'; integrity: string } | undefined {
  return Object.prototype.hasOwnProperty.call(KNOWN_LIBRARIES, libVersion)
    ? KNOWN_LIBRARIES[libVersion]
    : undefined
}

/** Paths of the library's own gateway calls (Payroc's real one and the sandbox's simulation). */
export const GATEWAY_CONFIGURATION_PATH = /\/merchant\/api\/v2\/hosted-fields-sessions\/[^/]+\/configuration$/
export const SANDBOX_INITIALIZE_PATH = /\/hosted-fields\/sessions\/initialize$/
export const FIELD_FRAME_PATH = /\/(?:merchant\/hosted-fields|hosted-fields\/frame)$/

/** Init messages (Payroc's library and the sandbox's) that say the session token is not live. */
export const SESSION_MESSAGES: { pattern: RegExp; state: 'expired' | 'invalid' | 'used' }[] = [
  { pattern: /expired/i, state: 'expired' },
  { pattern: /already (?:been )?used|used by another/i, state: 'used' },
  {
    pattern: /session token is invalid|invalid session token|token (?:is )?not (?:valid|found)/i,
    state: 'invalid',
  },
  { pattern: /request is unauthori[sz]ed/i, state: 'invalid' },
]

/** Plain hints per init/config message family; the first match wins. */
export const INIT_HINTS: { pattern: RegExp; hint: string }[] = [
  {
    pattern: /expired/i,
    hint: 'Create a new session for every page load; a session token lives 10 minutes.',
  },
  {
    pattern: /already (?:been )?used|used by another/i,
    hint: 'Each Hosted Fields instance needs its own session token: create a new session per form, per load.',
  },
  { pattern: /libVersion/i, hint: 'Create the session with the libVersion of the script the page loads.' },
  {
    pattern: /occurs more than once|matches \d+ elements|matches no element|does not exist/i,
    hint: 'Give each field its own element: every target, errorTarget and wrapperTarget must match exactly one.',
  },
  {
    pattern: /tokenization|secure tokens/i,
    hint: "Use mode 'payment', or ask for secure tokens to be enabled on the processing terminal.",
  },
  {
    pattern: /unauthori[sz]ed|invalid/i,
    hint: 'The gateway refused the session token: create a new session with valid credentials.',
  },
  {
    pattern: /Content-Security-Policy|could not reach|did not load/i,
    hint: "Allow the library's gateway in the page's CSP frame-src and connect-src.",
  },
]

export function hintFor(message: string, fallback: string): string {
  return INIT_HINTS.find((entry) => entry.pattern.test(message))?.hint ?? fallback
}
