/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of journaled exchanges, for support tickets: any HAR
 * viewer (browser dev tools, Charles, Fiddler) opens it. Built from journal entries, which are already
 * redacted; a failed attempt with no answer gets status 0 and its error in `comment` / `_error`, as browsers do.
 */
import type { JournalAttempt, JournalEntry } from '../../../shared/contract'

export interface HarHeader {
  name: string
  value: string
}
export interface HarEntry {
  startedDateTime: string
  time: number
  request: {
    method: string
    url: string
    httpVersion: string
    cookies: []
    headers: HarHeader[]
    queryString: HarHeader[]
    postData?: { mimeType: string; text: string }
    headersSize: -1
    bodySize: number
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    cookies: []
    headers: HarHeader[]
    content: { size: number; mimeType: string; text?: string }
    redirectURL: string
    headersSize: -1
    bodySize: number
  }
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
  comment?: string
  _journalId: string
  _operation: string
  _error?: { kind: string; message: string; code?: string }
}
export interface Har {
  log: {
    version: '1.2'
    creator: { name: string; version: string }
    pages: []
    entries: HarEntry[]
  }
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

const headerList = (headers: Record<string, string>): HarHeader[] =>
  Object.entries(headers).map(([name, value]) => ({ name, value }))

const headerValue = (headers: Record<string, string>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]

const byteLength = (text: string | undefined): number => (text ? Buffer.byteLength(text) : 0)

function harEntry(entry: JournalEntry, attempt: JournalAttempt): HarEntry {
  const url = new URL(attempt.url)
  const requestType = headerValue(attempt.request.headers, 'content-type') ?? 'application/json'
  const response = attempt.response
  const responseType = response ? (headerValue(response.headers, 'content-type') ?? '') : ''
  const notes = [attempt.retry ? `retried: ${attempt.retry.reason}` : '', attempt.hint ?? ''].filter(Boolean)
  return {
    startedDateTime: attempt.startedAt,
    time: attempt.durationMs,
    request: {
      method: attempt.method,
      url: attempt.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(attempt.request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(attempt.request.body !== undefined
        ? { postData: { mimeType: requestType, text: attempt.request.body } }
        : {}),
      headersSize: -1,
      bodySize: byteLength(attempt.request.body),
    },
    response: {
      status: response?.status ?? 0,
      statusText: response ? (STATUS_TEXT[response.status] ?? '') : '',
      httpVersion: response ? 'HTTP/1.1' : '',
      cookies: [],
      headers: response ? headerList(response.headers) : [],
      content: {
        size: byteLength(response?.body),
        mimeType: responseType,
        ...(response?.body !== undefined ? { text: response.body } : {}),
      },
      redirectURL: response ? (headerValue(response.headers, 'location') ?? '') : '',
      headersSize: -1,
      bodySize: response ? byteLength(response.body) : -1,
    },
    cache: {},
    // The journal times whole attempts; HAR wants phases, so the wait carries it all.
    timings: { send: 0, wait: attempt.durationMs, receive: 0 },
    ...(notes.length > 0 ? { comment: notes.join(' — ') } : {}),
    _journalId: entry.id,
    _operation: entry.operation,
    ...(attempt.error ? { _error: attempt.error } : {}),
  }
}

export function buildHar(entries: readonly JournalEntry[], creator: { name: string; version: string }): Har {
  return {
    log: {
      version: '1.2',
      creator,
      pages: [],
      entries: entries
        .flatMap((entry) => entry.attempts.map((attempt) => harEntry(entry, attempt)))
        .sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime)),
    },
  }
}
