/**
 * Conformance with Payroc's official OpenAPI spec (../shared/payroc/openapi/payroc-openapi-spec.yaml):
 *  1. the real sandbox, over loopback HTTP, through success and every error path it produces on the routes
 *     the spec documents: each answer's status must be documented for that operation, its content type one
 *     the spec gives, its body valid against the spec's schema, and a problem's type + title a pair the
 *     spec's own examples give;
 *  2. every example response the spec gives for the calls the app makes must parse with the app's own zod
 *     schemas (imported from src/shared, never copied).
 * Without ../shared (a fresh clone) the suite prints one line and is skipped, never passed.
 * Set PAYROC_CONFORMANCE_REPORT=<file> to also write every mismatch found as JSON; PAYROC_SPEC_PATH to read
 * another copy of the spec.
 */
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { luhnValid, MAX_BODY_BYTES, startSandbox, type Sandbox } from '../../src/sandbox'
import {
  BankTransferPaymentRequest,
  BinLookupRequest,
  CapturePaymentRequest,
  CreateSecureTokenBody,
  CreateSingleUseTokenBody,
  PaymentRequest,
  RefundBankTransferRequest,
  RefundPaymentRequest,
  ReversePaymentRequest,
  SecureTokenPatch,
  UpdateAccountBody,
  BankTransferPayment,
  BinLookupResponse,
  HostedFieldsSession,
  Payment,
  ProblemDetails,
  SecureToken,
  SecureTokenList,
  SingleUseTokenResponse,
} from '../../src/shared/payroc'
import { call as fetchAnswer } from '../support/sandbox'
import { flowCases } from './flow-cases'
import {
  API_PREFIX,
  loadPayrocSpec,
  type Mismatch,
  type PayrocSpec,
  type SpecExample,
  type WireAnswer,
} from '../support/payroc-spec'

// ---- 1. the sandbox's answers ----------------------------------------------------------------------------

const API_KEY = 'sandbox-api-key'
const LIB = '1.7.0.261457'
const TERMINAL = '1234001'
/** Seeded: payment only, no secure tokens. */
const NO_TOKENS_TERMINAL = '1234002'
/** A well-formed id no seed has. */
const UNKNOWN_TERMINAL = '9999999'
const CARD = { cardholderName: 'Sarah Hazel Hopper', cardNumber: '4539858876047062', expiryDate: '12/30' }

interface Answer extends WireAnswer {
  json: unknown
}

interface Case {
  name: string
  operationId: string
  status: number
  /**
   * A difference from the spec the sandbox keeps on purpose, pinned in src/sandbox/README.md ("Where the
   * sandbox differs from Payroc's spec, on purpose"). The case then asserts that the answer differs in exactly
   * that way (an undocumented status) and conforms in every other respect.
   */
  deliberate?: string
  run(): Promise<Answer>
}

/** The 64 KB body limit: only accountUpdate documents 413, the sandbox refuses an oversized body on every write. */
const DELIBERATE_413 =
  '413 for a body over 64 KB on an operation that documents no 413 (src/sandbox/README.md)'

function describeSandboxConformance(spec: PayrocSpec): void {
  let sandbox: Sandbox
  let bearer: string
  const found: Mismatch[] = []
  /** Differences pinned as deliberate (reported apart, never counted as mismatches). */
  const deliberate: Mismatch[] = []

  const url = (path: string) => `${sandbox.url}${API_PREFIX}${path}`
  const sessionsPath = (terminal = TERMINAL) => `/processing-terminals/${terminal}/hosted-fields-sessions`
  const tokensPath = (terminal = TERMINAL) => `/processing-terminals/${terminal}/secure-tokens`
  const tokenPath = (id: string, terminal = TERMINAL) => `${tokensPath(terminal)}/${encodeURIComponent(id)}`
  const updatePath = (id: string, terminal = TERMINAL) => `${tokenPath(id, terminal)}/update-account`

  const call = async (
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<Answer> => {
    const answer = await fetchAnswer(url(path), { method, ...options })
    return {
      method,
      // The operation is found by the path alone (a list's filters travel in the query).
      path: `${API_PREFIX}${path.split('?')[0] ?? path}`,
      status: answer.status,
      contentType: answer.headers.get('content-type') ?? '',
      text: answer.text,
      json: answer.json,
    }
  }

  /** Headers of a well-formed write: Bearer, JSON, a fresh Idempotency-Key; `drop` removes some. */
  const writeHeaders = (overrides: Record<string, string> = {}, drop: string[] = []) => {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${bearer}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
      ...overrides,
    }
    return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop.includes(name)))
  }
  const readHeaders = (overrides: Record<string, string> = {}) => ({
    Authorization: `Bearer ${bearer}`,
    ...overrides,
  })

  const post = (path: string, body: unknown, overrides: Record<string, string> = {}, drop: string[] = []) =>
    call('POST', path, {
      headers: writeHeaders(overrides, drop),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

  const createSession = async (
    scenario: 'payment' | 'tokenization' = 'tokenization',
    secureTokenId?: string,
  ) => {
    const answer = await post(sessionsPath(), {
      libVersion: LIB,
      scenario,
      ...(secureTokenId !== undefined ? { secureTokenId } : {}),
    })
    if (answer.status !== 201) throw new Error(`session setup failed: ${answer.status} ${answer.text}`)
    return (answer.json as { token: string }).token
  }
  /** A single-use token the way the simulated library's submit mints it (the sandbox's public API). */
  const singleUseToken = async () =>
    sandbox.issueSingleUseToken({ sessionToken: await createSession(), card: CARD }).token
  const saveSecureToken = async (secureTokenId?: string) => {
    const answer = await post(tokensPath(), {
      source: { type: 'singleUseToken', token: await singleUseToken() },
      ...(secureTokenId !== undefined ? { secureTokenId } : {}),
    })
    if (answer.status !== 201) throw new Error(`secure token setup failed: ${answer.status} ${answer.text}`)
    return (answer.json as { secureTokenId: string }).secureTokenId
  }
  /** The same key twice, the second time with another body: 409 (only a success is stored, so the first must succeed). */
  const reuseKey = async (path: string, first: unknown, second: unknown) => {
    const key = randomUUID()
    const stored = await post(path, first, { 'Idempotency-Key': key })
    if (stored.status >= 300) throw new Error(`first request failed: ${stored.status} ${stored.text}`)
    return post(path, second, { 'Idempotency-Key': key })
  }
  const oversized = () =>
    JSON.stringify({ libVersion: LIB, scenario: 'payment', pad: 'x'.repeat(MAX_BODY_BYTES) })
  const fault500 = (route: 'sessions' | 'secure-tokens') =>
    sandbox.addFault({ route, action: { type: 'status', status: 500 }, times: 1 })

  const sessionBody = { libVersion: LIB, scenario: 'payment' }
  const cases: Case[] = [
    // createSession
    {
      name: 'payment session',
      operationId: 'createSession',
      status: 201,
      run: () => post(sessionsPath(), sessionBody),
    },
    {
      name: 'tokenization session with a secureTokenId',
      operationId: 'createSession',
      status: 201,
      run: () =>
        post(sessionsPath(), {
          libVersion: LIB,
          scenario: 'tokenization',
          secureTokenId: 'MREF_conformance',
        }),
    },
    {
      name: 'idempotent replay',
      operationId: 'createSession',
      status: 201,
      run: async () => {
        const key = randomUUID()
        await post(sessionsPath(), sessionBody, { 'Idempotency-Key': key })
        return post(sessionsPath(), sessionBody, { 'Idempotency-Key': key })
      },
    },
    {
      name: 'invalid body (scenario, libVersion)',
      operationId: 'createSession',
      status: 400,
      run: () => post(sessionsPath(), { libVersion: '1.7', scenario: 'sale' }),
    },
    {
      name: 'body that is not JSON',
      operationId: 'createSession',
      status: 400,
      run: () => post(sessionsPath(), '{"libVersion": '),
    },
    {
      name: 'terminal id too short',
      operationId: 'createSession',
      status: 400,
      run: () => post(sessionsPath('12'), sessionBody),
    },
    {
      name: 'missing Idempotency-Key',
      operationId: 'createSession',
      status: 400,
      run: () => post(sessionsPath(), sessionBody, {}, ['Idempotency-Key']),
    },
    {
      name: 'Idempotency-Key not a UUID v4',
      operationId: 'createSession',
      status: 400,
      run: () => post(sessionsPath(), sessionBody, { 'Idempotency-Key': 'not-a-uuid' }),
    },
    {
      name: 'no Authorization',
      operationId: 'createSession',
      status: 401,
      run: () => post(sessionsPath(), sessionBody, {}, ['Authorization']),
    },
    {
      name: 'unknown Bearer',
      operationId: 'createSession',
      status: 401,
      run: () => post(sessionsPath(), sessionBody, { Authorization: 'Bearer not-a-token' }),
    },
    {
      name: 'unknown terminal',
      operationId: 'createSession',
      status: 403,
      run: () => post(sessionsPath(UNKNOWN_TERMINAL), sessionBody),
    },
    {
      name: 'Accept without JSON',
      operationId: 'createSession',
      status: 406,
      run: () => post(sessionsPath(), sessionBody, { Accept: 'text/html' }),
    },
    {
      name: 'Idempotency-Key reused with another body',
      operationId: 'createSession',
      status: 409,
      run: () => reuseKey(sessionsPath(), sessionBody, { ...sessionBody, scenario: 'tokenization' }),
    },
    {
      name: 'body over 64 KB',
      operationId: 'createSession',
      status: 413,
      deliberate: DELIBERATE_413,
      run: () => post(sessionsPath(), oversized()),
    },
    {
      name: 'Content-Type not JSON',
      operationId: 'createSession',
      status: 415,
      run: () => post(sessionsPath(), sessionBody, { 'Content-Type': 'text/plain' }),
    },
    {
      name: 'gateway failure (fault)',
      operationId: 'createSession',
      status: 500,
      run: () => {
        fault500('sessions')
        return post(sessionsPath(), sessionBody)
      },
    },

    // createSecureToken
    {
      name: 'save from a single-use token',
      operationId: 'createSecureToken',
      status: 201,
      run: async () =>
        post(tokensPath(), { source: { type: 'singleUseToken', token: await singleUseToken() } }),
    },
    {
      name: 'save with secureTokenId and mitAgreement',
      operationId: 'createSecureToken',
      status: 201,
      run: async () =>
        post(tokensPath(), {
          source: { type: 'singleUseToken', token: await singleUseToken() },
          secureTokenId: 'MREF_conformance_save',
          mitAgreement: 'unscheduled',
        }),
    },
    {
      name: 'invalid body (source.type)',
      operationId: 'createSecureToken',
      status: 400,
      run: () => post(tokensPath(), { source: { type: 'card', token: 'x' } }),
    },
    {
      name: 'unknown single-use token',
      operationId: 'createSecureToken',
      status: 400,
      run: () => post(tokensPath(), { source: { type: 'singleUseToken', token: 'f'.repeat(48) } }),
    },
    {
      name: 'missing Idempotency-Key',
      operationId: 'createSecureToken',
      status: 400,
      run: () =>
        post(tokensPath(), { source: { type: 'singleUseToken', token: 'x' } }, {}, ['Idempotency-Key']),
    },
    {
      name: 'no Authorization',
      operationId: 'createSecureToken',
      status: 401,
      run: () =>
        post(tokensPath(), { source: { type: 'singleUseToken', token: 'x' } }, {}, ['Authorization']),
    },
    {
      name: 'terminal without secure tokens',
      operationId: 'createSecureToken',
      status: 403,
      run: () => post(tokensPath(NO_TOKENS_TERMINAL), { source: { type: 'singleUseToken', token: 'x' } }),
    },
    {
      name: 'unknown terminal',
      operationId: 'createSecureToken',
      status: 403,
      run: () => post(tokensPath(UNKNOWN_TERMINAL), { source: { type: 'singleUseToken', token: 'x' } }),
    },
    {
      name: 'Accept without JSON',
      operationId: 'createSecureToken',
      status: 406,
      run: () =>
        post(tokensPath(), { source: { type: 'singleUseToken', token: 'x' } }, { Accept: 'text/html' }),
    },
    {
      name: 'secureTokenId that exists',
      operationId: 'createSecureToken',
      status: 409,
      run: async () => {
        const id = await saveSecureToken('MREF_conformance_taken')
        return post(tokensPath(), {
          source: { type: 'singleUseToken', token: await singleUseToken() },
          secureTokenId: id,
        })
      },
    },
    {
      name: 'Idempotency-Key reused with another body',
      operationId: 'createSecureToken',
      status: 409,
      run: async () =>
        reuseKey(
          tokensPath(),
          { source: { type: 'singleUseToken', token: await singleUseToken() } },
          { source: { type: 'singleUseToken', token: await singleUseToken() } },
        ),
    },
    {
      name: 'body over 64 KB',
      operationId: 'createSecureToken',
      status: 413,
      deliberate: DELIBERATE_413,
      run: () => post(tokensPath(), oversized()),
    },
    {
      name: 'Content-Type not JSON',
      operationId: 'createSecureToken',
      status: 415,
      run: () =>
        post(
          tokensPath(),
          { source: { type: 'singleUseToken', token: 'x' } },
          { 'Content-Type': 'text/plain' },
        ),
    },
    {
      name: 'gateway failure (fault)',
      operationId: 'createSecureToken',
      status: 500,
      run: () => {
        fault500('secure-tokens')
        return post(tokensPath(), { source: { type: 'singleUseToken', token: 'x' } })
      },
    },

    // getSecureToken
    {
      name: 'retrieve a saved token',
      operationId: 'getSecureToken',
      status: 200,
      run: async () => call('GET', tokenPath(await saveSecureToken()), { headers: readHeaders() }),
    },
    {
      name: 'secureTokenId over 200 characters',
      operationId: 'getSecureToken',
      status: 400,
      run: () => call('GET', tokenPath('x'.repeat(201)), { headers: readHeaders() }),
    },
    {
      name: 'no Authorization',
      operationId: 'getSecureToken',
      status: 401,
      run: () => call('GET', tokenPath('MREF_x')),
    },
    {
      name: 'terminal without secure tokens',
      operationId: 'getSecureToken',
      status: 403,
      run: () => call('GET', tokenPath('MREF_x', NO_TOKENS_TERMINAL), { headers: readHeaders() }),
    },
    {
      name: 'unknown secureTokenId',
      operationId: 'getSecureToken',
      status: 404,
      run: () => call('GET', tokenPath('MREF_nobody'), { headers: readHeaders() }),
    },
    {
      name: 'Accept without JSON',
      operationId: 'getSecureToken',
      status: 406,
      run: () => call('GET', tokenPath('MREF_x'), { headers: readHeaders({ Accept: 'text/html' }) }),
    },
    {
      name: 'gateway failure (fault)',
      operationId: 'getSecureToken',
      status: 500,
      run: () => {
        fault500('secure-tokens')
        return call('GET', tokenPath('MREF_x'), { headers: readHeaders() })
      },
    },

    // accountUpdate
    {
      name: 'update saved details from a single-use token',
      operationId: 'accountUpdate',
      status: 200,
      run: async () => {
        const id = await saveSecureToken()
        return post(updatePath(id), { type: 'singleUseToken', token: await singleUseToken() })
      },
    },
    {
      name: 'invalid body (type)',
      operationId: 'accountUpdate',
      status: 400,
      run: () => post(updatePath('MREF_x'), { type: 'card', token: 'x' }),
    },
    {
      name: 'missing Idempotency-Key',
      operationId: 'accountUpdate',
      status: 400,
      run: () => post(updatePath('MREF_x'), { type: 'singleUseToken', token: 'x' }, {}, ['Idempotency-Key']),
    },
    {
      name: 'no Authorization',
      operationId: 'accountUpdate',
      status: 401,
      run: () => post(updatePath('MREF_x'), { type: 'singleUseToken', token: 'x' }, {}, ['Authorization']),
    },
    {
      name: 'terminal without secure tokens',
      operationId: 'accountUpdate',
      status: 403,
      run: () => post(updatePath('MREF_x', NO_TOKENS_TERMINAL), { type: 'singleUseToken', token: 'x' }),
    },
    {
      name: 'unknown secureTokenId',
      operationId: 'accountUpdate',
      status: 404,
      run: () => post(updatePath('MREF_nobody'), { type: 'singleUseToken', token: 'x' }),
    },
    {
      name: 'Accept without JSON',
      operationId: 'accountUpdate',
      status: 406,
      run: () => post(updatePath('MREF_x'), { type: 'singleUseToken', token: 'x' }, { Accept: 'text/html' }),
    },
    {
      name: 'Idempotency-Key reused with another body',
      operationId: 'accountUpdate',
      status: 409,
      run: async () => {
        const id = await saveSecureToken()
        return reuseKey(
          updatePath(id),
          { type: 'singleUseToken', token: await singleUseToken() },
          { type: 'singleUseToken', token: await singleUseToken() },
        )
      },
    },
    {
      name: 'body over 64 KB',
      operationId: 'accountUpdate',
      status: 413,
      run: () => post(updatePath('MREF_x'), oversized()),
    },
    {
      name: 'Content-Type not JSON',
      operationId: 'accountUpdate',
      status: 415,
      run: () =>
        post(updatePath('MREF_x'), { type: 'singleUseToken', token: 'x' }, { 'Content-Type': 'text/plain' }),
    },
    {
      name: 'gateway failure (fault)',
      operationId: 'accountUpdate',
      status: 500,
      run: () => {
        fault500('secure-tokens')
        return post(updatePath('MREF_x'), { type: 'singleUseToken', token: 'x' })
      },
    },
  ]

  // Payments, bank transfers, secure-token management, BIN lookup, single-use tokens (flow-cases.ts).
  cases.push(
    ...flowCases({
      sandbox: () => sandbox,
      call,
      writeHeaders,
      readHeaders,
      libraryToken: singleUseToken,
      saveSecureToken,
      deliberate413: DELIBERATE_413,
    }),
  )

  describe('the sandbox answers as the spec documents', () => {
    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0 })
      const response = await fetch(`${sandbox.url}/authorize`, {
        method: 'POST',
        headers: { 'x-api-key': API_KEY },
      })
      bearer = ((await response.json()) as { access_token: string }).access_token
    })
    afterAll(async () => {
      await sandbox.close()
      const report = process.env.PAYROC_CONFORMANCE_REPORT
      if (report) writeFileSync(report, `${JSON.stringify(found, null, 2)}\n`)
      console.log(
        `spec conformance: ${found.length} mismatch(es), ${deliberate.length} deliberate difference(s) pinned in src/sandbox/README.md`,
      )
    })
    beforeEach(() => {
      sandbox.clearFaults()
    })

    // Tokens the sandbox mints where the spec has no route the sandbox serves, or says more than the schema.
    it('single-use tokens the sandbox mints: token and expiresAt as createSingleUseToken 201 has them', async () => {
      const issued = sandbox.issueSingleUseToken({ sessionToken: await createSession(), card: CARD })
      const schema = spec.responseSchemaPointer('createSingleUseToken', '201', 'application/json')
      const mismatches: Mismatch[] = (['token', 'expiresAt'] as const).flatMap((name) =>
        spec.schemaErrors(`${schema}/properties/${name}`, issued[name]).map((error) => ({
          route: 'sandbox single-use token (as createSingleUseToken 201)',
          status: 201,
          kind: 'schema' as const,
          pointer: `/${name}`,
          wants: `${error.message ?? error.keyword} (${JSON.stringify(error.params)})`,
          sends: `${JSON.stringify(issued[name]).slice(0, 60)} (${issued[name].length} characters)`,
        })),
      )
      found.push(...mismatches.map((mismatch) => ({ ...mismatch, case: 'single-use token shape' })))
      expect(mismatches).toEqual([])
    })

    it("secure tokens the sandbox mints: token begins with 296753 and ends in a Luhn check digit (the spec's description)", async () => {
      const answer = await call('GET', tokenPath(await saveSecureToken()), { headers: readHeaders() })
      const token = String((answer.json as { token?: unknown }).token)
      const mismatches: Mismatch[] = []
      const mismatch = (wants: string): Mismatch => ({
        route:
          'GET /processing-terminals/{processingTerminalId}/secure-tokens/{secureTokenId} (getSecureToken)',
        status: answer.status,
        kind: 'description',
        pointer: '/token',
        wants,
        sends: JSON.stringify(token),
      })
      if (!token.startsWith('296753')) mismatches.push(mismatch('begins with 296753'))
      if (!luhnValid(token)) mismatches.push(mismatch('a Luhn check digit'))
      found.push(...mismatches.map((entry) => ({ ...entry, case: 'secure token format' })))
      expect(mismatches).toEqual([])
    })

    for (const testCase of cases) {
      const title = `${testCase.operationId} ${testCase.status}: ${testCase.name}`
      it(
        testCase.deliberate ? `${title} [deliberate difference: ${testCase.deliberate}]` : title,
        async () => {
          const answer = await testCase.run()
          // The case produces what it names: the operation and status it is about.
          expect(spec.find(answer.method, answer.path)?.operationId, 'operation').toBe(testCase.operationId)
          expect(answer.status, `status (body: ${answer.text.slice(0, 300)})`).toBe(testCase.status)
          const mismatches = [
            ...spec.check(answer),
            ...(answer.status >= 400 ? spec.checkProblemExample(answer) : []),
          ]
          if (testCase.deliberate !== undefined) {
            // Pinned: the status is the one difference; body, content type and problem pair still conform.
            expect(mismatches.map((mismatch) => [mismatch.kind, mismatch.sends])).toEqual([
              ['status', String(testCase.status)],
            ])
            deliberate.push(...mismatches.map((mismatch) => ({ ...mismatch, case: testCase.name })))
            return
          }
          found.push(...mismatches.map((mismatch) => ({ ...mismatch, case: testCase.name })))
          expect(mismatches).toEqual([])
        },
      )
    }
  })
}

// ---- 2. the spec's examples against the app's schemas ----------------------------------------------------

/** The calls the app makes (or will), and the app schema for each success answer; undefined = none yet. */
const APP_SCHEMAS: { operationId: string; status: string; schema?: z.ZodType; items?: string }[] = [
  { operationId: 'createSession', status: '201', schema: HostedFieldsSession },
  { operationId: 'createSecureToken', status: '201', schema: SecureToken },
  { operationId: 'getSecureToken', status: '200', schema: SecureToken },
  { operationId: 'listSecureTokens', status: '200', schema: SecureToken, items: 'data' },
  { operationId: 'listSecureTokens', status: '200', schema: SecureTokenList },
  { operationId: 'updateSecureToken', status: '200', schema: SecureToken },
  { operationId: 'deleteSecureToken', status: '204' },
  { operationId: 'accountUpdate', status: '200', schema: SecureToken },
  { operationId: 'payment', status: '201', schema: Payment },
  { operationId: 'capturePayment', status: '200', schema: Payment },
  { operationId: 'reversePayment', status: '200', schema: Payment },
  { operationId: 'refundPayment', status: '200', schema: Payment },
  { operationId: 'bankTransferPayment', status: '201', schema: BankTransferPayment },
  { operationId: 'reverseBankTransferPayment', status: '200', schema: BankTransferPayment },
  { operationId: 'refundBankTransferPayment', status: '200', schema: BankTransferPayment },
  { operationId: 'binLookup', status: '200', schema: BinLookupResponse },
  { operationId: 'createSingleUseToken', status: '201', schema: SingleUseTokenResponse },
]

function zodIssues(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value)
  if (result.success) return []
  return result.error.issues.map((issue) => `/${issue.path.map(String).join('/')}: ${issue.message}`)
}

function describeExampleConformance(spec: PayrocSpec): void {
  describe("the spec's example responses parse with the app's schemas", () => {
    /** An operation listed twice (a list: its items, then its envelope) has its problem examples checked once. */
    const problemsChecked = new Set<string>()
    for (const entry of APP_SCHEMAS) {
      const examples = spec.examples(entry.operationId)
      const successes = examples.filter((example) => example.status === entry.status)
      const { schema, items } = entry
      if (schema === undefined) {
        if (successes.length > 0) {
          // The payment, bank-transfer, BIN-lookup and single-use-token answers get app schemas when those
          // flows are wired into the sandbox and the app (branch flows-wire); until then these stay todo.
          it.todo(
            `${entry.operationId} ${entry.status}: ${successes.length} example(s), no app schema for this answer yet (comes with the payment flows)`,
          )
        }
      } else {
        for (const example of successes) {
          const what = items === undefined ? '' : ` (each of ${items})`
          it(`${entry.operationId} ${example.status} ${example.name}${what}`, () => {
            const values = itemsOf(example, items)
            // A list answer may be empty (e.g. "noActivity"); a single answer is exactly one value.
            if (items === undefined) expect(values).toHaveLength(1)
            expect(values.flatMap((value) => zodIssues(schema, value))).toEqual([])
          })
        }
      }
      if (problemsChecked.has(entry.operationId)) continue
      problemsChecked.add(entry.operationId)
      for (const example of examples.filter((candidate) => candidate.contentType.includes('problem'))) {
        it(`${entry.operationId} ${example.status} ${example.name} (problem details)`, () => {
          expect(zodIssues(ProblemDetails, example.value)).toEqual([])
        })
      }
    }
  })
}

/**
 * The requests the console builds, and the app schema each must pass. `sends` picks the spec's examples of
 * the kind the console sends (payments with a single-use or secure token, keyed plain-text test cards); the
 * others (raw card data, digital wallets, raw bank accounts) are named so their absence is visible.
 */
const REQUEST_SCHEMAS: { operationId: string; schema: z.ZodType; sends?: (value: unknown) => boolean }[] = [
  { operationId: 'payment', schema: PaymentRequest, sends: paidWithToken },
  { operationId: 'capturePayment', schema: CapturePaymentRequest },
  { operationId: 'reversePayment', schema: ReversePaymentRequest },
  { operationId: 'refundPayment', schema: RefundPaymentRequest },
  { operationId: 'bankTransferPayment', schema: BankTransferPaymentRequest, sends: paidWithToken },
  { operationId: 'refundBankTransferPayment', schema: RefundBankTransferRequest },
  { operationId: 'binLookup', schema: BinLookupRequest },
  { operationId: 'createSingleUseToken', schema: CreateSingleUseTokenBody },
  {
    operationId: 'createSecureToken',
    schema: CreateSecureTokenBody,
    sends: (value) => sourceType(value) === 'singleUseToken',
  },
  { operationId: 'accountUpdate', schema: UpdateAccountBody },
  { operationId: 'updateSecureToken', schema: SecureTokenPatch },
]

function paidWithToken(value: unknown): boolean {
  const type = (value as { paymentMethod?: { type?: unknown } }).paymentMethod?.type
  return type === 'singleUseToken' || type === 'secureToken'
}
function sourceType(value: unknown): unknown {
  return (value as { source?: { type?: unknown } }).source?.type
}

function describeRequestConformance(spec: PayrocSpec): void {
  describe("the spec's example requests of the kinds the console sends parse with the app's request schemas", () => {
    for (const entry of REQUEST_SCHEMAS) {
      const examples = spec.requestExamples(entry.operationId)
      it(`${entry.operationId}: the spec gives request examples`, () => {
        expect(examples.length).toBeGreaterThan(0)
      })
      for (const example of examples) {
        const sent = entry.sends === undefined || entry.sends(example.value)
        const title = `${entry.operationId} request ${example.name}`
        if (!sent) {
          it.skip(`${title} (a kind the console does not send)`, () => undefined)
          continue
        }
        it(title, () => {
          expect(zodIssues(entry.schema, example.value)).toEqual([])
        })
      }
    }
  })
}

/** The example itself, or the items of its list property (a list answer). */
function itemsOf(example: SpecExample, items: string | undefined): unknown[] {
  if (items === undefined) return [example.value]
  const value = example.value as Record<string, unknown> | undefined
  const list = value?.[items]
  if (!Array.isArray(list)) throw new Error(`example ${example.name} has no ${items} array`)
  return list
}

// ---- the suite (after the constants above are initialised) ------------------------------------------------

// PAYROC_SPEC_PATH points elsewhere (e.g. at nothing, to see the skip line).
const availability = loadPayrocSpec(process.env.PAYROC_SPEC_PATH)

if (!availability.available && availability.absent && process.env.PAYROC_SPEC_REQUIRED !== '1') {
  // One line, and every test skipped: never a pass. scripts/conformance.mjs reports the step as SKIPPED.
  console.log(`spec conformance skipped: ${availability.reason}`)
  describe.skip(`Payroc spec conformance (skipped: ${availability.reason})`, () => {
    it('needs ../shared/payroc/openapi/payroc-openapi-spec.yaml', () => undefined)
  })
} else if (!availability.available) {
  // A spec file that is there but unusable, or one the step runner found and this suite did not: a failure.
  describe('Payroc spec conformance', () => {
    it('loads the spec', () => {
      expect.fail(availability.reason)
    })
  })
} else {
  const spec = availability.spec
  describe('the harness itself', () => {
    // Guards against a validator that passes everything (e.g. a pointer that compiled to an empty schema).
    const created = {
      method: 'POST',
      path: `${API_PREFIX}/processing-terminals/1234001/hosted-fields-sessions`,
    }
    it('reports a body that breaks the response schema', () => {
      const mismatches = spec.check({
        ...created,
        status: 201,
        contentType: 'application/json',
        text: JSON.stringify({ processingTerminalId: '1234001', expiresAt: 'soon' }),
      })
      expect(mismatches.map((mismatch) => [mismatch.kind, mismatch.pointer, mismatch.wants])).toEqual([
        ['schema', '', "required property 'token'"],
        ['schema', '/expiresAt', 'must match format "date-time" (#/properties/expiresAt/format)'],
      ])
    })
    it('reports an undocumented status, a wrong content type and a problem title the spec never gives', () => {
      const problem = {
        type: 'https://docs.payroc.com/api/errors#bad-request',
        title: 'Bad Request',
        status: 400,
        detail: 'x',
      }
      const text = JSON.stringify(problem)
      expect(
        spec.check({ ...created, status: 418, contentType: 'application/problem+json', text })[0]?.kind,
      ).toBe('status')
      expect(spec.check({ ...created, status: 400, contentType: 'text/html', text })[0]?.kind).toBe(
        'content-type',
      )
      expect(spec.check({ ...created, status: 400, contentType: 'application/problem+json', text })).toEqual(
        [],
      )
      expect(
        spec.checkProblemExample({
          ...created,
          status: 400,
          contentType: 'application/problem+json',
          text,
        })[0]?.kind,
      ).toBe('example')
    })
  })
  describeSandboxConformance(spec)
  describeExampleConformance(spec)
  describeRequestConformance(spec)
}
