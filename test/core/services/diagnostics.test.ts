/**
 * Pure parts of the diagnosis features: CSV quoting and formula-injection defence, terminal list parsing,
 * "Copy as cURL", HAR 1.2 shape, history cap and filters, ETA and the shared 429 gate.
 */
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Logger } from '../../../src/core/app-types'
import { estimateEta, RateGate } from '../../../src/core/services/diagnostics/batch-engine'
import { csvCell, toCsv } from '../../../src/core/services/exports/csv'
import { buildCurl, shellQuote } from '../../../src/core/services/exports/curl'
import { buildHar } from '../../../src/core/services/exports/har'
import {
  filterHistory,
  History,
  type NewHistoryEntry,
} from '../../../src/core/services/storage/session-history'
import { parseTerminalList } from '../../../src/core/services/diagnostics/terminal-list'
import type { JournalAttempt, JournalEntry } from '../../../src/shared/contract'
import type { HistoryEntry } from '../../../src/shared/diagnostics'

const quiet: Logger = { log: () => {} }

describe('CSV export', () => {
  it('quotes per RFC 4180: comma, quote, CR and LF; doubles quotes; CRLF line ends', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(undefined)).toBe('')
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n')
  })

  it('defuses formulas: cells starting with = + - @ tab or CR get a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`)
    expect(csvCell('+1234')).toBe("'+1234")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('1234001')).toBe('1234001')
  })
})

describe('terminal list parsing', () => {
  it('splits newlines and commas, trims, keeps order and skips blanks', () => {
    const rows = parseTerminalList(' 1234001 \n\n1234002, 1234003\r\n5550001')
    expect(rows.map((row) => row.input)).toEqual(['1234001', '1234002', '1234003', '5550001'])
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4])
  })

  it('takes the named column of a CSV with a header, quotes included', () => {
    const rows = parseTerminalList('merchant,processingTerminalId\n"Acme, Inc",1234001\nBeta,"5550002"\n')
    expect(rows.map((row) => row.processingTerminalId)).toEqual(['1234001', '5550002'])
  })

  it('takes the first column of a header-less CSV table', () => {
    const rows = parseTerminalList('1234001,Acme\n1234002,Beta\n')
    expect(rows.map((row) => row.input)).toEqual(['1234001', '1234002'])
  })

  it('keeps invalid IDs as rows with the reason, and flags duplicates with the first line', () => {
    const rows = parseTerminalList(`abc\n1234001\n${'x'.repeat(51)}\n1234001`)
    expect(rows[0]).toMatchObject({ line: 1, input: 'abc', invalid: expect.stringContaining('at least 4') })
    expect(rows[1]).toMatchObject({ processingTerminalId: '1234001' })
    expect(rows[2]?.invalid).toContain('at most 50')
    expect(rows[3]).toMatchObject({ processingTerminalId: '1234001', duplicateOf: 2 })
    expect(parseTerminalList('\n \n')).toEqual([])
  })
})

const attempt = (overrides: Partial<JournalAttempt> = {}): JournalAttempt => ({
  n: 1,
  method: 'POST',
  url: 'https://api.uat.payroc.com/v1/processing-terminals/1234001/hosted-fields-sessions',
  startedAt: '2024-05-01T10:00:00.000Z',
  durationMs: 42,
  request: {
    headers: {
      Authorization: 'Bearer eyJh…9xYz',
      'Idempotency-Key': '0b1f9c3e-2f4a-4c1b-9d2e-3a4b5c6d7e8f',
      'Content-Type': 'application/json',
      'content-length': '60',
    },
    body: '{"libVersion":"1.7.0.261457","scenario":"payment"}',
  },
  response: {
    status: 403,
    headers: { 'content-type': 'application/problem+json', date: 'Wed, 01 May 2024 10:00:00 GMT' },
    body: '{"type":"https://docs.payroc.com/api/errors#forbidden"}',
  },
  ...overrides,
})

describe('Copy as cURL', () => {
  it('puts secrets back as shell variables and keeps Idempotency-Key and the body', () => {
    const command = buildCurl(attempt())
    expect(command).toContain('-H "Authorization: Bearer $PAYROC_BEARER"')
    expect(command).toContain(`-H 'Idempotency-Key: 0b1f9c3e-2f4a-4c1b-9d2e-3a4b5c6d7e8f'`)
    expect(command).toContain(`--data-raw '{"libVersion":"1.7.0.261457","scenario":"payment"}'`)
    expect(command).not.toContain('content-length')
    expect(command).not.toContain('eyJh')
  })

  it('uses $PAYROC_API_KEY for the identity call and scrubs any known secret left over', () => {
    const command = buildCurl(
      attempt({
        url: 'https://identity.uat.payroc.com/authorize?leak=super-secret-api-key',
        request: { headers: { 'x-api-key': 'supe…-key' } },
      }),
      ['super-secret-api-key'],
    )
    expect(command).toContain('-H "x-api-key: $PAYROC_API_KEY"')
    expect(command).not.toContain('super-secret-api-key')
  })

  it('quotes single quotes for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
  })
})

describe('HAR 1.2', () => {
  it('has the log, creator and one entry per attempt with request, response and timings', () => {
    const entry: JournalEntry = {
      id: 'j1',
      operation: 'create-session',
      environmentId: 'uat',
      profile: 'default',
      startedAt: '2024-05-01T10:00:00.000Z',
      durationMs: 50,
      outcome: 'error',
      attempts: [
        attempt(),
        attempt({ n: 2, response: undefined, error: { kind: 'timeout', message: 'no answer' } }),
      ],
    }
    const har = buildHar([entry], { name: 'Console', version: '1.0.0' })
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator).toEqual({ name: 'Console', version: '1.0.0' })
    expect(har.log.entries).toHaveLength(2)
    const [first, second] = har.log.entries
    expect(first?.request).toMatchObject({ method: 'POST', httpVersion: 'HTTP/1.1', headersSize: -1 })
    expect(first?.request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer eyJh…9xYz' })
    expect(first?.request.postData?.mimeType).toBe('application/json')
    expect(first?.response).toMatchObject({ status: 403, statusText: 'Forbidden' })
    expect(first?.response.content.mimeType).toBe('application/problem+json')
    expect(first?.timings).toEqual({ send: 0, wait: 42, receive: 0 })
    expect(second?.response.status).toBe(0)
    expect(second?._error?.kind).toBe('timeout')
  })
})

const historyEntry = (n: number, overrides: Partial<NewHistoryEntry> = {}): NewHistoryEntry => ({
  at: new Date(Date.UTC(2024, 0, 1, 0, 0, n)).toISOString(),
  environmentId: 'sandbox',
  profile: 'default',
  processingTerminalId: `12340${String(n).padStart(2, '0')}`,
  scenario: 'payment',
  libVersion: '1.7.0.261457',
  outcome: n % 2 === 0 ? 'ok' : 'error',
  durationMs: n,
  attempts: 1,
  ...overrides,
})

describe('history', () => {
  it('evicts the oldest beyond the cap and still writes everything on close', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-history-unit-'))
    const history = await History.open(dir, quiet, { capacity: 5 })
    const recorded = Array.from({ length: 8 }, (_, i) => history.record(historyEntry(i + 1)))
    expect(history.size).toBe(5)
    expect(history.list().map((entry) => entry.durationMs)).toEqual([8, 7, 6, 5, 4])
    await Promise.all(recorded)
    await history.close()
    const file = JSON.parse(await readFile(path.join(dir, 'history.json'), 'utf8')) as {
      version: number
      entries: HistoryEntry[]
    }
    expect(file.version).toBe(2)
    expect(file.entries.map((entry) => entry.durationMs)).toEqual([4, 5, 6, 7, 8])
  })

  it('filters by terminal substring, environment and outcome, newest first, with a limit', () => {
    const entries = [1, 2, 3, 4].map((n, i) => ({
      id: String(i),
      ...historyEntry(n, { environmentId: n > 2 ? 'uat' : 'sandbox' }),
    }))
    expect(filterHistory(entries, { environmentId: 'uat' }).map((e) => e.durationMs)).toEqual([4, 3])
    expect(filterHistory(entries, { outcome: 'ok' }).map((e) => e.durationMs)).toEqual([4, 2])
    expect(filterHistory(entries, { terminal: '03' }).map((e) => e.durationMs)).toEqual([3])
    expect(filterHistory(entries, { limit: 1 }).map((e) => e.durationMs)).toEqual([4])
  })
})

describe('batch pacing', () => {
  it('estimates the time left from the pace so far', () => {
    expect(estimateEta(1000, 10, 90)).toBe(9000)
    expect(estimateEta(1000, 0, 90)).toBeUndefined()
    expect(estimateEta(5000, 100, 0)).toBe(0)
  })

  it('one gate: overlapping 429s extend a single pause instead of stacking', async () => {
    let now = 0
    const gate = new RateGate(() => now)
    gate.pause(1000)
    now = 100
    gate.pause(1000)
    gate.pause(500)
    expect(gate.pauses).toBe(1)
    now = 2000
    gate.pause(1000)
    expect(gate.pauses).toBe(2)
    now = 5000
    await gate.wait(new AbortController().signal)
  })
})
