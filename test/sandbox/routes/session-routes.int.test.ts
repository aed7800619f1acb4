/**
 * POST /v1/processing-terminals/{id}/hosted-fields-sessions against a real sandbox over loopback, checked
 * against PAYROC.md and the order of checks in INTERFACES.md.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { startSandbox } from '../../../src/sandbox'
import {
  API_KEY,
  authorize,
  base,
  bearer,
  call,
  control,
  createSession,
  errorParameters,
  expectProblem,
  LIB,
  rawRequest,
  sandbox,
  sessionsUrl,
  useSandbox,
} from '../../support/sandbox'

useSandbox()

describe('201 Created', () => {
  it('answers 201 with Location, the three documented fields, expiresAt 10 minutes after the Date header', async () => {
    const answer = await createSession(base, bearer, { body: { libVersion: LIB, scenario: 'payment' } })
    expect(answer.status).toBe(201)
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(Object.keys(answer.json).sort()).toEqual(['expiresAt', 'processingTerminalId', 'token'])
    expect(answer.json.processingTerminalId).toBe('1234001')
    expect(answer.json.token).toMatch(/^[A-Za-z0-9]{20,}$/)
    expect(answer.json.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/)
    const location = answer.headers.get('location') ?? ''
    expect(location).toBe(
      `${base}/v1/processing-terminals/1234001/hosted-fields-sessions/${answer.json.token}`,
    )
    const date = Date.parse(answer.headers.get('date') ?? '')
    const lifetime = Date.parse(answer.json.expiresAt) - date
    expect(lifetime).toBeGreaterThan(599_000)
    expect(lifetime).toBeLessThanOrEqual(601_000)
    // The Location can be read back.
    const read = await call(location, { headers: { authorization: `Bearer ${bearer}` } })
    expect(read.status).toBe(200)
    expect(read.json).toEqual(answer.json)
  })

  it('creates a new token for every new Idempotency-Key', async () => {
    const a = await createSession(base, bearer)
    const b = await createSession(base, bearer)
    expect(a.json.token).not.toBe(b.json.token)
    expect(sandbox.stats().sessionsCreated).toBe(2)
  })

  it('stores the session record, looked up by token', async () => {
    const answer = await createSession(base, bearer, {
      body: { libVersion: LIB, scenario: 'tokenization', secureTokenId: 'MREF_1' },
    })
    const record = sandbox.state.findSession(answer.json.token)
    expect(record).toMatchObject({
      token: answer.json.token,
      processingTerminalId: '1234001',
      scenario: 'tokenization',
      libVersion: LIB,
      secureTokenId: 'MREF_1',
    })
    expect(record?.apiKeyId).toMatch(/^key_/)
    expect(record?.expiresAt).toBe(Date.parse(answer.json.expiresAt))
  })

  it('carries a Date header on every answer, errors included', async () => {
    for (const answer of [
      await createSession(base, bearer),
      await createSession(base, 'nope'),
      await call(`${base}/nowhere`),
      await control(base, 'GET', 'stats'),
    ]) {
      expect(Number.isNaN(Date.parse(answer.headers.get('date') ?? ''))).toBe(false)
    }
  })
})

describe('order of checks', () => {
  const everythingWrong = {
    headers: { authorization: '', 'content-type': 'text/plain', accept: 'text/html' },
    idempotencyKey: null,
    terminal: '123',
    rawBody: '{not json',
  }

  it('peels off one failure at a time: 413 → 401 → 415 → 406 → 400 key → 400 validation → 409 → 403', async () => {
    // 413 wins over everything (no auth at all)
    const big = await rawRequest(base, {
      method: 'POST',
      path: '/v1/processing-terminals/123/hosted-fields-sessions',
      headers: { 'content-type': 'text/plain' },
      body: 'x'.repeat(64 * 1024 + 1),
    })
    expect(big.status).toBe(413)
    expect(JSON.parse(big.text).type).toBe('https://docs.payroc.com/api/errors#payload-too-large')

    expectProblem(await createSession(base, bearer, everythingWrong), 401, 'not-authorized')
    const authed = {
      ...everythingWrong,
      headers: { ...everythingWrong.headers, authorization: `Bearer ${bearer}` },
    }
    expectProblem(await createSession(base, bearer, authed), 415, 'unsupported-media-type')
    const json = { ...authed, headers: { ...authed.headers, 'content-type': 'application/json' } }
    expectProblem(await createSession(base, bearer, json), 406, 'not-acceptable')
    const accepting = { ...json, headers: { ...json.headers, accept: 'application/json' } }
    expectProblem(await createSession(base, bearer, accepting), 400, 'idempotency-key-missing')
    const key = randomUUID()
    const keyed = { ...accepting, idempotencyKey: key }
    const invalid = await createSession(base, bearer, keyed)
    expectProblem(invalid, 400, 'bad-request')
    expect(errorParameters(invalid)).toEqual(['processingTerminalId', 'body'])
    // A 400 stores nothing: the same key works once the request is fixed.
    const first = await createSession(base, bearer, { idempotencyKey: key, terminal: '1234001' })
    expect(first.status).toBe(201)
    // Validation comes before the idempotency lookup: same key, invalid body → 400, not 409.
    expectProblem(
      await createSession(base, bearer, { idempotencyKey: key, rawBody: '[' }),
      400,
      'bad-request',
    )
    // Idempotency lookup comes before the terminal check: same key, forbidden terminal → 409, not 403.
    expectProblem(
      await createSession(base, bearer, { idempotencyKey: key, terminal: '9999999' }),
      409,
      'idempotency-key-in-use',
    )
    expectProblem(await createSession(base, bearer, { terminal: '9999999' }), 403, 'forbidden')
  })
})

describe('401 Unauthorized', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['another scheme', 'Basic c2FuZGJveDpzZWNyZXQ='],
    ['no token', 'Bearer'],
    ['two tokens', 'Bearer abc def'],
    ['unknown token', 'Bearer 0123456789abcdef0123456789abcdef'],
  ])('answers 401 #not-authorized for a %s Authorization header', async (_label, value) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    }
    if (value !== undefined && value !== '') headers.authorization = value
    const answer = await call(sessionsUrl(base, '1234001'), {
      method: 'POST',
      headers,
      body: JSON.stringify({ libVersion: LIB, scenario: 'payment' }),
    })
    expectProblem(answer, 401, 'not-authorized')
    expect(sandbox.stats().sessionsCreated).toBe(0)
  })

  it('accepts the scheme case-insensitively', async () => {
    const answer = await createSession(base, bearer, { headers: { authorization: `bearer ${bearer}` } })
    expect(answer.status).toBe(201)
  })

  it('answers 401 once the Bearer token has expired (short token TTL)', async () => {
    sandbox.configure({ tokenTtlSeconds: 0.4 })
    const issuedAt = Date.now()
    const shortLived = await authorize(base)
    expect((await createSession(base, shortLived)).status).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, issuedAt + 450 - Date.now())))
    const expired = await createSession(base, shortLived)
    expectProblem(expired, 401, 'not-authorized')
    expect(expired.json.detail).toMatch(/expired/i)
  })

  it('answers 401 when the sandbox clock passes the token expiry (clock offset)', async () => {
    const token = await authorize(base)
    await control(base, 'PATCH', 'config', { clockOffsetSeconds: 3601 })
    expectProblem(await createSession(base, token), 401, 'not-authorized')
  })
})

describe('415 and 406', () => {
  it.each([
    [''],
    ['text/plain'],
    ['application/xml'],
    ['application/x-www-form-urlencoded'],
    ['application/jsonx'],
  ])('answers 415 for Content-Type %j', async (contentType) => {
    expectProblem(
      await createSession(base, bearer, { headers: { 'content-type': contentType } }),
      415,
      'unsupported-media-type',
    )
  })

  it.each([['application/json; charset=utf-8'], ['Application/JSON']])(
    'accepts Content-Type %j',
    async (ct) => {
      expect((await createSession(base, bearer, { headers: { 'content-type': ct } })).status).toBe(201)
    },
  )

  it.each([['text/html'], ['application/xml'], ['application/json;q=0'], ['image/*, text/plain']])(
    'answers 406 for Accept %j',
    async (accept) => {
      expectProblem(await createSession(base, bearer, { headers: { accept } }), 406, 'not-acceptable')
    },
  )

  it.each([
    ['*/*'],
    ['application/*'],
    ['application/problem+json'],
    ['text/html, application/json;q=0.5'],
    [''],
  ])('accepts Accept %j', async (accept) => {
    expect((await createSession(base, bearer, { headers: { accept } })).status).toBe(201)
  })
})

describe('400 Idempotency-Key', () => {
  it('answers #idempotency-key-missing without the header', async () => {
    const answer = await createSession(base, bearer, { idempotencyKey: null })
    expectProblem(answer, 400, 'idempotency-key-missing')
  })

  it.each([
    ['not a uuid', 'abc'],
    ['uuid v1', 'e4eaaaf2-d142-11e1-b3e4-080027620cdd'],
    ['uuid v4 with a bad variant', '6b3f8a2e-4c1d-4e5f-ca7b-0c1d2e3f4a5b'],
    ['uuid without dashes', '6b3f8a2e4c1d4e5f9a7b0c1d2e3f4a5b'],
  ])('answers 400 for a key that is %s', async (_label, key) => {
    const answer = await createSession(base, bearer, { idempotencyKey: key })
    expectProblem(answer, 400, 'bad-request')
    expect(errorParameters(answer)).toEqual(['Idempotency-Key'])
  })
})

describe('400 validation', () => {
  it.each([
    ['3 characters', '123', 400],
    ['4 characters', '1234', 403],
    ['50 characters', '1'.repeat(50), 403],
    ['51 characters', '1'.repeat(51), 400],
  ])('processingTerminalId of %s → %i', async (_label, terminal, status) => {
    const answer = await createSession(base, bearer, { terminal })
    expectProblem(answer, status)
    if (status === 400) expect(errorParameters(answer)).toEqual(['processingTerminalId'])
  })

  it('rejects an empty processingTerminalId and a percent-encoded one too short after decoding', async () => {
    expectProblem(await createSession(base, bearer, { terminal: '' }), 400, 'bad-request')
    expectProblem(await createSession(base, bearer, { terminal: '%31%32%33' }), 400, 'bad-request')
    expectProblem(await createSession(base, bearer, { terminal: '%E0%A4%A' }), 400, 'bad-request')
  })

  it.each([
    ['1.7.0.261457', 201],
    ['1.7.0-beta.1', 201],
    ['10.20.30-beta.4', 201],
    ['1.6.0.172441', 201],
    ['1x7x0x261457', 400],
    ['1x7x0-betax1', 400],
    ['1.7.0', 400],
    ['123.7.0.1', 400],
    ['1.7.0-alpha.1', 400],
    ['1.7.0.261457 ', 400],
    ['v1.7.0.1', 400],
    ['', 400],
  ])('libVersion %j → %i', async (libVersion, status) => {
    const answer = await createSession(base, bearer, { body: { libVersion, scenario: 'payment' } })
    if (status === 400) {
      expectProblem(answer, 400, 'bad-request')
      expect(errorParameters(answer)).toEqual(['libVersion'])
    } else expect(answer.status).toBe(201)
  })

  it.each([
    [0, 400],
    [1, 201],
    [200, 201],
    [201, 400],
  ])('secureTokenId of %i characters → %i', async (length, status) => {
    const answer = await createSession(base, bearer, {
      body: { libVersion: LIB, scenario: 'tokenization', secureTokenId: 'S'.repeat(length) },
    })
    if (status === 400) {
      expectProblem(answer, 400, 'bad-request')
      expect(errorParameters(answer)).toEqual(['secureTokenId'])
    } else expect(answer.status).toBe(201)
  })

  it.each([
    ['a missing scenario', { libVersion: LIB }, ['scenario']],
    ['an unknown scenario', { libVersion: LIB, scenario: 'refund' }, ['scenario']],
    ['a numeric libVersion', { libVersion: 1.7, scenario: 'payment' }, ['libVersion']],
    ['an empty object', {}, ['libVersion', 'scenario']],
    [
      'a non-string secureTokenId',
      { libVersion: LIB, scenario: 'payment', secureTokenId: 5 },
      ['secureTokenId'],
    ],
  ])('names each bad parameter for %s', async (_label, body, parameters) => {
    const answer = await createSession(base, bearer, { body })
    expectProblem(answer, 400, 'bad-request')
    expect(errorParameters(answer)).toEqual(parameters)
    for (const item of answer.json.errors) {
      expect(typeof item.detail).toBe('string')
      expect(typeof item.message).toBe('string')
    }
  })

  it.each([['{not json'], [''], ['[]'], ['null'], ['"payment"'], ['{"libVersion":"1.7.0.1",']])(
    'answers 400 (not 415) for the body %j',
    async (rawBody) => {
      const answer = await createSession(base, bearer, { rawBody })
      expectProblem(answer, 400, 'bad-request')
      expect(answer.json.errors.length).toBeGreaterThan(0)
    },
  )

  it('lists the path first, then the body', async () => {
    const answer = await createSession(base, bearer, {
      terminal: '12',
      body: { libVersion: 'x', scenario: 'y' },
    })
    expect(errorParameters(answer)).toEqual(['processingTerminalId', 'libVersion', 'scenario'])
    expect(sandbox.stats().sessionsCreated).toBe(0)
  })
})

describe('403 Forbidden and the seeded terminals', () => {
  it.each([
    ['1234001', 'payment', 201],
    ['1234001', 'tokenization', 201],
    ['1234002', 'payment', 201],
    ['1234002', 'tokenization', 201],
    ['1234003', 'payment', 201],
    ['5550000', 'payment', 201],
    ['5559999', 'payment', 201],
    ['5560000', 'payment', 403],
    ['5549999', 'payment', 403],
    ['555000', 'payment', 403],
    ['55500000', 'payment', 403],
    ['9999999', 'payment', 403],
  ])('terminal %s, scenario %s → %i', async (terminal, scenario, status) => {
    const answer = await createSession(base, bearer, { terminal, body: { libVersion: LIB, scenario } })
    if (status === 403) {
      expectProblem(answer, 403, 'forbidden')
      expect(answer.json.instance).toBe(`/v1/processing-terminals/${terminal}/hosted-fields-sessions`)
      expect(answer.json.resource).toContain(terminal)
    } else expect(answer.status).toBe(201)
  })

  it('limits a seeded terminal to the API keys it lists', async () => {
    const other = await startSandbox({
      port: 0,
      apiKeys: ['merchant-a-key', 'merchant-b-key'],
      terminals: [
        { processingTerminalId: '7000001', payment: true, tokenization: false, apiKeys: ['merchant-a-key'] },
      ],
    })
    try {
      const a = await authorize(other.url, 'merchant-a-key')
      const b = await authorize(other.url, 'merchant-b-key')
      expect((await createSession(other.url, a, { terminal: '7000001' })).status).toBe(201)
      expectProblem(await createSession(other.url, b, { terminal: '7000001' }), 403, 'forbidden')
      // a seed file replaces the default table
      expectProblem(await createSession(other.url, a, { terminal: '1234001' }), 403, 'forbidden')
      expectProblem(
        await call(`${other.url}/authorize`, { method: 'POST', headers: { 'x-api-key': API_KEY } }),
        401,
      )
    } finally {
      await other.close()
    }
  })
})

describe('expiry and clock', () => {
  it('forgets a session once it expires (short session TTL)', async () => {
    sandbox.configure({ sessionTtlSeconds: 0.1 })
    const answer = await createSession(base, bearer)
    const token = answer.json.token as string
    expect(Date.parse(answer.json.expiresAt) - Date.now()).toBeLessThanOrEqual(100)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(sandbox.state.findSession(token)).toBeUndefined()
    const read = await call(answer.headers.get('location') ?? '', {
      headers: { authorization: `Bearer ${bearer}` },
    })
    expectProblem(read, 404, 'not-found')
  })

  it('shifts the Date header and expiresAt by clockOffsetSeconds', async () => {
    const patched = await control(base, 'PATCH', 'config', { clockOffsetSeconds: 7200 })
    expect(patched.json.clockOffsetSeconds).toBe(7200)
    // (the Bearer token from before the jump has expired on the sandbox clock)
    const answer = await createSession(base, await authorize(base))
    const date = Date.parse(answer.headers.get('date') ?? '')
    expect(Math.abs(date - (Date.now() + 7_200_000))).toBeLessThan(3000)
    expect(Math.abs(Date.parse(answer.json.expiresAt) - (Date.now() + 7_800_000))).toBeLessThan(3000)
    // expiry follows the sandbox clock: 11 minutes later the session is gone
    await control(base, 'PATCH', 'config', { clockOffsetSeconds: 7200 + 660 })
    expect(sandbox.state.findSession(answer.json.token)).toBeUndefined()
  })
})

describe('unknown routes and methods', () => {
  it.each([
    ['GET', '/'],
    ['POST', '/v1/processing-terminals/1234001/hosted-fields'],
    ['POST', '/v2/processing-terminals/1234001/hosted-fields-sessions'],
    ['GET', '/v1/processing-terminals/1234001'],
    ['POST', '/authorize/'],
  ])('%s %s → 404 #not-found', async (method, path) => {
    expectProblem(await call(`${base}${path}`, { method }), 404, 'not-found')
  })

  it.each([
    ['GET', '/authorize', 'POST'],
    ['PUT', '/v1/processing-terminals/1234001/hosted-fields-sessions', 'POST'],
    ['GET', '/v1/processing-terminals/1234001/hosted-fields-sessions', 'POST'],
    ['PUT', '/v1/processing-terminals/1234001/secure-tokens/abc', 'GET, PATCH, DELETE'],
    ['DELETE', '/v1/payments/ABCDEFGHIJ', 'GET'],
  ])('%s %s → 405 with Allow', async (method, path, allow) => {
    const answer = await call(`${base}${path}`, { method })
    expectProblem(answer, 405)
    expect(answer.headers.get('allow')).toBe(allow)
  })
})
