/**
 * The diagnosis features against real sandboxes over loopback: history (one entry per logical create, restart,
 * corrupt file), inspector cURL, support bundle + HAR free of the API key and Bearer, and the batch check
 * (50 mixed terminals, a 429 storm with one global pause, cancel mid-run).
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ConsoleApp, ConsoleOptions } from '../../../src/core/console-app'
import { createConsole } from '../../../src/core/console-app'
import { startSandbox, type Sandbox } from '../../../src/sandbox'
import type { ConsoleEvent } from '../../../src/shared/contract'
import type { BatchSnapshot } from '../../../src/shared/diagnostics'
import { consoleOptions, sandboxControl, sessionInput as input } from '../../support/console-fixtures'
import { call } from '../../support/call'

let app: ConsoleApp
let dataDir: string
let sandboxUrl: string
const events: ConsoleEvent[] = []

const options = (dir: string): ConsoleOptions =>
  consoleOptions(dir, {
    gateway: { retry: { baseDelayMs: 5 }, timeouts: { responseTimeoutMs: 1500 } },
  })

const control = <T>(method: string, name: string, body?: unknown): Promise<T> =>
  sandboxControl<T>(sandboxUrl, method, name, body)
interface SandboxRequest {
  at: string
  route: string
  status: number
}
const sessionRequests = async (): Promise<SandboxRequest[]> =>
  (await control<{ entries: SandboxRequest[] }>('GET', 'journal?limit=1000')).entries
    .filter((entry) => entry.route === 'sessions')
    .reverse()

async function finished(batchId: string): Promise<BatchSnapshot> {
  for (;;) {
    const got = await call(app, 'batch:get', { batchId })
    if (!got.ok) throw new Error(got.error.message)
    if (got.value.state !== 'running') return got.value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hfc-diagnostics-'))
  app = await createConsole(options(dataDir))
  sandboxUrl = app.info.sandboxUrl
  app.subscribe((event) => events.push(event))
})
afterAll(async () => app.close())
beforeEach(async () => {
  await control('DELETE', 'faults')
})

describe('history', () => {
  it('records exactly one entry per logical create, even when it took retries', async () => {
    await call(app, 'history:clear', {})
    await control('POST', 'faults', { route: 'sessions', action: { type: 'status', status: 503 }, times: 1 })
    const created = await call(app, 'session:create', input())
    expect(created.ok).toBe(true)
    if (!created.ok) return
    expect(created.value.attempts).toBe(2)
    const failed = await call(app, 'session:create', input({ processingTerminalId: '9999001' }))
    expect(failed).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } })
    const listed = await call(app, 'history:list', {})
    expect(listed.ok && listed.value.entries).toHaveLength(2)
    if (!listed.ok) return
    const [forbidden, ok] = listed.value.entries
    expect(ok).toMatchObject({ outcome: 'ok', attempts: 2, tokenSuffix: created.value.token.slice(-6) })
    expect(forbidden).toMatchObject({ outcome: 'error', errorKind: 'forbidden', status: 403 })
    const onlyErrors = await call(app, 'history:list', { outcome: 'error' })
    expect(onlyErrors.ok && onlyErrors.value.entries.map((e) => e.processingTerminalId)).toEqual(['9999001'])
  })

  it('re-runs an entry with the same inputs and exports CSV', async () => {
    const listed = await call(app, 'history:list', { terminal: '1234001' })
    const first = listed.ok ? listed.value.entries[0] : undefined
    expect(first).toBeDefined()
    if (!first) return
    const rerun = await call(app, 'history:rerun', { id: first.id })
    expect(rerun.ok && rerun.value.processingTerminalId).toBe('1234001')
    const after = await call(app, 'history:list', { terminal: '1234001' })
    expect(after.ok && after.value.entries[0]?.rerunOf).toBe(first.id)
    const csv = await call(app, 'history:exportCsv', {})
    expect(csv.ok && csv.value.csv.split('\r\n')[0]).toMatch(/^at,environmentId,profile,processingTerminalId/)
    expect(csv.ok && csv.value.filename).toMatch(/^session-history-.*\.csv$/)
  })

  it('survives a restart (same data folder) and keeps the token suffix only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-history-restart-'))
    const first = await createConsole(options(dir))
    const created = await call(first, 'session:create', input())
    await first.close()
    expect(created.ok).toBe(true)
    if (!created.ok) return
    const file = await readFile(path.join(dir, 'history.json'), 'utf8')
    expect(file).not.toContain(created.value.token)
    expect(file).toContain(created.value.token.slice(-6))
    const second = await createConsole(options(dir))
    try {
      const listed = await call(second, 'history:list', {})
      expect(listed.ok && listed.value.entries.map((e) => e.journalId)).toEqual([created.value.journalId])
      expect(listed.ok && listed.value.notice).toBeUndefined()
    } finally {
      await second.close()
    }
  })

  it('sets a corrupt file aside, starts empty, and says so once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-history-corrupt-'))
    await writeFile(path.join(dir, 'history.json'), '{"version":1,"entries":[{"broken"')
    const corrupt = await createConsole(options(dir))
    try {
      const listed = await call(corrupt, 'history:list', {})
      expect(listed.ok && listed.value.entries).toEqual([])
      expect(listed.ok && listed.value.notice).toMatch(/history\.json\.corrupt-\d{4}-/)
      const again = await call(corrupt, 'history:list', {})
      expect(again.ok && again.value.notice).toBeUndefined()
      const copies = (await readdir(dir)).filter((name) => name.startsWith('history.json.corrupt-'))
      expect(copies).toHaveLength(1)
      expect(await readFile(path.join(dir, copies[0] ?? ''), 'utf8')).toContain('broken')
    } finally {
      await corrupt.close()
    }
  })
})

describe('inspector', () => {
  it('journals a hint per failed attempt and the problem details of the failure', async () => {
    const failed = await call(app, 'session:create', input({ processingTerminalId: '9999002' }))
    const id = failed.ok ? '' : (failed.error.journalId ?? '')
    const entry = await call(app, 'journal:get', { id })
    expect(entry.ok).toBe(true)
    if (!entry.ok) return
    expect(entry.value.error?.problem?.type).toMatch(/#forbidden$/)
    expect(entry.value.error?.hint).toMatch(/terminal/)
    expect(entry.value.attempts[0]?.hint).toMatch(/terminal/)
  })

  it('Copy as cURL uses $PAYROC_BEARER and keeps the Idempotency-Key', async () => {
    const created = await call(app, 'session:create', input())
    if (!created.ok) throw new Error(created.error.message)
    const curl = await call(app, 'journal:curl', { id: created.value.journalId })
    expect(curl.ok).toBe(true)
    if (!curl.ok) return
    expect(curl.value.command).toContain('-H "Authorization: Bearer $PAYROC_BEARER"')
    expect(curl.value.command).toContain(created.value.idempotencyKey)
    expect(curl.value.command).not.toContain('sandbox-api-key')
    const missing = await call(app, 'journal:curl', { id: created.value.journalId, attempt: 9 })
    expect(missing).toMatchObject({ ok: false, error: { kind: 'validation' } })
  })
})

describe('support bundle', () => {
  let own: Sandbox
  const KEY = 'bundle-test-api-key-0123456789'
  beforeAll(async () => {
    own = await startSandbox({ apiKeys: [KEY] })
  })
  afterAll(async () => own.close())

  it('holds the journal, environment and preflight, and neither the API key nor any Bearer', async () => {
    const saved = await call(app, 'environment:saveCustom', {
      name: 'Bundle gateway',
      apiBase: `${own.url}/v1`,
      identityBase: own.url,
      cdnBase: own.url,
    })
    if (!saved.ok) throw new Error(saved.error.message)
    const environmentId = saved.value.id
    await call(app, 'vault:setKey', { environmentId, profile: 'default', apiKey: KEY })
    const created = await call(app, 'session:create', input({ environmentId }))
    if (!created.ok) throw new Error(created.error.message)
    const preflight = await call(app, 'preflight:run', {
      environmentId,
      profile: 'default',
      processingTerminalId: '1234001',
      libVersion: '1.7.0.261457',
    })
    expect(preflight.ok).toBe(true)
    const curl = await call(app, 'journal:curl', { id: created.value.journalId })
    const bundle = await call(app, 'bundle:export', {
      journalId: created.value.journalId,
      environmentId,
      profile: 'default',
    })
    expect(bundle.ok).toBe(true)
    if (!bundle.ok || !curl.ok) return
    const json = JSON.parse(bundle.value.json) as {
      app: { version: string }
      environment: { apiBase: string }
      journal: { id: string; operation: string }[]
      preflight: { steps: unknown[] } | null
    }
    expect(json.app.version).toBe('0.0.0-test')
    expect(json.environment.apiBase).toBe(`${own.url}/v1`)
    expect(json.journal.map((entry) => entry.operation)).toEqual(['authorize', 'create-session'])
    expect(json.preflight?.steps.length).toBe(8)
    const har = JSON.parse(bundle.value.har) as { log: { version: string; entries: unknown[] } }
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries.length).toBeGreaterThanOrEqual(2)
    // The Bearer tokens the gateway issued are the keys of its token store.
    const store = own.state.accessTokens as unknown as { map: Map<string, unknown> }
    const bearers = [...store.map.keys()]
    expect(bearers.length).toBeGreaterThan(0)
    for (const text of [bundle.value.json, bundle.value.har, curl.value.command]) {
      expect(text).not.toContain(KEY)
      for (const bearer of bearers) expect(text).not.toContain(bearer)
      expect(text).not.toContain(created.value.token)
    }
  })
})

describe('batch terminal check', () => {
  it('checks 50 terminals with mixed outcomes: ok, forbidden, invalid, with throttled progress', async () => {
    const ids = [
      ...Array.from({ length: 40 }, (_, i) => String(5550000 + i)),
      ...Array.from({ length: 8 }, (_, i) => String(9999000 + i)),
      'abc',
      'xy',
    ]
    const since = events.length
    const started = Date.now()
    const result = await call(app, 'batch:start', {
      environmentId: 'sandbox',
      profile: 'default',
      input: ids.join('\n'),
      concurrency: 8,
    })
    expect(result.ok && result.value).toMatchObject({ total: 50, invalid: 2 })
    if (!result.ok) return
    const snapshot = await finished(result.value.batchId)
    const elapsed = Date.now() - started
    expect(snapshot.state).toBe('completed')
    expect(snapshot.rows.map((row) => row.input)).toEqual(ids)
    const count = (verdict: string) => snapshot.rows.filter((row) => row.verdict === verdict).length
    expect([count('ok'), count('forbidden'), count('invalid')]).toEqual([40, 8, 2])
    expect(snapshot.rows.find((row) => row.input === '9999000')).toMatchObject({ status: 403 })
    expect(snapshot.failures).toBe(10)
    const progress = events
      .slice(since)
      .filter((event) => event.type === 'batch' && event.batchId === result.value.batchId)
    expect(progress.at(-1)).toMatchObject({ state: 'completed', done: 50, total: 50, failures: 10 })
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2)
    const csv = await call(app, 'batch:exportCsv', { batchId: result.value.batchId })
    expect(csv.ok && csv.value.csv.split('\r\n').length).toBe(52)
  })

  it('a 429 storm pauses every worker once (Retry-After), then retries the terminal', async () => {
    await control('POST', 'reset')
    await control('POST', 'faults', {
      route: 'sessions',
      action: { type: 'rate-limit', retryAfterSeconds: 1 },
      times: 1,
    })
    const ids = Array.from({ length: 20 }, (_, i) => String(5551000 + i))
    const result = await call(app, 'batch:start', {
      environmentId: 'sandbox',
      profile: 'default',
      input: ids.join(','),
      concurrency: 4,
    })
    if (!result.ok) throw new Error(result.error.message)
    const snapshot = await finished(result.value.batchId)
    expect(snapshot.rows.every((row) => row.verdict === 'ok')).toBe(true)
    const requests = await sessionRequests()
    // Every terminal once, plus exactly one resend for the one 429: nobody hammered.
    expect(requests).toHaveLength(21)
    const limited = requests.find((request) => request.status === 429)
    expect(limited).toBeDefined()
    const t429 = Date.parse(limited?.at ?? '')
    // One global pause: nothing at all reaches the gateway while Retry-After runs (in-flight ones aside).
    const during = requests.filter((r) => Date.parse(r.at) > t429 + 100 && Date.parse(r.at) < t429 + 900)
    expect(during).toEqual([])
    expect(requests.filter((r) => Date.parse(r.at) >= t429 + 900).length).toBeGreaterThanOrEqual(15)
  })

  it('cancel aborts requests in flight and marks the rest cancelled', async () => {
    await control('POST', 'faults', { route: 'sessions', action: { type: 'latency', ms: 300 } })
    const ids = Array.from({ length: 30 }, (_, i) => String(5552000 + i))
    const result = await call(app, 'batch:start', {
      environmentId: 'sandbox',
      profile: 'default',
      input: ids.join('\n'),
      concurrency: 2,
    })
    if (!result.ok) throw new Error(result.error.message)
    await new Promise((resolve) => setTimeout(resolve, 450))
    const before = Date.now()
    const cancelled = await call(app, 'batch:cancel', { batchId: result.value.batchId })
    expect(Date.now() - before).toBeLessThan(250)
    expect(cancelled.ok && cancelled.value.state).toBe('cancelled')
    if (!cancelled.ok) return
    const verdicts = cancelled.value.rows.map((row) => row.verdict)
    expect(verdicts.filter((v) => v === 'ok').length).toBeGreaterThanOrEqual(2)
    expect(verdicts.filter((v) => v === 'cancelled').length).toBeGreaterThanOrEqual(20)
    expect(verdicts).not.toContain('pending')
    expect(cancelled.value.done).toBe(30)
  })

  it('refuses production without confirmation', async () => {
    const result = await call(app, 'batch:start', {
      environmentId: 'production',
      profile: 'default',
      input: '1234001',
    })
    expect(result).toMatchObject({ ok: false, error: { kind: 'confirmation-required' } })
  })
})
