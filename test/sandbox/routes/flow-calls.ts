/**
 * Calls of the flows after the form (payments, bank transfers, secure-token management, BIN lookup,
 * single-use tokens without a browser) for the route suites: Payroc's URLs and headers over loopback HTTP,
 * against the suite's sandbox (useSandbox in test/support/sandbox.ts).
 */
import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import { base, bearer, call, control, createSession, LIB, type Answer } from '../../support/sandbox'

export const VISA = '4539858876047062'
export const VISA_DEBIT = '4000060000000006'

export const keyedCard = (cardNumber = VISA, cardholderName = 'Sarah Hazel Hopper') => ({
  type: 'card',
  cardDetails: {
    entryMethod: 'keyed',
    cardholderName,
    keyedData: { dataFormat: 'plainText', cardNumber, expiryDate: '1239', cvv: '123' },
  },
})
export const ACH = {
  type: 'ach',
  nameOnAccount: 'Sarah Hazel Hopper',
  accountNumber: '1234567890',
  routingNumber: '053200983',
}
export const PAD = {
  type: 'pad',
  nameOnAccount: 'Sarah Hopper',
  accountNumber: '7654321',
  transitNumber: '76543',
  institutionNumber: '543',
}

export const api = (path: string) => `${base}/v1${path}`

const headers = (key: string | null, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${bearer}`,
  'content-type': 'application/json',
  ...(key === null ? {} : { 'idempotency-key': key }),
  ...extra,
})

/** POST with a fresh Idempotency-Key unless one is given (null: none). */
export const post = (path: string, body: unknown, key: string | null = randomUUID()) =>
  call(api(path), {
    method: 'POST',
    headers: headers(key),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
export const patch = (path: string, body: unknown, key: string | null = randomUUID()) =>
  call(api(path), { method: 'PATCH', headers: headers(key), body: JSON.stringify(body) })
export const get = (pathOrUrl: string) =>
  call(pathOrUrl.startsWith('http') ? pathOrUrl : api(pathOrUrl), {
    headers: { authorization: `Bearer ${bearer}` },
  })
export const remove = (path: string) =>
  call(api(path), { method: 'DELETE', headers: { authorization: `Bearer ${bearer}` } })

export function ok(answer: Answer, status: number) {
  expect(answer.status, answer.text).toBe(status)
  return answer.json
}

/** A single-use token minted without a browser (POST …/single-use-tokens). */
export async function apiToken(terminal = '1234001', source: unknown = keyedCard()): Promise<string> {
  const answer = await post(`/processing-terminals/${terminal}/single-use-tokens`, { channel: 'web', source })
  return ok(answer, 201).token as string
}

/** A card single-use token the way the simulated library's submit mints it, from a session of `scenario`. */
export async function libraryToken(terminal = '1234001', scenario = 'payment'): Promise<string> {
  const session = ok(
    await createSession(base, bearer, { terminal, body: { libVersion: LIB, scenario } }),
    201,
  )
  const answer = await call(`${base}/hosted-fields/single-use-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sessionToken: session.token,
      cardholderName: 'Jo Doe',
      cardNumber: VISA,
      expiryDate: '12/39',
    }),
  })
  return ok(answer, 201).token as string
}

export const sale = (token: string, amount = 4999, extra: Record<string, unknown> = {}) => ({
  channel: 'web',
  processingTerminalId: '1234001',
  order: { orderId: `order-${randomUUID().slice(0, 8)}`, amount, currency: 'USD' },
  paymentMethod: { type: 'singleUseToken', token },
  ...extra,
})

/** Runs an approved sale (or pre-authorization with autoCapture false) and returns its body. */
export async function runSale(extra: Record<string, unknown> = {}, amount = 4999) {
  return ok(await post('/payments', sale(await apiToken(), amount, extra)), 201)
}

/** Saves a secure token on `terminal` from a fresh single-use token; returns its body. */
export async function saveSecureToken(terminal = '1234001', body: Record<string, unknown> = {}) {
  const answer = await post(`/processing-terminals/${terminal}/secure-tokens`, {
    source: { type: 'singleUseToken', token: await apiToken(terminal) },
    ...body,
  })
  return ok(answer, 201)
}

export const closeBatch = async (processingTerminalId?: string): Promise<number> =>
  ok(await control(base, 'POST', 'batches/close', processingTerminalId ? { processingTerminalId } : {}), 200)
    .settled as number
