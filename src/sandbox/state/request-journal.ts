/**
 * The request journal: a bounded ring buffer, newest first on read. Entries keep what the request carried;
 * secrets are masked with the shared redactor when the journal is read (the hot path only stores references).
 */
import type { IncomingHttpHeaders } from 'node:http'
import { maskByKey, maskToken, redactHeaders, redactValue, scrubSecrets } from '../../shared/redact'
import { maskCardNumber, starredAccountNumber } from '../card-checks'

export interface JournalRecord {
  id: number
  /** Epoch ms on the sandbox clock. */
  at: number
  method: string
  path: string
  route: string
  status: number
  durationMs: number
  requestHeaders: IncomingHttpHeaders
  requestBody: string
  responseBody: string
  location?: string
  fault?: string
}

export interface JournalEntry {
  id: number
  at: string
  method: string
  path: string
  route: string
  status: number
  durationMs: number
  fault?: string
  request: { headers: Record<string, string>; body: string }
  response: { body: string; location?: string }
}

const MAX_BODY_CHARS = 4096

export class RequestJournal {
  private readonly ring: (JournalRecord | undefined)[]
  private next = 0
  private seq = 0

  constructor(readonly capacity: number) {
    this.ring = new Array<JournalRecord | undefined>(Math.max(1, capacity))
  }

  nextId(): number {
    return ++this.seq
  }

  add(record: JournalRecord): void {
    this.ring[this.next] = record
    this.next = (this.next + 1) % this.ring.length
  }

  clear(): void {
    this.ring.fill(undefined)
    this.next = 0
  }

  get size(): number {
    let count = 0
    for (const record of this.ring) if (record) count++
    return count
  }

  /** Newest first, at most `limit`, secrets masked. */
  read(limit: number, knownSecrets: readonly string[]): JournalEntry[] {
    const out: JournalEntry[] = []
    const length = this.ring.length
    for (let step = 1; step <= length && out.length < limit; step++) {
      const record = this.ring[(this.next - step + length) % length]
      if (!record) break
      out.push(present(record, knownSecrets))
    }
    return out
  }
}

function present(record: JournalRecord, knownSecrets: readonly string[]): JournalEntry {
  const entry: JournalEntry = {
    id: record.id,
    at: new Date(record.at).toISOString(),
    method: record.method,
    path: redactPath(record.path),
    route: record.route,
    status: record.status,
    durationMs: record.durationMs,
    request: {
      headers: redactHeaders(record.requestHeaders as Record<string, unknown>),
      body: redactJournalBody(record.requestBody, knownSecrets),
    },
    response: { body: redactJournalBody(record.responseBody, knownSecrets) },
  }
  if (record.location) entry.response.location = redactPath(record.location)
  if (record.fault) entry.fault = record.fault
  return entry
}

/**
 * Session and single-use tokens travel in paths (Location, GET …/hosted-fields-sessions/{token},
 * …/single-use-tokens/{token}): keep the last 6 only.
 */
export function redactPath(path: string): string {
  return path.replace(
    /((?:hosted-fields-sessions|single-use-tokens)\/)([^/?#]+)/g,
    (_all, prefix: string, token: string) => {
      return `${prefix}${maskToken(token)}`
    },
  )
}

/** Card and bank data and session tokens are masked on top of the shared body rules (tokens, API keys). */
const CARD_RULES: Record<string, (value: string) => string> = {
  cardNumber: (value) => maskCardNumber(value.replace(/\D/g, '')),
  // ACH / PAD account numbers (single-use tokens without a browser): the last 4 only.
  accountNumber: (value) => starredAccountNumber(value),
  cvv: () => '***',
  sessionToken: maskToken,
}

export function redactJournalBody(text: string, knownSecrets: readonly string[]): string {
  if (text.length === 0) return ''
  let result: string
  try {
    result = JSON.stringify(redactValue(maskByKey(JSON.parse(text), CARD_RULES)))
  } catch {
    result = text
  }
  result = scrubSecrets(result, knownSecrets)
  return result.length > MAX_BODY_CHARS ? `${result.slice(0, MAX_BODY_CHARS)}…[truncated]` : result
}
