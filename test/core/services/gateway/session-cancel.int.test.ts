/**
 * Cancel request (`session:cancel`) and the identity call's place in the 30 s budget, over real loopback HTTP:
 * - a create held by a slow sandbox answer, or waiting out a Retry-After, or stuck on an identity host that never
 *   answers, ends `cancelled` within a second of the cancel; the late 201 is never shown as created (the answer,
 *   the history and the journal all say cancelled, and nothing more is sent);
 * - a cancel that overtakes its create (the preview's two POSTs) cancels it on arrival, before anything is sent;
 * - the identity call counts against the call's budget: a hanging identity ends with the budget, not after the
 *   per-attempt deadline.
 */
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../../src/core/console-app'
import { KnownSecrets } from '../../../../src/core/services/credentials/known-secrets'
import { GatewayClient } from '../../../../src/core/services/gateway/gateway-client'
import { CallBudget } from '../../../../src/core/services/gateway/time-budget'
import { TokenCache } from '../../../../src/core/services/gateway/token-cache'
import { Journal } from '../../../../src/core/services/storage/exchange-journal'
import { sandboxControlClient } from '../../../../src/sandbox/control-client'
import { ok } from '../../../../src/shared/result'
import { call } from '../../../support/call'
import { consoleOptions, sessionInput, tempDir } from '../../../support/console-fixtures'

/** One request id per case (session:cancel takes UUIDs). */
const ID = {
  slow: '1f0e7c52-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  rate: '2f0e7c52-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  early: '3f0e7c52-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  plain: '4f0e7c52-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  identity: '5f0e7c52-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
}
const quietLogger = { log: () => undefined }

let app: ConsoleApp
beforeAll(async () => {
  app = await createConsole(consoleOptions(await tempDir('hfc-cancel-')))
})
afterAll(async () => app?.close())

const control = () => sandboxControlClient(app.info.sandboxUrl)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts a create with `requestId`, cancels it after `afterMs`; the answer and how long after the cancel. */
async function createThenCancel(requestId: string, afterMs: number, environmentId = 'sandbox') {
  const pending = call(app, 'session:create', sessionInput({ requestId, environmentId }))
  await sleep(afterMs)
  const cancelledAt = Date.now()
  const cancel = await call(app, 'session:cancel', { requestId })
  const created = await pending
  return { created, cancel, afterCancelMs: Date.now() - cancelledAt }
}

async function latestHistory() {
  const listed = await call(app, 'history:list', { limit: 1 })
  if (!listed.ok) throw new Error(listed.error.message)
  return listed.value.entries[0]
}

describe('Cancel request against the embedded sandbox', () => {
  beforeEach(async () => {
    await control().clearFaults()
  })

  it('a slow answer (latency 3 s): cancelled within a second, the late 201 never shown as created', async () => {
    await control().send('POST', 'faults', {
      route: 'sessions',
      action: { type: 'latency', ms: 3_000 },
      times: 1,
    })
    const { created, cancel, afterCancelMs } = await createThenCancel(ID.slow, 400)
    expect(cancel).toEqual(ok({ inFlight: true }))
    expect(created).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(afterCancelMs).toBeLessThan(1_000)
    if (created.ok) return
    expect(created.error.message).toMatch(/Cancelled \(Cancel request\)/)
    // Past the moment the sandbox answers: still nothing created in history or journal.
    await sleep(3_000)
    const entry = await latestHistory()
    expect(entry).toMatchObject({ outcome: 'error', errorKind: 'cancelled' })
    expect(entry?.tokenSuffix).toBeUndefined()
    const journalId = created.error.journalId
    expect(journalId).toBeDefined()
    const journaled = await call(app, 'journal:get', { id: journalId ?? '' })
    expect(journaled).toMatchObject({
      ok: true,
      value: { operation: 'create-session', outcome: 'error', errorKind: 'cancelled' },
    })
  }, 20_000)

  it('a Retry-After wait stops at once: one attempt sent, none after the cancel', async () => {
    await control().send('POST', 'faults', {
      route: 'sessions',
      action: { type: 'rate-limit', retryAfterSeconds: 10 },
      times: 1,
    })
    const before = (await control().journal(500)).filter((r) => r.route.includes('session')).length
    const { created, afterCancelMs } = await createThenCancel(ID.rate, 500)
    expect(created).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(afterCancelMs).toBeLessThan(1_000)
    await sleep(500)
    const after = (await control().journal(500)).filter((r) => r.route.includes('session')).length
    expect(after - before).toBe(1)
    if (!created.ok) {
      const journaled = await call(app, 'journal:get', { id: created.error.journalId ?? '' })
      expect(journaled.ok && journaled.value.attempts.length).toBe(1)
    }
  }, 20_000)

  it('a cancel that arrives before its create cancels it on arrival: nothing is sent', async () => {
    const before = (await control().journal(500)).filter((r) => r.route.includes('session')).length
    expect(await call(app, 'session:cancel', { requestId: ID.early })).toEqual(ok({ inFlight: false }))
    const created = await call(app, 'session:create', sessionInput({ requestId: ID.early }))
    expect(created).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    const after = (await control().journal(500)).filter((r) => r.route.includes('session')).length
    expect(after).toBe(before)
  })

  it('a create without a cancel still succeeds with a requestId', async () => {
    const created = await call(app, 'session:create', sessionInput({ requestId: ID.plain }))
    expect(created.ok).toBe(true)
  })
})

/** A loopback gateway whose /authorize never answers while `hang` is set; sessions answer 201. */
async function startHangingGateway(): Promise<{ base: string; server: Server; held: ServerResponse[] }> {
  const held: ServerResponse[] = []
  const server = createServer((req, res) => {
    req.resume()
    if (req.url?.startsWith('/authorize')) {
      held.push(res)
      return
    }
    res.writeHead(500).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, held }
}

describe('the identity call is part of the create', () => {
  let gateway: Awaited<ReturnType<typeof startHangingGateway>>
  beforeAll(async () => {
    gateway = await startHangingGateway()
  })
  afterAll(async () => {
    for (const res of gateway.held) res.destroy()
    gateway.server.closeAllConnections()
    await new Promise((resolve) => gateway.server.close(resolve))
  })

  it('Cancel request during a hanging identity call: cancelled within a second', async () => {
    const saved = await call(app, 'environment:saveCustom', {
      name: 'Hanging identity',
      apiBase: `${gateway.base}/v1`,
      identityBase: gateway.base,
      cdnBase: gateway.base,
    })
    if (!saved.ok) throw new Error(saved.error.message)
    const stored = await storeKey(saved.value.id)
    expect(stored).toBe(true)
    const { created, afterCancelMs } = await createThenCancel(ID.identity, 500, saved.value.id)
    expect(created).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(afterCancelMs).toBeLessThan(1_000)
    expect(gateway.held.length).toBeGreaterThan(0)
  }, 20_000)

  it('a hanging identity ends with the budget (1.5 s here), not the 20 s per-attempt deadline', async () => {
    const journal = new Journal(new KnownSecrets())
    const client = new GatewayClient({
      environment: {
        id: 'custom:hang',
        name: 'Hang',
        kind: 'custom',
        apiBase: `${gateway.base}/v1`,
        identityBase: gateway.base,
        cdnBase: gateway.base,
        defaultLibVersion: '1.7.0.261457',
        requiresConfirmation: false,
      },
      profile: 'default',
      apiKey: async () => ok('hanging-api-key-0001'),
      tokens: new TokenCache(),
      journal,
      secrets: new KnownSecrets(),
      logger: quietLogger,
    })
    const started = Date.now()
    const created = await client.createSession(
      { processingTerminalId: '1234001', scenario: 'payment', libVersion: '1.7.0.261457' },
      { budget: new CallBudget({ totalMs: 1_500 }) },
    )
    const elapsed = Date.now() - started
    client.close()
    expect(created).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    if (!created.ok) expect(created.error.message).toMatch(/budget/)
    expect(elapsed).toBeGreaterThanOrEqual(1_400)
    expect(elapsed).toBeLessThan(3_000)
  }, 20_000)
})

/** Puts a key for `environmentId`/default into the console's in-memory keychain without an identity check. */
async function storeKey(environmentId: string): Promise<boolean> {
  const status = await call(app, 'vault:status', { environmentId, profile: 'default' })
  if (!status.ok) return false
  // The fixtures' memory store sits behind the vault; the only public way in is vault:setKey, whose identity
  // check would hang here, so it runs in the background and is not awaited (the key is stored before it).
  void call(app, 'vault:setKey', { environmentId, profile: 'default', apiKey: 'hanging-api-key-0001' })
  for (let i = 0; i < 50; i++) {
    const now = await call(app, 'vault:status', { environmentId, profile: 'default' })
    if (now.ok && now.value.configured) return true
    await sleep(20)
  }
  return false
}
