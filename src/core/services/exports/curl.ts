/**
 * "Copy as cURL" for a journaled attempt. The journal holds redacted headers only, so the secrets are put back
 * as shell variables: the command runs after `export PAYROC_API_KEY=… PAYROC_BEARER=…` and never contains a
 * secret itself. The Idempotency-Key is kept (re-running replays the same logical request, or answers 409 if the
 * body was edited — both are what support wants to see); the body is kept with session tokens already masked.
 */
import type { JournalAttempt } from '../../../shared/contract'
import { scrubSecrets } from '../../../shared/redact'

export const API_KEY_VARIABLE = '$PAYROC_API_KEY'
export const BEARER_VARIABLE = '$PAYROC_BEARER'

/** Headers cURL sets itself (or that only describe the transfer). */
const DROPPED = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'user-agent'])

/** POSIX single quoting: everything literal, a quote becomes '\''. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`

function headerArgument(name: string, value: string): string {
  const lower = name.toLowerCase()
  // Double quotes so the shell expands the variable; the names are fixed, so nothing else can expand.
  if (lower === 'authorization') return `-H "${name}: Bearer ${BEARER_VARIABLE}"`
  if (lower === 'x-api-key') return `-H "${name}: ${API_KEY_VARIABLE}"`
  return `-H ${shellQuote(`${name}: ${value}`)}`
}

/**
 * `knownSecrets`: every secret main holds, scrubbed from the finished command as the last line of defence (the
 * journal already masked them; an unexpected echo in a URL or body must not escape either).
 */
export function buildCurl(attempt: JournalAttempt, knownSecrets: readonly string[] = []): string {
  const parts = [`curl -sS -i -X ${attempt.method.toUpperCase()} ${shellQuote(attempt.url)}`]
  for (const [name, value] of Object.entries(attempt.request.headers)) {
    if (!DROPPED.has(name.toLowerCase())) parts.push(headerArgument(name, value))
  }
  if (attempt.request.body !== undefined) parts.push(`--data-raw ${shellQuote(attempt.request.body)}`)
  return scrubSecrets(parts.join(' \\\n  '), knownSecrets)
}
