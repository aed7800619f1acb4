/** Idempotency-Key behaviour of the sandbox (PAYROC.md "Idempotency", INTERFACES.md). */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../../src/sandbox'
import {
  authorize,
  base,
  bearer,
  control,
  createSession,
  expectProblem,
  LIB,
  sandbox,
  useSandbox,
} from '../../support/sandbox'

useSandbox({ port: 0, apiKeys: ['sandbox-api-key', 'second-merchant-key'] })

describe('replay', () => {
  it('answers the same key + URI + body with the original 201, token and Location, creating nothing', async () => {
    const key = randomUUID()
    const first = await createSession(base, bearer, { idempotencyKey: key })
    const again = await createSession(base, bearer, { idempotencyKey: key })
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.json).toEqual(first.json)
    expect(again.headers.get('location')).toBe(first.headers.get('location'))
    expect(sandbox.stats().sessionsCreated).toBe(1)
    expect(sandbox.stats().idempotentReplays).toBe(1)
  })

  it('treats the same JSON with other key order and whitespace as the same body', async () => {
    const key = randomUUID()
    const first = await createSession(base, bearer, {
      idempotencyKey: key,
      rawBody: `{"libVersion":"${LIB}","scenario":"payment"}`,
    })
    const again = await createSession(base, bearer, {
      idempotencyKey: key,
      rawBody: `{ "scenario": "payment",\n  "libVersion": "${LIB}" }`,
    })
    expect(again.json.token).toBe(first.json.token)
  })

  it('accepts the key in any letter case as the same key', async () => {
    const key = randomUUID()
    const first = await createSession(base, bearer, { idempotencyKey: key })
    const again = await createSession(base, bearer, { idempotencyKey: key.toUpperCase() })
    expect(again.json.token).toBe(first.json.token)
  })

  it('scopes keys to the API key (merchant)', async () => {
    const key = randomUUID()
    const other = await authorize(base, 'second-merchant-key')
    const a = await createSession(base, bearer, { idempotencyKey: key })
    const b = await createSession(base, other, { idempotencyKey: key })
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(a.json.token).not.toBe(b.json.token)
    // another Bearer token of the same merchant shares the key
    const c = await createSession(base, await authorize(base), { idempotencyKey: key })
    expect(c.json.token).toBe(a.json.token)
  })
})

describe('409 conflict', () => {
  it('answers a different body with #idempotency-key-in-use, instance, errors[] and link to the original', async () => {
    const key = randomUUID()
    await createSession(base, bearer, { idempotencyKey: key })
    const conflict = await createSession(base, bearer, {
      idempotencyKey: key,
      body: { libVersion: LIB, scenario: 'tokenization' },
    })
    expectProblem(conflict, 409, 'idempotency-key-in-use')
    expect(conflict.json.instance).toBe('/v1/processing-terminals/1234001/hosted-fields-sessions')
    expect(conflict.json.errors[0].parameter).toBe('Idempotency-Key')
    expect(conflict.json.link).toEqual({
      rel: 'previous',
      method: 'POST',
      href: '/v1/processing-terminals/1234001/hosted-fields-sessions',
    })
    expect(sandbox.stats().sessionsCreated).toBe(1)
  })

  it('answers a different URI with 409', async () => {
    const key = randomUUID()
    await createSession(base, bearer, { idempotencyKey: key, terminal: '1234001' })
    const conflict = await createSession(base, bearer, { idempotencyKey: key, terminal: '1234002' })
    expectProblem(conflict, 409, 'idempotency-key-in-use')
    expect(conflict.json.instance).toBe('/v1/processing-terminals/1234002/hosted-fields-sessions')
    expect(conflict.json.link.href).toBe('/v1/processing-terminals/1234001/hosted-fields-sessions')
  })
})

describe('what is not stored', () => {
  it('does not store a 403: the same key succeeds on an allowed terminal', async () => {
    const key = randomUUID()
    expectProblem(await createSession(base, bearer, { idempotencyKey: key, terminal: '9999999' }), 403)
    expect((await createSession(base, bearer, { idempotencyKey: key, terminal: '1234001' })).status).toBe(201)
  })

  it.each([
    ['status 500', { type: 'status', status: 500 }],
    ['status 503', { type: 'status', status: 503 }],
    ['rate-limit', { type: 'rate-limit', retryAfterSeconds: 1 }],
    ['malformed', { type: 'malformed' }],
  ])(
    'does not store a fault-injected answer (%s): a retry with the same key creates the session',
    async (_l, action) => {
      await control(base, 'POST', 'faults', { route: 'sessions', action, times: 1 })
      const key = randomUUID()
      const faulted = await createSession(base, bearer, { idempotencyKey: key })
      if (faulted.status === 201)
        expect(faulted.json).toBeUndefined() // not JSON
      else expect(faulted.status).toBeGreaterThanOrEqual(429)
      const retry = await createSession(base, bearer, { idempotencyKey: key })
      expect(retry.status).toBe(201)
      expect(sandbox.stats().sessionsCreated).toBe(1)
      const replay = await createSession(base, bearer, { idempotencyKey: key })
      expect(replay.json.token).toBe(retry.json.token)
    },
  )

  it('does not store after a reset fault (connection dropped)', async () => {
    await control(base, 'POST', 'faults', { route: 'sessions', action: { type: 'reset' }, times: 1 })
    const key = randomUUID()
    await expect(createSession(base, bearer, { idempotencyKey: key })).rejects.toThrow()
    expect((await createSession(base, bearer, { idempotencyKey: key })).status).toBe(201)
    expect(sandbox.stats().sessionsCreated).toBe(1)
  })
})

/** Resolves once the sandbox holds a request in flight (polls; no fixed sleep). */
async function inFlight(): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (sandbox.stats().stores.idempotencyInFlight === 1) return
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  throw new Error('no request in flight')
}

describe('in flight', () => {
  it('makes a duplicate that arrives while the first is in flight wait and get the same answer', async () => {
    sandbox.configure({ latencyMs: 150 })
    const key = randomUUID()
    const first = createSession(base, bearer, { idempotencyKey: key })
    await inFlight()
    const second = createSession(base, bearer, { idempotencyKey: key })
    const [a, b] = await Promise.all([first, second])
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(b.json.token).toBe(a.json.token)
    expect(sandbox.stats().sessionsCreated).toBe(1)
  })

  it('answers 409 at once to an in-flight duplicate with another body', async () => {
    sandbox.configure({ latencyMs: 400 })
    const key = randomUUID()
    const first = createSession(base, bearer, { idempotencyKey: key })
    await inFlight()
    sandbox.configure({ latencyMs: 0 }) // the first keeps its 400 ms; the duplicate adds none
    const started = Date.now()
    const conflict = await createSession(base, bearer, {
      idempotencyKey: key,
      body: { libVersion: LIB, scenario: 'tokenization' },
    })
    expectProblem(conflict, 409, 'idempotency-key-in-use')
    expect(Date.now() - started).toBeLessThan(300)
    expect((await first).status).toBe(201)
  })

  it('lets many concurrent duplicates share one session', async () => {
    sandbox.configure({ latencyMs: 50 })
    const key = randomUUID()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => createSession(base, bearer, { idempotencyKey: key })),
    )
    expect(new Set(answers.map((answer) => answer.json.token)).size).toBe(1)
    expect(answers.every((answer) => answer.status === 201)).toBe(true)
    expect(sandbox.stats().sessionsCreated).toBe(1)
  })
})

describe('retention', () => {
  it('forgets a key after the idempotency TTL: the same key then creates a new session', async () => {
    await control(base, 'PATCH', 'config', { idempotencyTtlSeconds: 0.1 })
    const key = randomUUID()
    const first = await createSession(base, bearer, { idempotencyKey: key })
    await new Promise((resolve) => setTimeout(resolve, 150))
    const later = await createSession(base, bearer, { idempotencyKey: key })
    expect(later.status).toBe(201)
    expect(later.json.token).not.toBe(first.json.token)
  })

  it('keeps the stores under the count cap, evicting the oldest first', async () => {
    const small = await startSandbox({ port: 0, maxEntries: 25 })
    try {
      const token = await authorize(small.url)
      const keys: string[] = []
      const tokens: string[] = []
      for (let index = 0; index < 60; index++) {
        const key = randomUUID()
        keys.push(key)
        tokens.push((await createSession(small.url, token, { idempotencyKey: key })).json.token)
      }
      const stats = small.stats()
      expect(stats.stores.sessions).toBe(25)
      expect(stats.stores.idempotency).toBe(25)
      expect(stats.evicted.sessions).toBe(35)
      expect(small.state.findSession(tokens[0] ?? '')).toBeUndefined()
      expect(small.state.findSession(tokens[59] ?? '')).toBeDefined()
      // the newest key still replays; the evicted oldest key creates a new session
      expect((await createSession(small.url, token, { idempotencyKey: keys[59] })).json.token).toBe(
        tokens[59],
      )
      expect((await createSession(small.url, token, { idempotencyKey: keys[0] })).json.token).not.toBe(
        tokens[0],
      )
    } finally {
      await small.close()
    }
  })
})
