/** Single-use tokens (the simulated library's submit) and the secure-token routes (INTERFACES.md). */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { luhnValid, SandboxInputError } from '../../../src/sandbox'
import {
  base,
  bearer,
  call,
  control,
  createSession,
  errorParameters,
  expectProblem,
  LIB,
  reauthorize,
  sandbox,
  useSandbox,
} from '../../support/sandbox'
import { submitThroughLibraryProtocol, UAT_VISA } from '../../support/library-protocol'

useSandbox()

const VISA = '4539858876047062'
const MASTERCARD = '5100270000000007'

async function session(
  terminal = '1234001',
  scenario = 'tokenization',
  secureTokenId?: string,
): Promise<string> {
  const answer = await createSession(base, bearer, {
    terminal,
    body: { libVersion: LIB, scenario, ...(secureTokenId ? { secureTokenId } : {}) },
  })
  expect(answer.status).toBe(201)
  return answer.json.token
}

const submit = (body: Record<string, unknown>, contentType = 'application/json') =>
  call(`${base}/hosted-fields/single-use-tokens`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: JSON.stringify(body),
  })

/** A single-use token through the library protocol (fields, then the submit), as Payroc's library gets one. */
async function singleUse(sessionToken: string, cardNumber = VISA): Promise<string> {
  const answer = await submitThroughLibraryProtocol(base, sessionToken, { ...UAT_VISA, cardNumber })
  expect(answer.status, answer.text).toBe(201)
  return String(answer.json['token'])
}

const secureTokens = (terminal: string, rest = '') =>
  `${base}/v1/processing-terminals/${terminal}/secure-tokens${rest}`
const post = (url: string, body: unknown, key: string | null = randomUUID()) =>
  call(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  })
const get = (url: string) => call(url, { headers: { authorization: `Bearer ${bearer}` } })

// The sandbox's test-only shortcut (no library calls it); its tests go with the route (src/sandbox).
describe('POST /hosted-fields/single-use-tokens', () => {
  it('returns a token valid for 30 minutes', async () => {
    const answer = await submit({
      sessionToken: await session(),
      cardholderName: 'Jo Doe',
      cardNumber: '4539 8588 7604 7062',
      expiryDate: '12/39',
      cvv: '123',
    })
    expect(answer.status).toBe(201)
    expect(answer.json).toEqual({ token: expect.any(String), expiresAt: expect.any(String) })
    // Exactly 128 characters, as the spec's createSingleUseToken 201 and the guide's submissionSuccess.
    expect(answer.json.token).toMatch(/^[0-9a-f]{128}$/)
    const lifetime = Date.parse(answer.json.expiresAt) - Date.now()
    expect(lifetime).toBeGreaterThan(1_795_000)
    expect(lifetime).toBeLessThanOrEqual(1_800_000)
  })

  it.each([
    ['a card number failing Luhn', { cardNumber: '4539858876047063' }, ['cardNumber']],
    ['letters in the card number', { cardNumber: '4539abcd76047062' }, ['cardNumber']],
    ['an expired card', { expiryDate: '01/20' }, ['expiryDate']],
    ['a month 13', { expiryDate: '13/39' }, ['expiryDate']],
    ['a 2-digit cvv', { cvv: '12' }, ['cvv']],
    ['an empty cardholder name', { cardholderName: '  ' }, ['cardholderName']],
    ['an unknown session token', { sessionToken: 'nope' }, ['sessionToken']],
  ])('answers 400 naming the parameter for %s', async (_label, override, parameters) => {
    const sessionToken = await session()
    const answer = await submit({
      sessionToken,
      cardholderName: 'Jo Doe',
      cardNumber: VISA,
      expiryDate: '12/39',
      cvv: '123',
      ...override,
    })
    expectProblem(answer, 400, 'bad-request')
    expect(errorParameters(answer)).toEqual(parameters)
  })

  it('answers 400 for an expired session token and 415 for a non-JSON body', async () => {
    const sessionToken = await session()
    await control(base, 'PATCH', 'config', { clockOffsetSeconds: 601 })
    const expired = await submit({
      sessionToken,
      cardholderName: 'Jo',
      cardNumber: VISA,
      expiryDate: '12/39',
    })
    expectProblem(expired, 400)
    expect(expired.json.errors[0]).toMatchObject({
      parameter: 'sessionToken',
      detail: expect.stringMatching(/expired/),
    })
    expectProblem(await submit({}, 'text/plain'), 415, 'unsupported-media-type')
  })

  it('is available in-process, throwing SandboxInputError for bad input', async () => {
    const sessionToken = await session()
    const issued = sandbox.issueSingleUseToken({
      sessionToken,
      card: { cardholderName: 'A B', cardNumber: MASTERCARD, expiryDate: '0139' },
    })
    expect(sandbox.state.singleUseTokens.get(issued.token)?.source).toMatchObject({
      cardNumber: '510027******0007',
      cardType: 'Debit Mastercard',
    })
    expect(() =>
      sandbox.issueSingleUseToken({
        sessionToken,
        card: { cardholderName: 'A', cardNumber: '1', expiryDate: '1' },
      }),
    ).toThrow(SandboxInputError)
  })
})

describe('secure tokens', () => {
  it('saves payment details from a single-use token: 201, Location, masked card', async () => {
    const token = await singleUse(await session())
    const answer = await post(secureTokens('1234001'), {
      source: { type: 'singleUseToken', token },
      secureTokenId: 'MY-CUSTOMER-1',
      mitAgreement: 'unscheduled',
    })
    expect(answer.status, answer.text).toBe(201)
    expect(answer.json).toEqual({
      secureTokenId: 'MY-CUSTOMER-1',
      processingTerminalId: '1234001',
      token: expect.stringMatching(/^296753\d{10}$/),
      status: 'notValidated',
      source: {
        type: 'card',
        cardholderName: 'Jo Doe',
        cardNumber: '453985******7062',
        expiryDate: '1239',
        cardType: 'Visa',
      },
      mitAgreement: 'unscheduled',
    })
    // The spec: the token begins with 296753 and ends in a Luhn check digit.
    expect(luhnValid(answer.json.token)).toBe(true)
    expect(answer.headers.get('location')).toBe(
      `${base}/v1/processing-terminals/1234001/secure-tokens/MY-CUSTOMER-1`,
    )
    expect((await get(secureTokens('1234001', '/MY-CUSTOMER-1'))).json).toEqual(answer.json)
  })

  it('answers 409 #resource-already-exists for a secureTokenId that exists, naming the existing token', async () => {
    const url = `${base}/v1/processing-terminals/1234001/secure-tokens/TAKEN-1`
    const first = await post(secureTokens('1234001'), {
      source: { type: 'singleUseToken', token: await singleUse(await session()) },
      secureTokenId: 'TAKEN-1',
    })
    expect(first.status, first.text).toBe(201)
    // Asked for in the body, or carried by the session the single-use token came from: the same answer.
    const again = await post(secureTokens('1234001'), {
      source: { type: 'singleUseToken', token: await singleUse(await session()) },
      secureTokenId: 'TAKEN-1',
    })
    const fromSession = await post(secureTokens('1234001'), {
      source: {
        type: 'singleUseToken',
        token: await singleUse(await session('1234001', 'tokenization', 'TAKEN-1')),
      },
    })
    for (const answer of [again, fromSession]) {
      expectProblem(answer, 409, 'resource-already-exists')
      expect(answer.json.title).toBe('Resource already exists')
      expect(answer.json.instance).toBe(url)
      expect(errorParameters(answer)).toEqual(['secureTokenId'])
    }
    expect(sandbox.stats().secureTokensCreated).toBe(1)
  })

  it('generates an MREF_ id when none is given, or takes the session one', async () => {
    const generated = await post(secureTokens('1234001'), {
      source: { type: 'singleUseToken', token: await singleUse(await session()) },
    })
    expect(generated.json.secureTokenId).toMatch(/^MREF_/)
    const fromSession = await post(secureTokens('1234001'), {
      source: {
        type: 'singleUseToken',
        token: await singleUse(await session('1234001', 'tokenization', 'SESSION-ID')),
      },
    })
    expect(fromSession.json.secureTokenId).toBe('SESSION-ID')
  })

  it('answers 400 on "token" for a single-use token used twice, unknown, expired or from a payment session', async () => {
    const token = await singleUse(await session())
    expect((await post(secureTokens('1234001'), { source: { type: 'singleUseToken', token } })).status).toBe(
      201,
    )
    const twice = await post(secureTokens('1234001'), { source: { type: 'singleUseToken', token } })
    expectProblem(twice, 400, 'bad-request')
    expect(errorParameters(twice)).toEqual(['token'])
    expect(
      errorParameters(
        await post(secureTokens('1234001'), { source: { type: 'singleUseToken', token: 'x' } }),
      ),
    ).toEqual(['token'])
    const fromPayment = await singleUse(await session('1234001', 'payment'))
    expect(
      errorParameters(
        await post(secureTokens('1234001'), { source: { type: 'singleUseToken', token: fromPayment } }),
      ),
    ).toEqual(['token'])
    const late = await singleUse(await session())
    await control(base, 'PATCH', 'config', { clockOffsetSeconds: 1801 })
    await reauthorize()
    const expired = await post(secureTokens('1234001'), { source: { type: 'singleUseToken', token: late } })
    expect(errorParameters(expired)).toEqual(['token'])
    expect(expired.json.errors[0].detail).toMatch(/expired/)
  })

  it("answers 403 on a terminal without secure tokens, and for another terminal's token 400", async () => {
    const onPaymentOnly = await singleUse(await session('1234002'))
    expectProblem(
      await post(secureTokens('1234002'), { source: { type: 'singleUseToken', token: onPaymentOnly } }),
      403,
      'forbidden',
    )
    const other = await singleUse(await session('1234003'))
    expect(
      errorParameters(
        await post(secureTokens('1234001'), { source: { type: 'singleUseToken', token: other } }),
      ),
    ).toEqual(['token'])
  })

  it('checks auth, media type, Idempotency-Key and body like the session route', async () => {
    const url = secureTokens('1234001')
    expectProblem(
      await call(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      401,
    )
    expectProblem(
      await post(url, { source: { type: 'singleUseToken', token: 'x' } }, null),
      400,
      'idempotency-key-missing',
    )
    const invalid = await post(url, { source: { type: 'card', token: '' }, secureTokenId: '' })
    expectProblem(invalid, 400, 'bad-request')
    expect(errorParameters(invalid)).toEqual(['source.type', 'source.token', 'secureTokenId'])
  })

  it('replays a secure-token creation sent again with the same Idempotency-Key', async () => {
    const key = randomUUID()
    const body = { source: { type: 'singleUseToken', token: await singleUse(await session()) } }
    const first = await post(secureTokens('1234001'), body, key)
    const again = await post(secureTokens('1234001'), body, key)
    expect(again.status).toBe(201)
    expect(again.json).toEqual(first.json)
    expect(sandbox.stats().secureTokensCreated).toBe(1)
  })

  it.each([
    [1, 404],
    [200, 404],
    [201, 400],
  ])('GET with a secureTokenId of %i characters → %i', async (length, status) => {
    const answer = await get(secureTokens('1234001', `/${'s'.repeat(length)}`))
    expectProblem(answer, status)
    if (status === 400) expect(errorParameters(answer)).toEqual(['secureTokenId'])
  })

  it('GET with an empty secureTokenId → 400', async () => {
    const answer = await get(secureTokens('1234001', '/'))
    expectProblem(answer, 400)
    expect(errorParameters(answer)).toEqual(['secureTokenId'])
  })

  it('updates saved details with update-account: 200 with the same shape', async () => {
    const created = await post(secureTokens('1234001'), {
      source: { type: 'singleUseToken', token: await singleUse(await session()) },
      secureTokenId: 'CUST-9',
    })
    const next = await singleUse(await session('1234001', 'tokenization', 'CUST-9'), MASTERCARD)
    const updated = await post(secureTokens('1234001', '/CUST-9/update-account'), {
      type: 'singleUseToken',
      token: next,
    })
    expect(updated.status, updated.text).toBe(200)
    expect(updated.json).toMatchObject({
      secureTokenId: 'CUST-9',
      token: created.json.token,
      status: 'notValidated',
      source: { cardNumber: '510027******0007', cardType: 'Debit Mastercard' },
    })
    expect((await get(secureTokens('1234001', '/CUST-9'))).json.source.cardType).toBe('Debit Mastercard')
    expectProblem(
      await post(secureTokens('1234001', '/NOPE/update-account'), { type: 'singleUseToken', token: next }),
      404,
      'not-found',
    )
    const reused = await post(secureTokens('1234001', '/CUST-9/update-account'), {
      type: 'singleUseToken',
      token: next,
    })
    expect(errorParameters(reused)).toEqual(['token'])
  })
})
