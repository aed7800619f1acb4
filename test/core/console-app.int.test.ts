/**
 * createConsole against its embedded sandbox over real loopback HTTP: session creation, pre-warm, re-auth,
 * retries with one Idempotency-Key, error kinds, and the production gate. The sandbox is driven through its
 * control API (the URL app:info reports), exactly as e2e specs do.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../src/core/console-app'
import { createConsole } from '../../src/core/console-app'
import type { ConsoleEvent, CreateSessionInput } from '../../src/shared/contract'
import { UUID_V4_PATTERN } from '../../src/shared/payroc'
import { consoleOptions, sandboxControl, sessionInput, tempDir } from '../support/console-fixtures'
import { call } from '../support/call'

let app: ConsoleApp
let sandboxUrl: string
const events: ConsoleEvent[] = []

interface Stats {
  sessionsCreated: number
  accessTokensIssued: number
  requests: { authorize: number; sessions: number; total: number }
}
interface SandboxJournalEntry {
  route: string
  status: number
  request: { headers: Record<string, string> }
}

const control = <T>(method: string, name: string, body?: unknown): Promise<T> =>
  sandboxControl<T>(sandboxUrl, method, name, body)
const stats = () => control<Stats>('GET', 'stats')
const addFault = (rule: unknown) => control('POST', 'faults', rule)
const journalEntries = async (): Promise<SandboxJournalEntry[]> => {
  const body = await control<SandboxJournalEntry[] | { entries: SandboxJournalEntry[] }>(
    'GET',
    'journal?limit=50',
  )
  return Array.isArray(body) ? body : body.entries
}

const create = (overrides: Partial<CreateSessionInput> = {}) =>
  call(app, 'session:create', sessionInput(overrides))

beforeAll(async () => {
  app = await createConsole(
    consoleOptions(await tempDir('hfc-console-'), {
      gateway: { retry: { baseDelayMs: 5 }, timeouts: { responseTimeoutMs: 1000 } },
    }),
  )
  sandboxUrl = app.info.sandboxUrl
  app.subscribe((event) => events.push(event))
})
afterAll(async () => app.close())
afterEach(async () => {
  await control('DELETE', 'faults')
  await control('PATCH', 'config', { clockOffsetSeconds: 0 })
})

describe('createConsole + session:create against the embedded sandbox', () => {
  it('reports app info and lists the environments with the sandbox URL', async () => {
    expect(app.info).toMatchObject({
      transport: 'web',
      sandboxUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    })
    const list = await call(app, 'environment:list', {})
    expect(list.ok && list.value.environments.map((env) => env.id)).toEqual(['sandbox', 'uat', 'production'])
    expect(list.ok && list.value.sandboxUrl).toBe(sandboxUrl)
    const status = await call(app, 'vault:status', { environmentId: 'sandbox', profile: 'default' })
    expect(status).toMatchObject({
      ok: true,
      value: { configured: true, source: 'managed', masked: 'sand…-key' },
    })
  })

  it('creates a session end to end', async () => {
    const result = await create()
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const session = result.value
    expect(session).toMatchObject({ environmentId: 'sandbox', processingTerminalId: '1234001', attempts: 1 })
    expect(session.token.length).toBeGreaterThan(10)
    expect(session.idempotencyKey).toMatch(UUID_V4_PATTERN)
    expect(Date.parse(session.expiresAt) - Date.parse(session.serverDate ?? '')).toBeGreaterThan(590_000)
    expect(Math.abs(Date.parse(session.receivedAt) - Date.now())).toBeLessThan(5000)
    expect(session.location).toContain('/hosted-fields-sessions/')
    const entry = await call(app, 'journal:get', { id: session.journalId })
    expect(entry).toMatchObject({
      ok: true,
      value: { operation: 'create-session', outcome: 'ok', status: 201 },
    })
    expect(JSON.stringify(entry)).not.toContain(session.token)
    expect(events.some((event) => event.type === 'journal' && event.entry.id === session.journalId)).toBe(
      true,
    )
  })

  it('costs one round trip per create after the pre-warm', async () => {
    const before = await stats()
    for (let index = 0; index < 3; index += 1) expect((await create()).ok).toBe(true)
    const after = await stats()
    expect(after.requests.authorize - before.requests.authorize).toBe(0)
    expect(after.requests.sessions - before.requests.sessions).toBe(3)
  })

  it('re-authenticates once when the gateway no longer accepts the cached Bearer', async () => {
    // Shift the sandbox clock past the token's lifetime: it now answers 401 while our cache still trusts it.
    await control('PATCH', 'config', { clockOffsetSeconds: 7200 })
    const before = await stats()
    const result = await create()
    expect(result).toMatchObject({ ok: true, value: { attempts: 2 } })
    const after = await stats()
    expect(after.requests.authorize - before.requests.authorize).toBe(1)
    expect(after.sessionsCreated - before.sessionsCreated).toBe(1)
  })

  it('re-authenticates only once when 401 persists', async () => {
    await addFault({ route: 'sessions', action: { type: 'status', status: 401 } })
    const before = await stats()
    const result = await create()
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } })
    const after = await stats()
    expect(after.requests.authorize - before.requests.authorize).toBe(1)
    expect(after.requests.sessions - before.requests.sessions).toBe(2)
  })

  it('retries 500, 429 (Retry-After) and a reset with the same Idempotency-Key, one session per create', async () => {
    await addFault({ route: 'sessions', action: { type: 'status', status: 500 }, times: 1 })
    const before = await stats()
    const first = await create()
    expect(first).toMatchObject({ ok: true, value: { attempts: 2 } })
    expect((await stats()).sessionsCreated - before.sessionsCreated).toBe(1)
    await addFault({ route: 'sessions', action: { type: 'rate-limit', retryAfterSeconds: 1 }, times: 1 })
    await addFault({ route: 'sessions', action: { type: 'reset' }, times: 1 })
    const started = Date.now()
    const second = await create()
    if (!second.ok) throw new Error(JSON.stringify(second.error))
    expect(second.value.attempts).toBe(3)
    expect((await stats()).sessionsCreated - before.sessionsCreated).toBe(2)
    const entry = await call(app, 'journal:get', { id: second.value.journalId })
    if (!entry.ok) throw new Error('journal entry missing')
    const retries = entry.value.attempts.map((attempt) => attempt.retry)
    expect(retries[0]).toBeDefined()
    expect(retries[1]).toBeDefined()
    expect(retries[2]).toBeUndefined()
    const rateLimited = entry.value.attempts.find((attempt) => attempt.response?.status === 429)
    expect(rateLimited?.retry).toMatchObject({ delayMs: 1000 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    const keys = new Set(entry.value.attempts.map((attempt) => attempt.request.headers['Idempotency-Key']))
    expect([...keys]).toEqual([second.value.idempotencyKey])
    // And on the wire: every session request of this create carried that one key.
    const wire = (await journalEntries()).filter(
      (item) => item.request.headers['idempotency-key'] === second.value.idempotencyKey,
    )
    expect(wire.map((item) => item.status).sort()).toHaveLength(3)
  })

  it('gives up after 2 retries and creates nothing', async () => {
    await addFault({ route: 'sessions', action: { type: 'status', status: 503 } })
    const before = await stats()
    const result = await create()
    expect(result).toMatchObject({ ok: false, error: { kind: 'gateway', status: 503 } })
    if (!result.ok) expect(result.error.journalId).toBeDefined()
    const after = await stats()
    expect(after.requests.sessions - before.requests.sessions).toBe(3)
    expect(after.sessionsCreated - before.sessionsCreated).toBe(0)
  })

  it('403 for a terminal the key may not use is terminal: forbidden, with the problem, no retry', async () => {
    const before = await stats()
    const result = await create({ processingTerminalId: '9999999' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } })
    if (!result.ok) {
      expect(result.error.problem).toMatchObject({ status: 403, type: expect.stringContaining('#forbidden') })
      expect(result.error.hint).toMatch(/terminal/)
    }
    expect((await stats()).requests.sessions - before.requests.sessions).toBe(1)
  })

  it('names the invalid fields, locally (nothing sent) and from the gateway problem', async () => {
    const before = await stats()
    const local = await create({ libVersion: '1.7', processingTerminalId: '12' })
    expect(local.ok).toBe(false)
    if (!local.ok) {
      expect(local.error.kind).toBe('validation')
      expect(Object.keys(local.error.fields ?? {}).sort()).toEqual(['libVersion', 'processingTerminalId'])
    }
    expect((await stats()).requests.sessions).toBe(before.requests.sessions)
    await addFault({
      route: 'sessions',
      action: {
        type: 'status',
        status: 400,
        problem: {
          errors: [{ parameter: 'secureTokenId', detail: 'secureTokenId is not known', message: 'x' }],
        },
      },
      times: 1,
    })
    const remote = await create()
    expect(remote).toMatchObject({ ok: false, error: { kind: 'validation', status: 400 } })
    if (!remote.ok) expect(remote.error.fields).toEqual({ secureTokenId: ['secureTokenId is not known'] })
  })

  it('maps a truncated body to malformed-response, without retrying', async () => {
    await addFault({ route: 'sessions', action: { type: 'malformed' }, times: 1 })
    const result = await create()
    expect(result).toMatchObject({ ok: false, error: { kind: 'malformed-response', status: 201 } })
  })

  it('maps a slow gateway to timeout after the retries', async () => {
    await addFault({ route: 'sessions', action: { type: 'latency', ms: 2500 } })
    const result = await create()
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    if (!result.ok) {
      const entry = await call(app, 'journal:get', { id: result.error.journalId ?? '' })
      expect(entry.ok && entry.value.attempts.length).toBe(3)
    }
  })

  it('production needs confirmProduction: true, and nothing is sent without it', async () => {
    const before = await call(app, 'journal:list', { limit: 1000 })
    const result = await create({ environmentId: 'production', libVersion: '1.7.0.261471' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'confirmation-required' } })
    const after = await call(app, 'journal:list', { limit: 1000 })
    expect(after.ok && after.value.entries.length).toBe(before.ok && before.value.entries.length)
    // Confirmed, it goes on to the credentials: none are stored here, so it stops before any network call.
    const confirmed = await create({
      environmentId: 'production',
      libVersion: '1.7.0.261471',
      confirmProduction: true,
    })
    expect(confirmed).toMatchObject({ ok: false, error: { kind: 'auth' } })
  })

  it('pre-warms on environment:select and reports it as an event', async () => {
    const seen = events.length
    const selected = await call(app, 'environment:select', {
      environmentId: 'sandbox',
      profile: 'default',
    })
    expect(selected).toMatchObject({ ok: true, value: { prewarming: true } })
    await expect
      .poll(() => events.slice(seen).some((event) => event.type === 'prewarm' && event.ok))
      .toBe(true)
    const uat = await call(app, 'environment:select', { environmentId: 'uat', profile: 'default' })
    expect(uat).toMatchObject({ ok: true, value: { prewarming: false } })
    const unknown = await call(app, 'environment:select', {
      environmentId: 'custom:nope',
      profile: 'default',
    })
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'validation' } })
    await call(app, 'environment:select', { environmentId: 'sandbox', profile: 'default' })
  })

  it('tests the sandbox credentials with a fresh identity call', async () => {
    const before = await stats()
    const result = await call(app, 'vault:test', { environmentId: 'sandbox', profile: 'default' })
    expect(result).toMatchObject({ ok: true, value: { tokenType: 'Bearer', expiresIn: expect.any(Number) } })
    expect((await stats()).requests.authorize - before.requests.authorize).toBe(1)
  })

  it('resends /authorize once after a connection reset; a rejected key is auth', async () => {
    await addFault({ route: 'authorize', action: { type: 'reset' }, times: 1 })
    const result = await call(app, 'vault:test', { environmentId: 'sandbox', profile: 'default' })
    expect(result.ok).toBe(true)
    if (result.ok) {
      const entry = await call(app, 'journal:get', { id: result.value.journalId })
      expect(entry.ok && entry.value.attempts.map((attempt) => attempt.retry?.reason)).toEqual([
        'connection reset',
        undefined,
      ])
    }
    await addFault({ route: 'authorize', action: { type: 'status', status: 401 }, times: 1 })
    const rejected = await call(app, 'vault:test', { environmentId: 'sandbox', profile: 'default' })
    expect(rejected).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } })
    expect((await create()).ok).toBe(true) // and the next call authenticates again
  })

  it('maps a refused connection to network', async () => {
    const saved = await call(app, 'environment:saveCustom', {
      name: 'Closed port',
      apiBase: 'http://127.0.0.1:1/v1',
      identityBase: 'http://127.0.0.1:1',
      cdnBase: 'http://127.0.0.1:1',
    })
    expect(saved.ok).toBe(true)
    const key = await call(app, 'vault:setKey', {
      environmentId: 'custom:closed-port',
      profile: 'default',
      apiKey: 'closed-port-key-1',
    })
    expect(key.ok).toBe(true)
    const result = await create({ environmentId: 'custom:closed-port' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } })
    if (!result.ok) expect(result.error.message).toContain('ECONNREFUSED')
    expect((await call(app, 'environment:deleteCustom', { environmentId: 'custom:closed-port' })).ok).toBe(
      true,
    )
  })

  it('answers journal:get for an unknown id with a validation error', async () => {
    expect(await call(app, 'journal:get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    })
  })
})
