/**
 * In-memory ring buffer of gateway exchanges (one entry per logical request, one attempt per HTTP request).
 * Everything stored here is already redacted: headers and bodies through the shared redactor, then every known
 * secret scrubbed, so the journal can be shown, copied and exported as it is.
 */
import { randomUUID } from 'node:crypto'
import type { JournalAttempt, JournalEntry, JournalSummary } from '../../../shared/contract'
import { maskToken, redactBodyText, redactHeaders, scrubSecrets } from '../../../shared/redact'
import type { AppError, ErrorKind } from '../../../shared/result'
import { kindForStatus } from '../gateway/gateway-errors'
import { attemptHint } from '../../hint-catalogue'
import type { KnownSecrets } from '../credentials/known-secrets'

export const DEFAULT_JOURNAL_CAPACITY = 500
/** Bodies beyond this are cut: the journal is for reading, and a runaway HTML page should not fill memory. */
const MAX_BODY_CHARS = 16_384

export const summarize = (entry: JournalEntry): JournalSummary => {
  const { attempts, ...rest } = entry
  return { ...rest, attemptCount: attempts.length }
}

export class Journal {
  private readonly entries: JournalEntry[] = []
  /** id → entry, so `get` (called on every create and batch row) does not scan the whole ring. */
  private readonly byId = new Map<string, JournalEntry>()
  private readonly listeners = new Set<(entry: JournalSummary) => void>()

  constructor(
    private readonly secrets: KnownSecrets,
    private readonly capacity: number = DEFAULT_JOURNAL_CAPACITY,
  ) {}

  onEntry(listener: (entry: JournalSummary) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(id: string): JournalEntry | undefined {
    return this.byId.get(id)
  }

  /** Every entry held, oldest first (support bundle). */
  all(): JournalEntry[] {
    return [...this.entries]
  }

  /** Newest first. */
  list(limit = 100): JournalSummary[] {
    return this.entries.slice(-limit).reverse().map(summarize)
  }

  add(entry: JournalEntry): void {
    this.entries.push(entry)
    this.byId.set(entry.id, entry)
    if (this.entries.length > this.capacity) {
      for (const dropped of this.entries.splice(0, this.entries.length - this.capacity)) {
        // An id is unique, but never let an evicted entry take a newer one's index with it.
        if (this.byId.get(dropped.id) === dropped) this.byId.delete(dropped.id)
      }
    }
    const summary = summarize(entry)
    for (const listener of this.listeners) listener(summary)
  }

  clear(): void {
    this.entries.length = 0
    this.byId.clear()
  }

  /**
   * Redacts one raw exchange into a JournalAttempt. `sessionTokens` are kept to their last 6 characters wherever
   * they appear (the Location header and URLs carry them too, not only the JSON `token` field).
   */
  attempt(raw: RawAttempt, sessionTokens: readonly string[] = []): JournalAttempt {
    // One snapshot of the known secrets per attempt (not one per header and body).
    const known = this.secrets.list()
    const scrub = (text: string) => {
      let out = scrubSecrets(text, known)
      for (const token of sessionTokens)
        if (token.length >= 8 && out.includes(token)) out = out.split(token).join(maskToken(token))
      return out
    }
    const body = (text: string | undefined) =>
      text === undefined || text === ''
        ? undefined
        : scrub(redactBodyText(text.slice(0, MAX_BODY_CHARS), known))
    const headers = (record: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(redactHeaders(record)).map(([name, value]) => [name, scrub(value)]))
    return {
      n: raw.n,
      method: raw.method,
      url: scrub(raw.url),
      startedAt: new Date(raw.startedAt).toISOString(),
      durationMs: raw.durationMs,
      request: { headers: headers(raw.requestHeaders), body: body(raw.requestBody) },
      ...(raw.response
        ? {
            response: {
              status: raw.response.status,
              headers: headers(raw.response.headers),
              body: body(raw.response.body),
            },
          }
        : {}),
      ...(raw.error
        ? {
            error: {
              kind: raw.error.kind,
              message: scrub(raw.error.message),
              ...(raw.error.code ? { code: raw.error.code } : {}),
            },
          }
        : {}),
      ...(raw.retry ? { retry: raw.retry } : {}),
      ...hintOf(raw),
    }
  }
}

export interface RawAttempt {
  n: number
  method: string
  url: string
  startedAt: number
  durationMs: number
  requestHeaders: Record<string, unknown>
  requestBody?: string
  response?: { status: number; headers: Record<string, unknown>; body?: string }
  error?: { kind: ErrorKind; message: string; code?: string }
  retry?: { reason: string; delayMs: number }
}

/** The inspector shows a hint next to every failed attempt, in the catalogue's words. */
function hintOf(raw: RawAttempt): { hint?: string } {
  if (raw.error) return { hint: attemptHint(raw.error.kind, { code: raw.error.code }) }
  const status = raw.response?.status
  if (status === undefined || (status >= 200 && status < 300)) return {}
  return { hint: attemptHint(kindForStatus(status), { status }) }
}

/** One finished logical request, before it becomes a JournalEntry. */
export interface CompletedExchange {
  id: string
  operation: JournalEntry['operation']
  environmentId: string
  profile: string
  startedAt: number
  durationMs: number
  failure: AppError | undefined
  status: number | undefined
  attempts: JournalAttempt[]
  idempotencyKey?: string
}

/** The entry the inspector reads: the failure's message, hint and problem details sit next to the attempts. */
export function journalEntry(entry: CompletedExchange): JournalEntry {
  const { failure } = entry
  return {
    id: entry.id,
    operation: entry.operation,
    environmentId: entry.environmentId,
    profile: entry.profile,
    startedAt: new Date(entry.startedAt).toISOString(),
    durationMs: entry.durationMs,
    ...(entry.idempotencyKey ? { idempotencyKey: entry.idempotencyKey } : {}),
    outcome: failure ? 'error' : 'ok',
    ...(failure ? { errorKind: failure.kind } : {}),
    ...(entry.status !== undefined ? { status: entry.status } : {}),
    ...(failure
      ? {
          error: {
            message: failure.message,
            hint: failure.hint,
            ...(failure.problem ? { problem: failure.problem } : {}),
          },
        }
      : {}),
    attempts: entry.attempts,
  }
}

export const newJournalId = (): string => randomUUID()
