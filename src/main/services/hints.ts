/**
 * The hint catalogue: one plain-language line per failure, for people, not programs. Kept apart from the
 * mapping code so the inspector and diagnostics can show the same words for the same failure.
 */
import type { ErrorKind } from '../../shared/result'

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
