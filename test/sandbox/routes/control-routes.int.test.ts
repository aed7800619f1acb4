/** The control API under /__sandbox/: journal (masked), config, reset, stats, validation, loopback only. */
import { randomUUID } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../../src/sandbox'
import {
  authorize,
  base,
  bearer,
  call,
  control,
  createSession,
  errorParameters,
  expectProblem,
  rawRequest,
  useSandbox,
} from '../../support/sandbox'
import { submitThroughLibraryProtocol } from '../../support/library-protocol'

useSandbox()

const PORT_PLACEHOLDER = '<port>'

describe('journal', () => {
  it('lists requests newest first, with secrets masked', async () => {
    const fresh = await authorize(base)
    const created = await createSession(base, fresh)
    const token = created.json.token as string
    const answer = await control(base, 'GET', 'journal?limit=10')
    expect(answer.status).toBe(200)
    const entries = answer.json.entries
    expect(entries.map((entry: { route: string }) => entry.route)).toEqual(['sessions', 'authorize'])
    expect(entries[0]).toMatchObject({
      method: 'POST',
      status: 201,
      path: expect.stringContaining('1234001'),
    })
    const text = answer.text
    expect(text).not.toContain('sandbox-api-key')
    expect(text).not.toContain(fresh)
    expect(text).not.toContain(token)
    expect(text).toContain(token.slice(-6))
    expect(entries[0].request.headers.authorization).toMatch(/^Bearer \S{4}…\S{4}$/)
    expect(entries[1].request.headers['x-api-key']).not.toBe('sandbox-api-key')
    expect(Date.parse(entries[0].at)).not.toBeNaN()
  })

  it('masks card data sent to the library route', async () => {
    const created = await createSession(base, bearer, {
      body: { libVersion: '1.7.0.261457', scenario: 'payment' },
    })
    // The library protocol: the card number travels in a field post, then the submit (library-protocol.ts).
    const minted = await submitThroughLibraryProtocol(base, String(created.json.token))
    expect(minted.status, minted.text).toBe(201)
    // The four field posts and the submit.
    const text = (await control(base, 'GET', 'journal?limit=5')).text
    expect(text).not.toContain('4539858876047062')
    expect(text).not.toContain('"123"')
    expect(text).toContain('453985')
  })

  it('honours limit and keeps a bounded ring buffer', async () => {
    const small = await startSandbox({ port: 0, journalSize: 5 })
    try {
      for (let index = 0; index < 12; index++) await call(`${small.url}/nowhere/${index}`)
      const all = (await control(small.url, 'GET', 'journal?limit=100')).json.entries
      expect(all).toHaveLength(5)
      expect(all[0].path).toBe('/nowhere/11')
      expect(all[4].path).toBe('/nowhere/7')
      expect((await control(small.url, 'GET', 'journal?limit=2')).json.entries).toHaveLength(2)
    } finally {
      await small.close()
    }
  })

  it.each([['0'], ['-1'], ['abc'], ['1.5']])('rejects limit=%s with 400', async (limit) => {
    const answer = await control(base, 'GET', `journal?limit=${limit}`)
    expectProblem(answer, 400, 'bad-request')
    expect(errorParameters(answer)).toEqual(['limit'])
  })
})

describe('faults validation', () => {
  it.each([
    ['invalid JSON', '{route:', ['body']],
    ['an unknown route', { route: 'everything', action: { type: 'reset' } }, ['route']],
    ['an unknown action', { route: '*', action: { type: 'explode' } }, ['action.type']],
    ['latency without ms', { route: '*', action: { type: 'latency' } }, ['action.ms']],
    ['a negative latency', { route: '*', action: { type: 'latency', ms: -1 } }, ['action.ms']],
    ['status 200', { route: '*', action: { type: 'status', status: 200 } }, ['action.status']],
    [
      'slow at 0 bytes/s',
      { route: '*', action: { type: 'slow', bytesPerSecond: 0 } },
      ['action.bytesPerSecond'],
    ],
    [
      'rate-limit without retryAfterSeconds',
      { route: '*', action: { type: 'rate-limit' } },
      ['action.retryAfterSeconds'],
    ],
    ['times 0', { route: '*', action: { type: 'reset' }, times: 0 }, ['times']],
    ['probability 0', { route: '*', action: { type: 'reset' }, probability: 0 }, ['probability']],
    ['probability 1.5', { route: '*', action: { type: 'reset' }, probability: 1.5 }, ['probability']],
    ['an unknown key', { route: '*', action: { type: 'reset' }, when: 'now' }, ['body']],
    ['an array', [], ['body']],
  ])('answers 400 for %s', async (_label, body, parameters) => {
    const answer = await control(base, 'POST', 'faults', body)
    expectProblem(answer, 400, 'bad-request')
    expect(errorParameters(answer)).toEqual(parameters)
    expect((await control(base, 'GET', 'faults')).json.faults).toEqual([])
  })
})

describe('config', () => {
  it('reads and patches the configuration', async () => {
    const before = (await control(base, 'GET', 'config')).json
    expect(before).toMatchObject({ sessionTtlSeconds: 600, tokenTtlSeconds: 3600, clockOffsetSeconds: 0 })
    const after = await control(base, 'PATCH', 'config', { sessionTtlSeconds: 30, clockOffsetSeconds: -60 })
    expect(after.status).toBe(200)
    expect(after.json).toMatchObject({
      sessionTtlSeconds: 30,
      tokenTtlSeconds: 3600,
      clockOffsetSeconds: -60,
    })
    const created = await createSession(base, await authorize(base))
    const date = Date.parse(created.headers.get('date') ?? '')
    expect(Date.parse(created.json.expiresAt) - date).toBeLessThanOrEqual(31_000)
    expect(Date.parse(created.json.expiresAt) - date).toBeGreaterThan(29_000)
  })

  it.each([
    ['an unknown key', { sessionTtl: 5 }],
    ['a zero TTL', { sessionTtlSeconds: 0 }],
    ['a negative TTL', { tokenTtlSeconds: -5 }],
    ['a string', { clockOffsetSeconds: '60' }],
    ['invalid JSON', '{'],
  ])('answers 400 for %s and changes nothing', async (_label, body) => {
    expectProblem(await control(base, 'PATCH', 'config', body), 400, 'bad-request')
    expect((await control(base, 'GET', 'config')).json).toMatchObject({
      sessionTtlSeconds: 600,
      tokenTtlSeconds: 3600,
    })
  })
})

describe('reset and stats', () => {
  it('counts requests by route, sessions created and store sizes', async () => {
    await createSession(base, bearer)
    await createSession(base, bearer, { terminal: '9999999' })
    await call(`${base}/authorize`, { method: 'POST', headers: { 'x-api-key': 'sandbox-api-key' } })
    await call(`${base}/elsewhere`)
    const stats = (await control(base, 'GET', 'stats')).json
    expect(stats.sessionsCreated).toBe(1)
    expect(stats.requests).toMatchObject({ sessions: 2, authorize: 1, other: 1, total: 4 })
    expect(stats.responses).toMatchObject({ '201': 1, '403': 1, '200': 1, '404': 1 })
    expect(stats.stores).toMatchObject({ sessions: 1, idempotency: 1 })
  })

  it('POST /__sandbox/reset clears sessions, keys, faults, journal, counters and config but keeps Bearer tokens', async () => {
    const key = randomUUID()
    const first = await createSession(base, bearer, { idempotencyKey: key })
    await control(base, 'POST', 'faults', { route: 'authorize', action: { type: 'status', status: 500 } })
    await control(base, 'PATCH', 'config', { sessionTtlSeconds: 5 })
    const answer = await control(base, 'POST', 'reset')
    expect(answer.status).toBe(200)
    const stats = (await control(base, 'GET', 'stats')).json
    expect(stats.stores).toMatchObject({ sessions: 0, idempotency: 0, journal: 0, faults: 0 })
    expect(stats.sessionsCreated).toBe(0)
    expect((await control(base, 'GET', 'config')).json.sessionTtlSeconds).toBe(600)
    const again = await createSession(base, bearer, { idempotencyKey: key })
    expect(again.status).toBe(201)
    expect(again.json.token).not.toBe(first.json.token)
  })

  it('forgets Bearer tokens too with { accessTokens: true }', async () => {
    const token = await authorize(base)
    expect((await control(base, 'POST', 'reset', { accessTokens: true })).status).toBe(200)
    expectProblem(await createSession(base, token), 401, 'not-authorized')
    expectProblem(await control(base, 'POST', 'reset', { accessTokens: 'yes' }), 400)
  })
})

describe('routing', () => {
  it('answers health', async () => {
    expect((await control(base, 'GET', 'health')).json).toEqual({ status: 'ok' })
  })

  it('answers 404 for an unknown control route and 405 for a wrong method', async () => {
    expectProblem(await control(base, 'GET', 'nothing'), 404, 'not-found')
    const wrong = await control(base, 'DELETE', 'stats')
    expectProblem(wrong, 405)
    expect(wrong.headers.get('allow')).toBe('GET')
    expectProblem(await control(base, 'GET', 'reset'), 405)
  })

  it('answers 413 for a control body over 64 KB', async () => {
    const answer = await rawRequest(base, {
      method: 'POST',
      path: '/__sandbox/faults',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(70_000),
    })
    expect(answer.status).toBe(413)
  })

  const external = Object.values(networkInterfaces())
    .flat()
    .find((item) => item && item.family === 'IPv4' && !item.internal)?.address
  it.skipIf(!external)('refuses the control API to non-loopback clients', async () => {
    const open = await startSandbox({ port: 0, host: '0.0.0.0' })
    try {
      const url = `http://${external}:${open.port}`
      expectProblem(await control(url, 'GET', 'stats'), 403, 'forbidden')
      expect(
        (await call(`${url}/authorize`, { method: 'POST', headers: { 'x-api-key': 'sandbox-api-key' } }))
          .status,
      ).toBe(200)
      expect((await control(`http://127.0.0.1:${open.port}`, 'GET', 'stats')).status).toBe(200)
    } finally {
      await open.close()
    }
  })
})

describe('the control gate (no web page reaches the control API)', () => {
  const rule = JSON.stringify({ route: 'sessions', action: { type: 'status', status: 503 } })
  const port = () => Number(new URL(base).port)
  const faultCount = async () => ((await control(base, 'GET', 'faults')).json.faults as unknown[]).length

  it('refuses a no-cors text/plain POST (a hostile page) with 415 and adds no rule', async () => {
    const answer = await rawRequest(base, {
      method: 'POST',
      path: '/__sandbox/faults',
      headers: { host: `127.0.0.1:${port()}`, 'content-type': 'text/plain;charset=UTF-8' },
      body: rule,
    })
    expect(answer.status).toBe(415)
    expect(await faultCount()).toBe(0)
  })

  it.each([
    ['a rebound name', { host: `evil.example:${PORT_PLACEHOLDER}` }],
    ['the wrong port', { host: '127.0.0.1:1' }],
    ['an Origin header', { origin: 'http://127.0.0.1:9' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s with 403 (journal and stats stay unread)', async (_name, extra) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port()}` }
    for (const [key, value] of Object.entries(extra))
      headers[key] = value.replace(PORT_PLACEHOLDER, String(port()))
    for (const path of ['/__sandbox/journal', '/__sandbox/stats']) {
      const answer = await rawRequest(base, { method: 'GET', path, headers })
      expect(answer.status).toBe(403)
      expect(answer.text).not.toContain('entries')
    }
    const write = await rawRequest(base, {
      method: 'POST',
      path: '/__sandbox/faults',
      headers: { ...headers, 'content-type': 'application/json' },
      body: rule,
    })
    expect(write.status).toBe(403)
    expect(await faultCount()).toBe(0)
  })

  it('still answers the console and the tests (loopback Host with the port, JSON, no Origin)', async () => {
    expect((await control(base, 'POST', 'faults', JSON.parse(rule))).status).toBe(201)
    expect(await faultCount()).toBe(1)
    expect((await control(base, 'POST', 'reset')).status).toBe(200)
  })
})
