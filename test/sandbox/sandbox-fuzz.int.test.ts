/**
 * Fuzz: 300 malformed requests (random methods, paths, headers, bodies, unicode, prototype-pollution keys, huge
 * values). Each must get problem details (or 413), and the sandbox must still answer afterwards.
 */
import { request } from 'node:http'
import { expect, it } from 'vitest'
import { bearer, control, createSession, sandbox, useSandbox } from '../support/sandbox'
import { prng } from '../support/prng'

useSandbox({ port: 0 }, { resetEachTest: false })

const SEED = Number(process.env.SANDBOX_FUZZ_SEED ?? 20261125)

it('answers 300 malformed requests with problem details and stays up', async () => {
  const random = prng(SEED)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const unicode = ['é', '💳', '\u202e', '\ufeff', 'ß', '中文', '\u0000', '%00', '%', '%ZZ', '..', '\\']
  const text = (max: number) => {
    let out = ''
    const length = Math.floor(random() * max)
    for (let i = 0; i < length; i++)
      out += random() < 0.2 ? pick(unicode) : String.fromCharCode(32 + Math.floor(random() * 95))
    return out
  }
  const terminal = () =>
    pick([
      '1234001',
      '',
      '1',
      '5550001',
      'x'.repeat(51),
      '__proto__',
      'constructor',
      encodeURIComponent(text(10)),
      '%E0%A4%A',
      '1234001%2F..',
    ])
  const paths = [
    () => `/v1/processing-terminals/${terminal()}/hosted-fields-sessions`,
    () => `/v1/processing-terminals/${terminal()}/hosted-fields-sessions/${encodeURIComponent(text(30))}`,
    () => `/v1/processing-terminals/${terminal()}/secure-tokens`,
    () => `/v1/processing-terminals/${terminal()}/secure-tokens/${encodeURIComponent(text(250))}`,
    () =>
      `/v1/processing-terminals/${terminal()}/secure-tokens/${encodeURIComponent(text(20))}/update-account`,
    () => '/authorize',
    () => '/hosted-fields/single-use-tokens',
    () => `/${encodeURIComponent(text(40))}`,
    () =>
      `/__sandbox/${pick(['faults', 'config', 'reset', 'journal?limit=-3', 'journal?limit=abc', 'nothing', 'faults/x%'])}`,
    () => `/v1/${'a/'.repeat(Math.floor(random() * 200))}`,
    () => `/authorize?${'q='.repeat(500)}`,
  ]
  const bodies = [
    () => '',
    () => text(200),
    () => '{',
    () => 'null',
    () => '[]',
    () => '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    () =>
      JSON.stringify({
        libVersion: text(20),
        scenario: pick(['payment', 'tokenization', 5, null, {}]),
        secureTokenId: text(300),
      }),
    () => JSON.stringify({ libVersion: '1.7.0.1', scenario: 'payment', secureTokenId: 'x'.repeat(201) }),
    () => JSON.stringify({ source: { type: 'singleUseToken', token: text(50) }, __proto__: { admin: true } }),
    () =>
      JSON.stringify({
        route: pick(['*', 'x', '__proto__']),
        action: { type: pick(['latency', 'status', 'nope']), ms: -1, status: 99 },
      }),
    () => JSON.stringify({ sessionTtlSeconds: pick([-1, 0, 'x', 1e308, null]), toString: 'x' }),
    () =>
      JSON.stringify({
        sessionToken: text(10),
        cardNumber: text(25),
        expiryDate: text(6),
        cvv: text(5),
        cardholderName: text(50),
      }),
    () => '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
    () => 'x'.repeat(70_000),
    () => '\ud800\udfff\uffff',
  ]
  const contentTypes = [
    'application/json',
    'text/plain',
    '',
    'application/json; charset=utf-16',
    'multipart/form-data; boundary=x',
    '💳',
  ]
  const methods = ['POST', 'GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'FOO', 'M-SEARCH', 'PROPFIND']
  const authorizations = [
    `Bearer ${bearer}`,
    'Bearer',
    'Basic x',
    `Bearer ${text(100)}`,
    '',
    'Bearer ' + 'a'.repeat(8000),
  ]
  const idempotency = ['', crypto.randomUUID(), text(40), '00000000-0000-4000-8000-000000000000', '💳']

  const send = (method: string, path: string, headers: Record<string, string>, body: string) =>
    new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
      const url = new URL(sandbox.url)
      const req = request(
        { host: url.hostname, port: url.port, method, path, headers, agent: false },
        (res) => {
          let textBody = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (textBody += chunk))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type'] ?? ''),
              text: textBody,
            }),
          )
        },
      )
      req.on('error', reject)
      req.end(method === 'GET' || method === 'HEAD' ? undefined : body)
    })

  /** Header values as raw UTF-8 bytes (what a careless client sends), minus the bytes no client can send. */
  const latin1 = (value: string) =>
    Buffer.from(value, 'utf8')
      .toString('latin1')
      .replace(/[^\t\x20-\x7e\x80-\xff]/g, '?')

  const failures: string[] = []
  let checked = 0
  for (let index = 0; index < 300; index++) {
    const method = pick(methods)
    const path = pick(paths)()
    const headers: Record<string, string> = {}
    const ct = pick(contentTypes)
    if (ct) headers['content-type'] = ct
    const auth = pick(authorizations)
    if (auth) headers.authorization = auth
    const key = pick(idempotency)
    if (key) headers['idempotency-key'] = encodeURIComponent(key)
    if (random() < 0.3)
      headers.accept = pick(['text/html', 'application/json', '*/*;q=0', '💳'].map(encodeURIComponent))
    if (random() < 0.2) headers['x-api-key'] = pick(['sandbox-api-key', text(30)].map(encodeURIComponent))
    if (random() < 0.1) headers['x-' + Math.floor(random() * 1e6)] = 'v'.repeat(Math.floor(random() * 20_000))
    for (const name of Object.keys(headers)) headers[name] = latin1(headers[name] ?? '')
    const body = pick(bodies)()
    let answer: { status: number; type: string; text: string }
    try {
      answer = await send(method, path, headers, body)
    } catch (error) {
      failures.push(`#${index} ${method} ${path}: ${(error as Error).message}`)
      continue
    }
    if (method === 'HEAD') continue
    if (answer.status < 400) continue // a well-formed request may legitimately succeed
    let parsed: Record<string, unknown> | undefined
    try {
      parsed = JSON.parse(answer.text)
    } catch {
      parsed = undefined
    }
    const ok =
      parsed !== undefined &&
      /^application\/(problem\+)?json/.test(answer.type) &&
      typeof parsed.type === 'string' &&
      parsed.type.startsWith('https://docs.payroc.com/api/errors#') &&
      typeof parsed.title === 'string' &&
      parsed.status === answer.status &&
      typeof parsed.detail === 'string'
    checked++
    if (!ok) failures.push(`#${index} ${method} ${path} → ${answer.status} ${answer.text.slice(0, 200)}`)
  }
  expect(failures, `seed ${SEED}`).toEqual([])
  expect(checked).toBeGreaterThanOrEqual(200)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.prototype).not.toHaveProperty('admin')

  // still up and still correct
  expect((await control(sandbox.url, 'GET', 'health')).json).toEqual({ status: 'ok' })
  sandbox.clearFaults()
  sandbox.reset()
  expect((await createSession(sandbox.url, bearer)).status).toBe(201)
  expect(sandbox.stats().internalErrors).toBe(0)
})
