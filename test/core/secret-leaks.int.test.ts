/**
 * Secret leaks (SECURITY.md), core side: a known API key lives in the REAL keychain (run inside
 * scripts/with-keyring.sh) for a custom environment on a second sandbox that accepts only that key. The main flows
 * run through the handlers — test credentials, create, failures, re-run, preflight, a small batch, support bundle,
 * cURL, CSV exports, journal — and then everything the process emitted is searched: every handler response, every
 * push event, the log files, history.json, settings.json, the exports, the cURL commands, the journal, both
 * sandboxes' journals and what was written to stdout/stderr. Neither the key nor any Bearer token that sandbox
 * issued (read from its own token store) may appear anywhere.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import keytar from 'keytar'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ConsoleApp } from '../../src/core/console-app'
import { createConsole } from '../../src/core/console-app'
import { accountFor, VAULT_SERVICE } from '../../src/core/services/credentials/vault'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import type { ConsoleEvent, CreateSessionInput } from '../../src/shared/contract'
import { maskSecret } from '../../src/shared/redact'
import { call } from '../support/call'
import { filesText } from '../support/folder-text'
import { sandboxControlClient } from '../../src/sandbox/control-client'

const API_KEY = `leak-canary-${randomBytes(16).toString('hex')}`
const PROFILE = 'support-desk'

let app: ConsoleApp
let second: Sandbox
let dataDir: string
let environmentId: string
const responses: unknown[] = []
const events: ConsoleEvent[] = []
const written: string[] = []
const originalWrites = { out: process.stdout.write, err: process.stderr.write }

/** Records every result a handler returns, so the search below covers all of them. */
async function record<T>(promise: Promise<T>): Promise<T> {
  const result = await promise
  responses.push(result)
  return result
}

/** The Bearer tokens the second sandbox issued: the keys of its access-token store. */
function issuedBearers(sandbox: Sandbox): string[] {
  const map = (sandbox.state.accessTokens as unknown as { map?: unknown }).map
  if (!(map instanceof Map))
    throw new Error('ExpiringStore no longer keeps its entries in `map`: update issuedBearers()')
  return [...map.keys()].filter((key): key is string => typeof key === 'string')
}

function capture(stream: NodeJS.WriteStream, original: typeof process.stdout.write): void {
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'))
    return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest)
  }) as typeof process.stdout.write
}

beforeAll(async () => {
  if (!process.env['DBUS_SESSION_BUS_ADDRESS'])
    throw new Error('Run inside a Secret Service session: bash scripts/with-keyring.sh npx vitest …')
  capture(process.stdout, originalWrites.out)
  capture(process.stderr, originalWrites.err)
  second = await startSandbox({ port: 0, apiKeys: [API_KEY] })
  dataDir = await mkdtemp(path.join(tmpdir(), 'hfc-leaks-'))
  app = await createConsole({
    dataDir,
    transport: 'web',
    appVersion: '0.0.0-leaks',
    testPageOrigin: 'http://127.0.0.1:1',
    gateway: { retry: { baseDelayMs: 5 }, timeouts: { responseTimeoutMs: 2000 } },
  })
  app.subscribe((event) => events.push(event))
})

afterAll(async () => {
  process.stdout.write = originalWrites.out
  process.stderr.write = originalWrites.err
  await app?.close()
  await second?.close()
  if (environmentId) await keytar.deletePassword(VAULT_SERVICE, accountFor(environmentId, PROFILE))
  await rm(dataDir, { recursive: true, force: true })
})

it('neither the API key nor any Bearer token appears in anything the console emits', async () => {
  // Credentials: a custom environment on the second sandbox, its key saved in the real keychain.
  const saved = await record(
    call(app, 'environment:saveCustom', {
      name: 'Leak check',
      apiBase: `${second.url}/v1`,
      identityBase: second.url,
      cdnBase: second.url,
    }),
  )
  if (!saved.ok) throw new Error(saved.error.message)
  environmentId = saved.value.id
  const target = { environmentId, profile: PROFILE }
  expect(await record(call(app, 'vault:setKey', { ...target, apiKey: API_KEY }))).toMatchObject({ ok: true })
  expect(await keytar.getPassword(VAULT_SERVICE, accountFor(environmentId, PROFILE))).toBe(API_KEY)
  await record(call(app, 'environment:select', target))
  await record(call(app, 'vault:status', target))
  expect(await record(call(app, 'vault:test', target))).toMatchObject({ ok: true })

  // Sessions: a success, gateway failures with retries, a forbidden terminal, a re-run.
  const input: CreateSessionInput = {
    ...target,
    processingTerminalId: '1234001',
    scenario: 'payment',
    libVersion: '1.7.0.261457',
  }
  const created = await record(call(app, 'session:create', input))
  if (!created.ok) throw new Error(created.error.message)
  second.addFault({ route: 'sessions', action: { type: 'status', status: 500 }, times: 3 })
  expect(await record(call(app, 'session:create', input))).toMatchObject({ ok: false })
  second.addFault({ route: 'sessions', action: { type: 'malformed' }, times: 1 })
  expect(await record(call(app, 'session:create', input))).toMatchObject({ ok: false })
  expect(
    await record(call(app, 'session:create', { ...input, processingTerminalId: '9999999' })),
  ).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  // A revoked Bearer (401 → one re-auth) and a rejected key at identity.
  second.reset({ accessTokens: true })
  expect(await record(call(app, 'session:create', input))).toMatchObject({ ok: true })
  second.addFault({ route: 'authorize', action: { type: 'status', status: 401 }, times: 1 })
  expect(await record(call(app, 'vault:test', target))).toMatchObject({ ok: false, error: { kind: 'auth' } })
  const history = await record(call(app, 'history:list', {}))
  if (!history.ok) throw new Error(history.error.message)
  const ok = history.value.entries.find((entry) => entry.outcome === 'ok')
  if (!ok) throw new Error('no successful history entry')
  expect(await record(call(app, 'history:rerun', { id: ok.id }))).toMatchObject({ ok: true })

  // Diagnostics: preflight, a small batch, exports.
  await record(
    call(app, 'preflight:run', { ...target, processingTerminalId: '1234001', libVersion: '1.7.0.261457' }),
  )
  const batch = await record(
    call(app, 'batch:start', { ...target, input: '1234001\n1234002\n9999999\nnot-an-id\n5550001' }),
  )
  if (!batch.ok) throw new Error(batch.error.message)
  await expect
    .poll(async () => {
      const got = await call(app, 'batch:get', { batchId: batch.value.batchId })
      return got.ok ? got.value.state : 'missing'
    })
    .not.toBe('running')
  await record(call(app, 'batch:get', { batchId: batch.value.batchId }))
  await record(call(app, 'batch:exportCsv', { batchId: batch.value.batchId }))
  await record(call(app, 'history:exportCsv', {}))
  await record(call(app, 'bundle:export', target))
  await record(call(app, 'bundle:export', { ...target, journalId: created.value.journalId }))

  // The journal, every entry in full, and a cURL copy of every attempt.
  const list = await record(call(app, 'journal:list', { limit: 1000 }))
  if (!list.ok) throw new Error(list.error.message)
  let curls = 0
  for (const summary of list.value.entries) {
    const entry = await record(call(app, 'journal:get', { id: summary.id }))
    if (!entry.ok) continue
    for (let attempt = 1; attempt <= entry.value.attempts.length; attempt += 1) {
      const curl = await record(call(app, 'journal:curl', { id: summary.id, attempt }))
      if (curl.ok) curls += 1
    }
  }
  expect(curls).toBeGreaterThan(5)
  await record(call(app, 'environment:list', {}))
  await record(call(app, 'app:info', {}))

  // What the sandboxes recorded, then the files after a clean close (history flushed).
  const embeddedJournal = JSON.stringify(await sandboxControlClient(app.info.sandboxUrl).journal(1000))
  const secondJournal = JSON.stringify(second.journal(1000))
  await app.close()
  const files = await filesText(dataDir)
  expect(files).toContain('"version"') // history.json and settings.json are there
  expect(files).toContain(environmentId)

  const bearers = issuedBearers(second)
  expect(bearers.length).toBeGreaterThanOrEqual(3) // vault:test ×2 (one refused), pre-warm, the re-auth
  const haystacks: Record<string, string> = {
    'handler responses': JSON.stringify(responses),
    'push events': JSON.stringify(events),
    'data folder (log, history.json, settings.json)': files,
    'embedded sandbox journal': embeddedJournal,
    'second sandbox journal': secondJournal,
    'stdout/stderr': written.join(''),
  }
  // The search is real: the journal and bundle carry the masked Bearer headers, so the tokens were in play.
  expect(bearers.some((bearer) => haystacks['handler responses']?.includes(maskSecret(bearer)))).toBe(true)
  expect(haystacks['handler responses']).toContain(maskSecret(API_KEY))
  for (const [where, text] of Object.entries(haystacks)) {
    expect(text.includes(API_KEY), `API key found in ${where}`).toBe(false)
    for (const bearer of bearers)
      expect(text.includes(bearer), `a Bearer token found in ${where}`).toBe(false)
  }
})
