/**
 * The Hosted Fields gateway protocol over real loopback HTTP, as Payroc's library calls it: the configuration
 * per seeded terminal, the field frame page, posted fields, the single-use token, the session-token states the
 * library treats as final, CORS (preflight and every answer — Playwright cannot show it), faults and journal.
 */
import { randomUUID } from 'node:crypto'
import { Script } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { INVALID_SESSION_MESSAGE } from '../../../src/sandbox'
import { base, bearer, call, control, createSession, LIB, sandbox, useSandbox } from '../../support/sandbox'

useSandbox()

const MERCHANT = 'http://127.0.0.1:9'
const VISA = '4539858876047062'
const DINERS = '3600000000000008'
const ERRORS = 'https://docs.payroc.com/api/errors#'

async function session(terminal = '1234001', scenario = 'payment', secureTokenId?: string): Promise<string> {
  const answer = await createSession(base, bearer, {
    terminal,
    body: { libVersion: LIB, scenario, ...(secureTokenId ? { secureTokenId } : {}) },
  })
  expect(answer.status, answer.text).toBe(201)
  return answer.json.token as string
}

const sessionUrl = (token: string, call: string) =>
  `${base}/merchant/api/v2/hosted-fields-sessions/${encodeURIComponent(token)}/${call}`

/** Headers the library sends on every session call. */
const libraryHeaders = (key = randomUUID()) => ({
  'content-type': 'application/json',
  'idempotency-key': key,
  origin: MERCHANT,
})

const configuration = (token: string) =>
  call(sessionUrl(token, 'configuration'), { headers: libraryHeaders() })
const postField = (token: string, type: string, value: string) =>
  call(sessionUrl(token, 'fields'), {
    method: 'POST',
    headers: libraryHeaders(),
    body: JSON.stringify({ [type]: value, type }),
  })
const mint = (token: string, key = randomUUID()) =>
  call(sessionUrl(token, 'single-use-tokens'), { method: 'POST', headers: libraryHeaders(key) })

async function postCard(token: string, card: Record<string, string> = {}): Promise<void> {
  const values = { cardholderName: 'Sarah Hopper', cardNumber: VISA, expiryDate: '1239', cvv: '123', ...card }
  for (const [type, value] of Object.entries(values)) {
    if (value === '') continue
    const answer = await postField(token, type, value)
    expect(answer.status, answer.text).toBe(200)
  }
}

function expectInvalidSession(answer: { status: number; json: { title: string; errors: unknown[] } }) {
  expect(answer.status).toBe(400)
  expect(answer.json.title).toBe('Bad request')
  expect(answer.json.errors).toEqual([
    { parameter: 'hostedFieldsSessionId', message: INVALID_SESSION_MESSAGE },
  ])
}

describe('GET …/hosted-fields-sessions/{token}/configuration', () => {
  it.each([
    ['1234001', 'mandatory', true, { enabled: false, providers: [] }],
    ['1234002', 'mandatory', false, { enabled: false, providers: [] }],
    ['1234003', 'mandatory', true, { enabled: false, providers: [] }],
    ['1234004', 'mandatory', true, { enabled: true, providers: [{ network: 'ach' }] }],
    ['1234005', 'mandatory', true, { enabled: true, providers: [{ network: 'pad' }] }],
    ['1234006', 'disabled', true, { enabled: false, providers: [] }],
  ])(
    'answers terminal %s with its CVV policy, secure tokens and bank transfers',
    async (terminal, cvv, tokens, bank) => {
      const answer = await configuration(await session(terminal))
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
      expect(answer.json).toEqual({
        configuration: {
          cardHolderNameMandatory: true,
          allowExpiredCards: false,
          fraudDetection: { cvvVerification: cvv },
          tokenization: { enabled: tokens, cvvVerification: cvv },
          bankTransfer: bank,
        },
      })
      expect(answer.headers.get('access-control-allow-origin')).toBe(MERCHANT)
      expect(answer.headers.get('vary')).toBe('Origin')
    },
  )

  it('answers an unknown, a malformed and an expired token with the final invalid-session 400', async () => {
    expectInvalidSession(await configuration('not-a-session'))
    expectInvalidSession(await call(`${base}/merchant/api/v2/hosted-fields-sessions/%E0%A4%A/configuration`))
    sandbox.configure({ sessionTtlSeconds: 0.2 })
    const token = await session()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const expired = await configuration(token)
    expectInvalidSession(expired)
    expect(expired.json.detail).toMatch(/expired/)
    expect(expired.json.type).toBe(`${ERRORS}bad-request`)
    expect(expired.headers.get('access-control-allow-origin')).toBe(MERCHANT)
  })

  it('is journaled in the library group, and a library fault answers it with CORS headers', async () => {
    const token = await session()
    await control(base, 'POST', 'faults', {
      route: 'library',
      action: { type: 'status', status: 401 },
      times: 1,
    })
    const faulted = await configuration(token)
    expect(faulted.status).toBe(401)
    expect(faulted.headers.get('access-control-allow-origin')).toBe(MERCHANT)
    expect((await configuration(token)).status).toBe(200)
    const entries = sandbox.journal(10).filter((entry) => entry.path.endsWith('/configuration'))
    expect(entries.map((entry) => [entry.route, entry.status, entry.fault])).toEqual([
      ['library', 200, undefined],
      ['library', 401, 'status'],
    ])
  })
})

describe('CORS preflight on the session calls', () => {
  it.each(['configuration', 'fields', 'single-use-tokens'])(
    'answers OPTIONS …/%s with 204 before faults, without a journal entry',
    async (path) => {
      await control(base, 'POST', 'faults', { route: 'library', action: { type: 'status', status: 500 } })
      const answer = await call(sessionUrl('any-token', path), {
        method: 'OPTIONS',
        headers: {
          origin: MERCHANT,
          'access-control-request-method': path === 'configuration' ? 'GET' : 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      })
      expect(answer.status).toBe(204)
      expect(answer.headers.get('access-control-allow-origin')).toBe(MERCHANT)
      expect(answer.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS')
      expect(answer.headers.get('access-control-allow-headers')).toBe('content-type,idempotency-key')
      expect(sandbox.journal(10)).toEqual([])
    },
  )

  it('answers without an Origin with `*`, and names the library headers when none were requested', async () => {
    const answer = await call(sessionUrl('any-token', 'configuration'), { method: 'OPTIONS' })
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(answer.headers.get('access-control-allow-headers')).toBe('Content-Type, Idempotency-Key')
  })
})

describe('POST …/{token}/fields', () => {
  it('answers the card number with its type, CVV and surcharge, and other fields with an empty info', async () => {
    const token = await session()
    const visa = await postField(token, 'cardNumber', VISA)
    expect(visa.status).toBe(200)
    expect(visa.json).toEqual({ info: { cardType: 'Visa', showCvv: true, surcharging: null } })
    expect(visa.headers.get('access-control-allow-origin')).toBe(MERCHANT)
    expect((await postField(token, 'cardNumber', DINERS)).json.info).toMatchObject({ showCvv: false })
    expect((await postField(token, 'cardNumber', '4001020000000009')).json.info).toMatchObject({
      showCvv: false,
    })
    expect((await postField(token, 'cardholderName', 'Sarah Hopper')).json).toEqual({ info: {} })
    const surcharged = await postField(await session('1234003'), 'cardNumber', '5001650000000000')
    expect(surcharged.json.info.surcharging).toEqual({
      percentage: 3,
      disclosure: expect.stringContaining('3%'),
    })
  })

  it('refuses a card number failing Luhn with the final card-type 400 the library shows on the field', async () => {
    const answer = await postField(await session(), 'cardNumber', '4539858876047063')
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ status: 400, title: 'Card type is not supported' })
    expect(typeof answer.json.detail).toBe('string')
  })

  it.each([
    ['an unknown field', JSON.stringify({ pin: '1234', type: 'pin' }), 'type'],
    ['a value that is not a string', JSON.stringify({ cvv: 123, type: 'cvv' }), 'cvv'],
    ['a past expiry date', JSON.stringify({ expiryDate: '0120', type: 'expiryDate' }), 'expiryDate'],
    ['a short CVV', JSON.stringify({ cvv: '12', type: 'cvv' }), 'cvv'],
    ['a body that is not JSON', '{"cvv":', 'body'],
  ])('refuses %s with a 400 naming it', async (_what, body, parameter) => {
    const answer = await call(sessionUrl(await session(), 'fields'), {
      method: 'POST',
      headers: libraryHeaders(),
      body,
    })
    expect(answer.status).toBe(400)
    expect(answer.json.errors[0].parameter).toBe(parameter)
  })

  it('wants JSON, and a live session', async () => {
    const token = await session()
    const plain = await call(sessionUrl(token, 'fields'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(plain.status).toBe(415)
    expectInvalidSession(await postField('nope', 'cvv', '123'))
  })
})

describe('POST …/{token}/single-use-tokens', () => {
  it('mints a 128-character token from the posted card, stores it for the merchant, and uses the session up', async () => {
    const token = await session('1234001', 'tokenization')
    await postCard(token)
    const key = randomUUID()
    const before = Date.now()
    const answer = await mint(token, key)
    expect(answer.status, answer.text).toBe(201)
    expect(answer.headers.get('access-control-allow-origin')).toBe(MERCHANT)
    expect(answer.json.token).toMatch(/^[0-9a-f]{128}$/)
    const lifetime = Date.parse(answer.json.expiresAt) - before
    expect(lifetime).toBeGreaterThan(29 * 60_000)
    expect(lifetime).toBeLessThanOrEqual(30 * 60_000 + 1000)
    expect(answer.json.source).toEqual({
      type: 'card',
      cardholderName: 'Sarah Hopper',
      cardNumber: '453985******7062',
      expiryDate: '1239',
      cardType: 'Visa',
    })
    const stored = sandbox.state.singleUseTokens.peek(answer.json.token)
    expect(stored).toMatchObject({
      processingTerminalId: '1234001',
      scenario: 'tokenization',
      sessionToken: token,
    })
    expect(stored?.apiKeyId).toMatch(/^key_/)
    expect(JSON.stringify(stored)).not.toContain(VISA)
    expect(sandbox.state.findSession(token)?.postedFields).toBeUndefined()

    // The same call again (a retry of a lost answer) gets the same token; a new call finds the session used up.
    expect((await mint(token, key)).json.token).toBe(answer.json.token)
    expectInvalidSession(await mint(token))
    expectInvalidSession(await configuration(token))
    expectInvalidSession(await postField(token, 'cvv', '123'))

    // The secure-token route consumes it.
    const saved = await call(`${base}/v1/processing-terminals/1234001/secure-tokens`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ source: { type: 'singleUseToken', token: answer.json.token } }),
    })
    expect(saved.status, saved.text).toBe(201)
    expect(saved.json.source).toMatchObject({ cardNumber: '453985******7062' })
  })

  it('takes a card without CVV where the brand has none (Diners) or the terminal disables it (1234006)', async () => {
    const diners = await session()
    await postCard(diners, { cardNumber: DINERS, cvv: '' })
    expect((await mint(diners)).status).toBe(201)
    const disabled = await session('1234006')
    await postCard(disabled, { cvv: '' })
    expect((await mint(disabled)).status).toBe(201)
  })

  it('refuses a submit before the required fields were posted (not final: the library would retry)', async () => {
    const token = await session()
    await postCard(token, { cvv: '' })
    const answer = await mint(token)
    expect(answer.status).toBe(400)
    expect(answer.json.title).toBe('Bad request')
    expect(answer.json.errors[0].parameter).toBe('cvv')
    expect(sandbox.state.findSession(token)?.usedAt).toBeUndefined()
  })

  it('mints ACH and PAD tokens with masked account numbers', async () => {
    const ach = await session('1234004')
    for (const [type, value] of Object.entries({
      nameOnAccount: 'Sarah Hopper',
      achAccountNumber: '1234567890',
      routingNumber: '123456789',
      accountType: 'savings',
    }))
      expect((await postField(ach, type, value)).json).toEqual({ info: {} })
    expect((await mint(ach)).json.source).toEqual({
      type: 'ach',
      nameOnAccount: 'Sarah Hopper',
      accountNumber: '0000007890',
      routingNumber: '123456789',
      accountType: 'savings',
    })
    const pad = await session('1234005')
    for (const [type, value] of Object.entries({
      nameOnAccount: 'Sarah Hopper',
      padAccountNumber: '12345678',
      institutionNumber: '001',
      transitNumber: '12345',
    }))
      await postField(pad, type, value)
    expect((await mint(pad)).json.source).toEqual({
      type: 'pad',
      nameOnAccount: 'Sarah Hopper',
      accountNumber: '00005678',
      transitNumber: '12345',
      institutionNumber: '001',
    })
  })

  it('refuses an unknown session with the final invalid-session 400', async () => {
    expectInvalidSession(await mint('unknown-session'))
  })
})

describe('GET /merchant/hosted-fields (the field frame page)', () => {
  const frameUrl = (query: Record<string, string>) =>
    `${base}/merchant/hosted-fields?${new URLSearchParams(query).toString()}`

  it('serves a text field with the first input, the session build of the library and the frame start', async () => {
    const token = await session()
    const answer = await call(
      frameUrl({ field: 'cardNumber', hostedFieldsSessionId: token, targetOrigin: MERCHANT, locale: 'en' }),
    )
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(answer.headers.get('x-frame-options')).toBeNull()
    expect(answer.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(answer.text).toMatch(/<form><label[^>]*>Card number<\/label><input type="text"/)
    expect(answer.text).toContain(`<script src="/js/hosted-fields/hosted-fields-${LIB}.js"></script>`)
    expect(answer.text).toContain('<script src="/merchant/hosted-fields/field-frame-boot.js"></script>')
    expect(sandbox.journal(1)[0]?.route).toBe('library')
  })

  it('serves two radios for accountType and a button labelled with the value for submit', async () => {
    const token = await session('1234004')
    const radios = await call(
      frameUrl({ field: 'accountType', hostedFieldsSessionId: token, targetOrigin: MERCHANT }),
    )
    expect(radios.text.match(/type="radio"/g)).toHaveLength(2)
    expect(radios.text).toContain('id="account_type_checking"')
    expect(radios.text).toContain('id="account_type_savings"')
    const submit = await call(
      frameUrl({
        field: 'submit',
        hostedFieldsSessionId: token,
        targetOrigin: MERCHANT,
        value: '<b>Pay</b>',
      }),
    )
    expect(submit.text).toContain('<button type="submit">&#60;b&#62;Pay&#60;/b&#62;</button>')
  })

  it.each([
    ['an unknown field', { field: 'pin' }],
    ['a targetOrigin that is not an origin', { targetOrigin: 'http://127.0.0.1:9/path' }],
    ['a missing targetOrigin', { targetOrigin: '' }],
  ])('refuses %s', async (_what, override) => {
    const token = await session()
    const answer = await call(
      frameUrl({ field: 'cvv', hostedFieldsSessionId: token, targetOrigin: MERCHANT, ...override }),
    )
    expect(answer.status).toBe(400)
  })

  it('refuses an unknown session (the frame never connects)', async () => {
    const answer = await call(
      frameUrl({ field: 'cvv', hostedFieldsSessionId: 'nope', targetOrigin: MERCHANT }),
    )
    expectInvalidSession(answer)
  })

  it('serves the frame start script, which parses as a script', async () => {
    const answer = await call(`${base}/merchant/hosted-fields/field-frame-boot.js`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/javascript; charset=utf-8')
    expect(answer.text).toContain('init')
    expect(() => new Script(answer.text)).not.toThrow()
  })
})
