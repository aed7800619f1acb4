/**
 * The hint catalogue: one plain-language line per failure, for people, not programs. Kept apart from the
 * mapping code so the inspector and diagnostics can show the same words for the same failure.
 */
import type { EnvironmentInfo } from '../shared/environments'
import type { AppError, ErrorKind } from '../shared/result'

export const HINTS: Record<ErrorKind, string> = {
  validation: 'Correct the fields named in the error and try again; the gateway created nothing.',
  auth: 'The gateway rejected the credentials: check the API key saved for this environment and profile, then use Test credentials.',
  forbidden:
    'This API key may not use that processing terminal: check the terminal ID, or use the key of the merchant that owns it.',
  conflict:
    'The Idempotency-Key was already used with a different request; press Create session again to send a fresh key.',
  'rate-limited': 'The gateway is throttling requests; wait a little (see Retry-After) and try again.',
  'not-acceptable':
    'The gateway cannot answer in JSON (406); check the Accept header of any proxy in between.',
  'unsupported-media':
    'The gateway did not accept the Content-Type (415); a proxy in between may be rewriting the request.',
  'payload-too-large': 'The request body is too large for the gateway (413); shorten the optional fields.',
  gateway:
    'The gateway failed on its side (5xx); try again in a minute, and quote the journal entry if it persists.',
  network:
    'Could not reach the gateway: check the base URL, the network, DNS, and HTTPS_PROXY / NO_PROXY if you are behind a proxy.',
  tls: 'The TLS certificate was not trusted: if your office uses its own CA, start the app with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.',
  timeout: 'The gateway did not answer in time; check the network or proxy and try again.',
  'malformed-response':
    'The gateway answered with something that is not the expected JSON; check the base URL points at the Payroc API, not a web page or proxy.',
  keychain:
    'The OS keychain is unavailable: start and unlock your keyring (e.g. `gnome-keyring-daemon --unlock`), then try again.',
  'confirmation-required': 'This creates something in Production: confirm it in the dialog to go ahead.',
  cancelled: 'The operation was cancelled; nothing further was sent.',
  internal: 'This is a bug in the console; the main-process log has the details. Nothing was lost.',
}

/** Hints that depend on the status or problem type more precisely than the kind does. */
export function hintFor(
  kind: ErrorKind,
  detail?: { status?: number; problemType?: string; retryAfterMs?: number },
): string {
  if (kind === 'validation' && detail?.problemType?.endsWith('#idempotency-key-missing')) {
    return 'The request lacked a valid Idempotency-Key; this is a console bug, the journal has the exact request.'
  }
  if (kind === 'rate-limited' && detail?.retryAfterMs !== undefined) {
    return `The gateway is throttling requests; wait ${Math.ceil(detail.retryAfterMs / 1000)} s and try again.`
  }
  if (kind === 'auth' && detail?.status === 401) {
    return 'The gateway rejected the credentials (401): check the API key saved for this environment and profile, then use Test credentials.'
  }
  return HINTS[kind]
}

/** Transport codes that deserve more precise words than their kind (DNS, refused, proxy, reset). */
const CODE_HINTS: Record<string, string> = {
  ENOTFOUND:
    'The host name does not resolve (DNS): check the base URL for typos, your DNS or VPN, and HTTPS_PROXY if the office only reaches the internet through a proxy.',
  EAI_AGAIN: 'DNS did not answer (temporary failure): check the network, VPN or DNS server, then try again.',
  ECONNREFUSED:
    'Nothing accepted the connection (refused): check the base URL and port, and whether a firewall blocks it.',
  ERR_PROXY_CONNECTION_FAILED:
    'The proxy could not be reached: check HTTPS_PROXY / NO_PROXY (and that the proxy is running).',
  ECONNRESET: 'The connection was cut (reset): a proxy or firewall in between may be closing it; try again.',
}

/** Hint for one journaled attempt: the transport code first (more precise), else the status or kind. */
export function attemptHint(kind: ErrorKind, detail: { status?: number; code?: string } = {}): string {
  const byCode = detail.code ? CODE_HINTS[detail.code] : undefined
  return byCode ?? hintFor(kind, { status: detail.status })
}

/** Words for diagnosis findings that are not HTTP failures (preflight and batch check). */
export const DIAGNOSIS_HINTS = {
  secureTokens:
    'This terminal is not set up for secure tokens: tokenization sessions are created but the library fails at initialize(); ask Payroc to enable secure tokens (tokenization) for the terminal.',
  tokenizationUnverified:
    'The gateway creates tokenization sessions even for terminals without secure tokens; open the test page in Tokenization mode to see whether the library initialises.',
  clockSkew:
    'This computer’s clock differs from the gateway’s: turn on automatic time (NTP); countdowns are corrected, but expiry warnings may be off.',
  libraryMissing:
    'The CDN does not serve that library version: check the Library version (UAT and production versions differ) against Payroc’s current one.',
  sriMismatch:
    'The script differs from the published SRI hash: a proxy may be rewriting it, or the version’s integrity value changed; pages with the old integrity attribute will refuse to load it.',
  versionEnvironment:
    'That library version belongs to another environment: the libVersion sent must equal the script the page loads, and UAT and production differ.',
  needsConfirmation:
    'This step creates a real session in Production: run preflight again with the production confirmation.',
  proxy:
    'The proxy named in HTTPS_PROXY could not be reached: check the variable (and NO_PROXY) or ask IT for the right proxy.',
  certificate:
    'The server’s certificate is not trusted: if your office inspects TLS with its own CA, start the app with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.',
  prerequisite: 'Fix the failed step above first; this one depends on it.',
  duplicate: 'The same terminal ID appears earlier in the list; it is checked once.',
  invalidTerminal: 'A processingTerminalId is 4 to 50 characters; correct the line and run the check again.',
  ok: 'The terminal opened a payment session (a real one, harmless: it expires unused).',
} as const

/** keytar errors carry no code; TOOLCHAIN.md lists the messages seen on Linux and what fixes each. */
const KEYCHAIN_FIXES: { pattern: RegExp; message: string; hint: string }[] = [
  {
    pattern: /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect/i,
    message: 'No D-Bus session bus is reachable, so the keychain cannot be used.',
    hint: 'Run the app inside a desktop session (or `dbus-run-session -- <command>`) so the keychain can be reached.',
  },
  {
    pattern: /org\.freedesktop\.secrets/i,
    message: 'No Secret Service (keyring) is running on the session bus.',
    hint: 'Start the keyring: `printf %s <password> | gnome-keyring-daemon --unlock --components=secrets` (or log in to a desktop with a keyring).',
  },
  {
    pattern: /collection\/login|Object does not exist/i,
    message: 'The keyring has no unlocked "login" collection.',
    hint: 'Create or unlock the login keyring: `printf %s <password> | gnome-keyring-daemon --unlock --components=secrets`.',
  },
  {
    pattern: /locked collection|locked/i,
    message: 'The keyring is locked.',
    hint: 'Unlock the login keyring (e.g. open Passwords and Keys, or `printf %s <password> | gnome-keyring-daemon --unlock`).',
  },
  {
    pattern: /did not answer within/i,
    message: 'The keychain did not answer.',
    hint: 'Unlock the keyring if it is asking for a password (a prompt may be waiting), then try again.',
  },
  {
    pattern: /Cannot find module|keytar|\.node|NODE_MODULE_VERSION|dlopen/i,
    message: 'The keychain module (keytar) could not be loaded.',
    hint: 'Reinstall dependencies with `npm ci` (keytar compiles against libsecret-1-dev) and restart the app.',
  },
]

export function keychainFix(rawMessage: string): { message: string; hint: string } {
  const found = KEYCHAIN_FIXES.find((fix) => fix.pattern.test(rawMessage))
  return found
    ? { message: `${found.message} (${rawMessage})`, hint: found.hint }
    : { message: `The keychain failed: ${rawMessage}`, hint: HINTS.keychain }
}

/** The words of the secure token flow: which token was refused, or what the terminal lacks. */
export const SECURE_TOKEN_HINTS = {
  tokenUsed:
    'A single-use token works once and for 30 minutes: submit the card form again (a new session if this one expired) for a fresh one.',
  notEnabled:
    'This terminal is not set up for secure tokens: use payment, or enable secure tokens for this terminal.',
  unknownSecureToken:
    'There is no secure token with that secureTokenId on this terminal: save one first (Save as secure token), then update it.',
  exists:
    'A secure token with that secureTokenId already exists: use Update saved details, or create the session without a secureTokenId.',
} as const

/** The words of the flows after the form (payments, bank transfers, secure-token management, BIN lookup). */
export const FLOW_HINTS = {
  conflict:
    'The Idempotency-Key was already used with a different request; press the button again to send a fresh key.',
  paymentNotFound:
    'There is no payment with that Payment ID at this gateway: check the Payment ID, or run the sale first.',
  followUpRefused:
    'The payment is not in a state that allows this: a pre-authorization is captured, an unsettled sale reversed, a settled one refunded (up to what is left).',
  secureTokenNotFound:
    'There is no secure token with that Secure token ID on this terminal (it may have been deleted): refresh the list.',
  notAllowed:
    'This terminal is not set up for that: bank transfers need a terminal with ACH or PAD, secure tokens a terminal with tokenization.',
  declined:
    'The gateway answered, and the issuer declined: try another test card or amount (amounts ending 01 and 02 are declined in the sandbox).',
} as const

/** A request that would create something in Production without the explicit confirmation; nothing was sent. */
export const confirmationRequired = (environment: EnvironmentInfo, action: string): AppError => ({
  kind: 'confirmation-required',
  message: `${action} in ${environment.name} needs an explicit confirmation; nothing was sent.`,
  hint: hintFor('confirmation-required'),
})

/** A request naming something (a batch, an entry) this run does not have. */
export const notFound = (
  what: string,
  field: string,
  id: string,
  hint = `The ${what} may have been cleared or belongs to an earlier run of the app.`,
): AppError => ({
  kind: 'validation',
  message: `There is no ${what} ${id}.`,
  hint,
  fields: { [field]: [`${field}: no ${what} ${id}`] },
})

/** Journal entries live in memory and rotate: a missing one was most likely rotated out. */
export const JOURNAL_ROTATED_HINT =
  'The journal keeps the most recent exchanges of this run only; it may have been rotated out.'

/** Whatever a handler threw, as the Result the caller receives (the details go to the log only). */
export const internalError = (channel: string): AppError => ({
  kind: 'internal',
  message: `${channel} failed unexpectedly`,
  hint: HINTS.internal,
})
