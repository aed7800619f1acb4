/**
 * Fault matrix (SECURITY.md, network faults): every fault the embedded sandbox can inject on the create-session route (and on
 * identity), against the real gateway client of createConsole. For each: bounded attempts (≤ 3), the SAME
 * Idempotency-Key on every attempt (read from the sandbox's own journal, i.e. what went over the wire), at most one
 * session created in the sandbox per logical request, the right error kind with a hint, and exactly one history
 * entry.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../../../src/core/console-app'
import { createConsole } from '../../../../src/core/console-app'
import { memoryStore } from '../../../../src/core/services/credentials/keytar-store'
import type { CreateSessionInput, SessionCreated } from '../../../../src/shared/contract'
import type { HistoryEntry } from '../../../../src/shared/diagnostics'
import type { ErrorKind, Result } from '../../../../src/shared/result'
import { call } from '../../../support/call'
import { sandboxControlClient } from '../../../../src/sandbox/control-client'

/** Client response timeout for this suite: every latency fault below is well beyond it. */
const RESPONSE_TIMEOUT_MS = 400
const CONNECT_TIMEOUT_MS = 300
/** connect + response: no exchange may take longer, however the answer trickles in. */
const DEADLINE_MS = CONNECT_TIMEOUT_MS + RESPONSE_TIMEOUT_MS
const MAX_ATTEMPTS = 3

let app: ConsoleApp
let dataDir: string
let sandboxUrl: string

interface WireEntry {
  route: string
  status: number
  fault?: string
  request: { headers: Record<string, string> }
}
interface Stats {
  sessionsCreated: number
  requests: { authorize: number; sessions: number }
}

const control = <T>(method: string, name: string, body?: unknown): Promise<T> =>
  sandboxControlClient(sandboxUrl).send<T>(method, name, body)
const stats = () => control<Stats>('GET', 'stats')
const wire = async (route: string): Promise<WireEntry[]> =>
  (await control<{ entries: WireEntry[] }>('GET', 'journal?limit=1000')).entries.filter(
    (entry) => entry.route === route,
  )
const history = async (): Promise<HistoryEntry[]> => {
  const list = await call(app, 'history:list', {})
  if (!list.ok) throw new Error(list.error.message)
  return list.value.entries
}

const input: CreateSessionInput = {
  environmentId: 'sandbox',
  profile: 'default',
  processingTerminalId: '1234001',
  scenario: 'payment',
  libVersion: '1.7.0.261457',
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hfc-faults-'))
  app = await createConsole({
    dataDir,
    transport: 'web',
    appVersion: '0.0.0-test',
    testPageOrigin: 'http://127.0.0.1:1',
    secretStore: memoryStore(),
    gateway: {
      retry: { baseDelayMs: 5, maxDelayMs: 2000 },
      timeouts: { responseTimeoutMs: RESPONSE_TIMEOUT_MS, connectTimeoutMs: CONNECT_TIMEOUT_MS },
    },
  })
  sandboxUrl = app.info.sandboxUrl
})
afterAll(async () => {
  await app?.close()
  await rm(dataDir, { recursive: true, force: true })
})
beforeEach(async () => {
  // Fresh counters, journal, sessions and faults per case; the console's cached Bearer stays valid.
  await control('POST', 'reset', {})
})

interface Observed {
  result: Result<SessionCreated>
  idempotencyKey: string | undefined
  /** Create-session requests the sandbox saw for this logical request. */
  attempts: WireEntry[]
  sessionsCreated: number
  historyEntry: HistoryEntry
  elapsedMs: number
}

/**
 * One logical create under the faults already installed. Waits until every attempt the client made has finished
 * on the sandbox's side too (a latency-delayed request completes after the client gave up on it), so the session
 * count is final.
 */
async function createUnderFault(): Promise<Observed> {
  const before = (await history()).length
  const started = Date.now()
  const result = await call(app, 'session:create', input)
  const elapsedMs = Date.now() - started
  const journalId = result.ok ? result.value.journalId : result.error.journalId
  const own = journalId ? await call(app, 'journal:get', { id: journalId }) : undefined
  // An identity failure points at the authorize exchange (its cause); the create-session entry is the newest.
  let entry = own?.ok && own.value.operation === 'create-session' ? own.value : undefined
  if (!entry) {
    const list = await call(app, 'journal:list', { limit: 20 })
    const summary = list.ok
      ? list.value.entries.find(
          (item) => item.operation === 'create-session' && Date.parse(item.startedAt) >= started - 5,
        )
      : undefined
    const full = summary ? await call(app, 'journal:get', { id: summary.id }) : undefined
    entry = full?.ok ? full.value : undefined
  }
  if (entry) {
    const clientAttempts = entry.attempts.length
    await expect.poll(async () => (await wire('sessions')).length, { timeout: 10_000 }).toBe(clientAttempts)
  }
  await control('DELETE', 'faults')
  const after = await history()
  expect(after.length - before, 'exactly one history entry per logical request').toBe(1)
  const historyEntry = after[0]
  if (!historyEntry) throw new Error('no history entry')
  return {
    result,
    idempotencyKey: result.ok ? result.value.idempotencyKey : entry?.idempotencyKey,
    attempts: await wire('sessions'),
    sessionsCreated: (await stats()).sessionsCreated,
    historyEntry,
    elapsedMs,
  }
}

function expectOneKeyBounded(observed: Observed): void {
  expect(observed.attempts.length).toBeGreaterThanOrEqual(1)
  expect(observed.attempts.length).toBeLessThanOrEqual(MAX_ATTEMPTS)
  const keys = new Set(observed.attempts.map((attempt) => attempt.request.headers['idempotency-key']))
  expect([...keys], 'one Idempotency-Key on every attempt').toEqual([observed.idempotencyKey])
  expect(observed.sessionsCreated, 'at most one session per logical request').toBeLessThanOrEqual(1)
}

function expectFailure(observed: Observed, kind: ErrorKind): void {
  const { result } = observed
  if (result.ok) throw new Error(`expected ${kind}, got a session`)
  expect(result.error.kind).toBe(kind)
  expect(result.error.hint.trim().length).toBeGreaterThan(10)
  expect(result.error.message.trim().length).toBeGreaterThan(0)
  expect(observed.historyEntry).toMatchObject({ outcome: 'error', errorKind: kind })
  expect(observed.historyEntry.tokenSuffix).toBeUndefined()
  expectOneKeyBounded(observed)
}

function expectRecovered(observed: Observed, attempts: number): void {
  const { result } = observed
  if (!result.ok) throw new Error(`expected recovery, got ${JSON.stringify(result.error)}`)
  expect(result.value.attempts).toBe(attempts)
  expect(observed.attempts).toHaveLength(attempts)
  expect(observed.sessionsCreated).toBe(1)
  expect(observed.historyEntry).toMatchObject({ outcome: 'ok', attempts })
  expect(observed.historyEntry.tokenSuffix).toBe(result.value.token.slice(-6))
  expectOneKeyBounded(observed)
}

const sessions = (action: Record<string, unknown>, times?: number) =>
  control('POST', 'faults', { route: 'sessions', action, ...(times ? { times } : {}) })

describe('fault matrix on session:create (embedded sandbox fault rules)', () => {
  it('timeout: latency beyond the response timeout on every attempt → timeout, one key, ≤ 1 session', async () => {
    await sessions({ type: 'latency', ms: RESPONSE_TIMEOUT_MS + 500 })
    const observed = await createUnderFault()
    expectFailure(observed, 'timeout')
    expect(observed.attempts).toHaveLength(MAX_ATTEMPTS)
    // Every attempt reached the gateway and was journaled with the one key; the sandbox drops a request whose
    // client left during the delay, so no session exists (a gateway that finished it would replay it: ≤ 1).
    expect(observed.attempts.every((attempt) => attempt.fault === 'latency')).toBe(true)
  })

  it('timeout once, then the retry gets the same session (idempotent replay, not a second session)', async () => {
    await sessions({ type: 'latency', ms: RESPONSE_TIMEOUT_MS + 300 }, 1)
    const observed = await createUnderFault()
    if (!observed.result.ok) throw new Error(JSON.stringify(observed.result.error))
    expect(observed.result.value.attempts).toBeGreaterThanOrEqual(2)
    expect(observed.sessionsCreated).toBe(1)
    expectOneKeyBounded(observed)
  })

  it('connection reset on every attempt → network, 3 attempts, no session', async () => {
    await sessions({ type: 'reset' })
    const observed = await createUnderFault()
    expectFailure(observed, 'network')
    expect(observed.attempts).toHaveLength(MAX_ATTEMPTS)
    expect(observed.sessionsCreated).toBe(0)
  })

  it('connection reset once → recovered on the retry with one session', async () => {
    await sessions({ type: 'reset' }, 1)
    expectRecovered(await createUnderFault(), 2)
  })

  for (const status of [500, 503]) {
    it(`${status} on every attempt → gateway, 3 attempts, no session`, async () => {
      await sessions({ type: 'status', status })
      const observed = await createUnderFault()
      expectFailure(observed, 'gateway')
      if (!observed.result.ok) expect(observed.result.error.status).toBe(status)
      expect(observed.historyEntry.status).toBe(status)
      expect(observed.attempts).toHaveLength(MAX_ATTEMPTS)
      expect(observed.sessionsCreated).toBe(0)
    })

    it(`${status} twice → recovered on the third attempt with one session`, async () => {
      await sessions({ type: 'status', status }, 2)
      expectRecovered(await createUnderFault(), 3)
    })
  }

  it('429 with Retry-After on every attempt → rate-limited after waiting as told, 3 attempts', async () => {
    await sessions({ type: 'rate-limit', retryAfterSeconds: 1 })
    const observed = await createUnderFault()
    expectFailure(observed, 'rate-limited')
    expect(observed.attempts).toHaveLength(MAX_ATTEMPTS)
    expect(observed.sessionsCreated).toBe(0)
    // Two waits of Retry-After = 1 s, not the suite's 5 ms backoff.
    expect(observed.elapsedMs).toBeGreaterThanOrEqual(1900)
  })

  it('429 once → recovered after Retry-After with one session', async () => {
    await sessions({ type: 'rate-limit', retryAfterSeconds: 1 }, 1)
    const observed = await createUnderFault()
    expectRecovered(observed, 2)
    expect(observed.elapsedMs).toBeGreaterThanOrEqual(950)
  })

  it('429 with X-RateLimit-Reset (no Retry-After) once → recovered after waiting until the reset, one session', async () => {
    await sessions({ type: 'rate-limit', retryAfterSeconds: 1, header: 'X-RateLimit-Reset' }, 1)
    const observed = await createUnderFault()
    expectRecovered(observed, 2)
    // The reset is a whole Unix second 1–2 s ahead: waited for, not the suite's 5 ms backoff.
    expect(observed.elapsedMs).toBeGreaterThanOrEqual(950)
  })

  it('malformed JSON in a 201 → malformed-response, not retried, no session', async () => {
    await sessions({ type: 'malformed' })
    const observed = await createUnderFault()
    expectFailure(observed, 'malformed-response')
    expect(observed.attempts).toHaveLength(1)
    expect(observed.sessionsCreated).toBe(0)
  })

  it('slow body (trickled answer) → timeout within a bounded time, one key, ≤ 1 session', async () => {
    // 1 byte per 100 ms: the ~300-byte answer would take ~30 s. The socket is never idle for long, so only a
    // deadline on the whole response (not an idle timeout) stops the client from waiting that long.
    await sessions({ type: 'slow', bytesPerSecond: 10 })
    const observed = await createUnderFault()
    expectFailure(observed, 'timeout')
    expect(observed.attempts).toHaveLength(MAX_ATTEMPTS)
    expect(observed.elapsedMs).toBeLessThan(MAX_ATTEMPTS * DEADLINE_MS + 1500)
    expect(observed.sessionsCreated).toBe(1)
  })

  it('identity failure (503 from /authorize after the Bearer was revoked) → gateway, no session', async () => {
    // Revoke every Bearer: the next create gets 401, re-authenticates once, and identity is down.
    await control('POST', 'reset', { accessTokens: true })
    await control('POST', 'faults', { route: 'authorize', action: { type: 'status', status: 503 } })
    const observed = await createUnderFault()
    expectFailure(observed, 'gateway')
    expect(observed.attempts).toHaveLength(1) // the 401 only; nothing is sent without a Bearer
    expect(observed.attempts[0]?.status).toBe(401)
    expect(observed.sessionsCreated).toBe(0)
    const authorize = await wire('authorize')
    expect(authorize.length).toBeGreaterThanOrEqual(1)
    expect(authorize.length).toBeLessThanOrEqual(2)
    // And it recovers once identity is back (the next create authenticates again).
    expect((await call(app, 'session:create', input)).ok).toBe(true)
  })

  it('identity rejects the key (401 from /authorize) → auth with a hint, no session', async () => {
    await control('POST', 'reset', { accessTokens: true })
    await control('POST', 'faults', { route: 'authorize', action: { type: 'status', status: 401 } })
    const observed = await createUnderFault()
    expectFailure(observed, 'auth')
    expect(observed.sessionsCreated).toBe(0)
    expect((await call(app, 'session:create', input)).ok).toBe(true)
  })

  it('identity connection reset on every try → network, bounded resend, no session', async () => {
    await control('POST', 'reset', { accessTokens: true })
    await control('POST', 'faults', { route: 'authorize', action: { type: 'reset' } })
    const observed = await createUnderFault()
    expectFailure(observed, 'network')
    expect(observed.sessionsCreated).toBe(0)
    expect((await wire('authorize')).length).toBeLessThanOrEqual(2)
  })
})
