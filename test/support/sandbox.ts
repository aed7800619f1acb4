/**
 * Shared setup for the sandbox suites (useSandbox) and helpers, written from PAYROC.md's point of view: plain fetch / node:http over
 * loopback, Payroc's URLs, headers and problem-details shapes.
 */
import { randomUUID } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox'

export const API_KEY = 'sandbox-api-key'
export const LIB = '1.7.0.261457'
export const ERRORS = 'https://docs.payroc.com/api/errors#'
/** Status, type fragment and title as the examples in Payroc's OpenAPI spec give them (sentence case). */
export const SPEC_PROBLEM_PAIRS: readonly [status: number, fragment: string, title: string][] = [
  [400, 'bad-request', 'Bad request'],
  [401, 'not-authorized', 'Not Authorized'],
  [403, 'forbidden', 'Forbidden'],
  [404, 'not-found', 'Not found'],
  [406, 'not-acceptable', 'Not acceptable'],
  [409, 'resource-already-exists', 'Resource already exists'],
  [413, 'payload-too-large', 'Payload too large'],
  [415, 'unsupported-media-type', 'Unsupported media type'],
  [500, 'api-error', 'Api error'],
]

/**
 * The suite's sandbox, its URL and a bearer for API_KEY, set by useSandbox() in beforeAll. Exported as live
 * bindings: a suite imports them and reads the current values inside its tests and hooks.
 */
export let sandbox: Sandbox
export let base: string
export let bearer: string

/**
 * One sandbox for the calling test file: started on a free port before all tests (with `options`), a bearer
 * authorized for API_KEY, closed after all tests, and reset before each test unless `resetEachTest` is false.
 */
export function useSandbox(options: SandboxOptions = { port: 0 }, { resetEachTest = true } = {}): void {
  beforeAll(async () => {
    sandbox = await startSandbox(options)
    base = sandbox.url
    bearer = await authorize(base)
  })
  afterAll(() => sandbox.close())
  if (resetEachTest) beforeEach(() => sandbox.reset())
}

/** A fresh bearer for API_KEY (at the sandbox's current clock), which the suite uses from now on. */
export async function reauthorize(): Promise<void> {
  bearer = await authorize(base)
}

export interface Answer {
  status: number
  headers: Headers
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.headers ?? {},
    ...(init.body !== undefined ? { body: init.body } : {}),
  })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

export async function authorize(base: string, apiKey = API_KEY): Promise<string> {
  const answer = await call(`${base}/authorize`, { method: 'POST', headers: { 'x-api-key': apiKey } })
  expect(answer.status).toBe(200)
  return answer.json.access_token as string
}

export const sessionsUrl = (base: string, terminal: string) =>
  `${base}/v1/processing-terminals/${terminal}/hosted-fields-sessions`

export interface SessionCall {
  terminal?: string
  body?: unknown
  rawBody?: string
  idempotencyKey?: string | null
  headers?: Record<string, string>
}

/** POST …/hosted-fields-sessions with everything right unless overridden. */
export function createSession(base: string, bearer: string, options: SessionCall = {}): Promise<Answer> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${bearer}`,
    'content-type': 'application/json',
    accept: 'application/json',
  }
  if (options.idempotencyKey !== null) headers['idempotency-key'] = options.idempotencyKey ?? randomUUID()
  Object.assign(headers, options.headers)
  const sent = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''))
  return call(sessionsUrl(base, options.terminal ?? '1234001'), {
    method: 'POST',
    headers: sent,
    body: options.rawBody ?? JSON.stringify(options.body ?? { libVersion: LIB, scenario: 'payment' }),
  })
}

/** Payroc's problem shape: type/title/status/detail and the extras for the status. */
export function expectProblem(answer: Answer, status: number, fragment?: string): void {
  expect(answer.status, answer.text).toBe(status)
  expect(answer.headers.get('content-type')).toMatch(/^application\/(problem\+)?json/)
  const body = answer.json
  expect(body, answer.text).toBeTypeOf('object')
  expect(typeof body.type).toBe('string')
  expect(body.type.startsWith(ERRORS)).toBe(true)
  if (fragment) expect(body.type).toBe(`${ERRORS}${fragment}`)
  expect(typeof body.title).toBe('string')
  expect(body.title.length).toBeGreaterThan(0)
  expect(body.status).toBe(status)
  expect(typeof body.detail).toBe('string')
  if (status === 400 || status >= 500) {
    expect(Array.isArray(body.errors)).toBe(true)
  }
  if (status === 403) {
    expect(typeof body.instance).toBe('string')
    expect(typeof body.resource).toBe('string')
  }
  if (status === 409) {
    expect(typeof body.instance).toBe('string')
    expect(Array.isArray(body.errors)).toBe(true)
    expect(body.link).toEqual({
      rel: expect.any(String),
      method: expect.any(String),
      href: expect.any(String),
    })
  }
  if (status >= 500) for (const item of body.errors) expect(typeof item.message).toBe('string')
}

export function errorParameters(answer: Answer): string[] {
  return (answer.json.errors as { parameter?: string }[]).map((item) => item.parameter ?? '')
}

/** Raw node:http request (bodies fetch cannot send: chunked, huge, odd methods). */
export function rawRequest(
  base: string,
  options: {
    method: string
    path: string
    headers?: Record<string, string | number>
    body?: Buffer | string
    chunks?: Buffer[]
  },
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk)
      req.end()
    } else req.end(options.body)
  })
}

export async function control(base: string, method: string, path: string, body?: unknown): Promise<Answer> {
  return call(`${base}/__sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
}
