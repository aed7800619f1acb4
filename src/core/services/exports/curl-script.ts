/**
 * "Copy as cURL" as a two-step POSIX sh script: the identity step (PAYROC_API_KEY → POST {identity}/authorize →
 * access_token, extracted with sed: no jq needed) and then the journaled call with `Authorization: Bearer
 * $PAYROC_BEARER`. Comments explain every variable and warn that replaying the same Idempotency-Key returns the
 * original answer; the fresh-key variant sends a new UUID v4 (`uuidgen`, else Linux's /proc, else Node).
 *
 * Input is today's single command (exports/curl.ts `buildCurl`, which already puts secrets back as variables),
 * so the header handling stays in one place. The script never contains a secret: known secrets are scrubbed
 * from the finished text as the last line of defence.
 */
import { scrubSecrets } from '../../../shared/redact'

export interface CurlScriptInput {
  /** buildCurl(attempt): `curl … -H "Authorization: Bearer $PAYROC_BEARER" …`. */
  command: string
  /** The environment's identity base URL (e.g. https://identity.uat.payroc.com). */
  identityBaseUrl: string
  environmentLabel: string
  method: string
  url: string
  /** The Idempotency-Key the journaled attempt sent, when it sent one. */
  idempotencyKey?: string
  knownSecrets?: readonly string[]
}

export interface CurlScripts {
  /** Replays the same logical request (same Idempotency-Key). */
  replay: string
  /** The same call with a fresh Idempotency-Key: a new request (a new session, for a create). */
  freshKey: string
}

/** POSIX single quoting. */
const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`

/** Portable UUID v4: uuidgen (macOS, util-linux), else the Linux kernel's, else Node. */
export const FRESH_KEY_COMMAND =
  "IDEMPOTENCY_KEY=$(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid 2>/dev/null || node -e 'console.log(crypto.randomUUID())')"

/** POSIX sed (no jq): the access_token string of the one-line JSON identity answer. */
export const EXTRACT_TOKEN = `sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\\([^"]*\\)".*/\\1/p'`

const IDEMPOTENCY_HEADER = /-H '(Idempotency-Key): [^']*'/i

function identityStep(identityBaseUrl: string): string[] {
  const authorize = `${identityBaseUrl.replace(/\/+$/, '')}/authorize`
  return [
    '# Step 1 (identity): exchange the API key for a Bearer token, valid about an hour.',
    `PAYROC_BEARER=$(curl -sS -f -X POST ${quote(authorize)} -H "x-api-key: $PAYROC_API_KEY" | ${EXTRACT_TOKEN})`,
    'if [ -z "$PAYROC_BEARER" ]; then',
    "  echo 'The identity step returned no access_token: check PAYROC_API_KEY and the environment.' >&2",
    '  exit 1',
    'fi',
    '',
  ]
}

function header(input: CurlScriptInput, fresh: boolean): string[] {
  const lines = [
    '#!/bin/sh',
    `# ${input.method.toUpperCase()} ${input.url}`,
    `# Copied from the console's Inspector (${input.environmentLabel}). Run with: sh this-file.sh`,
    '#',
    '# Variables:',
    `#   PAYROC_API_KEY   your API key for ${input.environmentLabel}. Not in this file: set it first, e.g.`,
    '#                    read -r PAYROC_API_KEY && export PAYROC_API_KEY',
    '#   PAYROC_BEARER    the access token step 1 fetches with that key (no need to set it yourself).',
  ]
  if (fresh)
    lines.push('#   IDEMPOTENCY_KEY  a new UUID v4 made below, so the gateway treats this as a new request.')
  else if (input.idempotencyKey) {
    lines.push(
      `#   Idempotency-Key  ${input.idempotencyKey}, the one the console sent.`,
      '#',
      '# WARNING: replaying with the same Idempotency-Key returns the ORIGINAL answer (for a create: the same',
      '# session token, no new session) while the gateway keeps the key; with a changed body it answers 409.',
      '# For a new request use the fresh-key variant.',
    )
  }
  lines.push(
    '#',
    '# Needs: sh, curl, sed (no jq).',
    'set -eu',
    ': "${PAYROC_API_KEY:?set PAYROC_API_KEY to your API key first}"',
    '',
  )
  return lines
}

function build(input: CurlScriptInput, fresh: boolean): string {
  const lines = [...header(input, fresh), ...identityStep(input.identityBaseUrl)]
  let command = input.command
  if (fresh) {
    lines.push('# A fresh Idempotency-Key: this is a new request, not a replay.', FRESH_KEY_COMMAND, '')
    command = IDEMPOTENCY_HEADER.test(command)
      ? command.replace(IDEMPOTENCY_HEADER, '-H "$1: $IDEMPOTENCY_KEY"')
      : command
  }
  lines.push('# Step 2: the call itself.', command, '')
  return scrubSecrets(lines.join('\n'), input.knownSecrets ?? [])
}

export function buildCurlScripts(input: CurlScriptInput): CurlScripts {
  return { replay: build(input, false), freshKey: build(input, true) }
}
