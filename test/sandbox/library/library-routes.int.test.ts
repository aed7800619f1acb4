/** The simulated Hosted Fields library's routes: the script, initialize(), the field frames, faults, journal. */
import { Script } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { INIT_MESSAGES, libraryScriptPath } from '../../../src/sandbox'
import {
  base,
  bearer,
  call,
  control,
  createSession,
  expectProblem,
  LIB,
  sandbox,
  useSandbox,
} from '../../support/sandbox'

useSandbox()

async function session(terminal = '1234001', scenario = 'payment', libVersion = LIB): Promise<string> {
  const answer = await createSession(base, bearer, { terminal, body: { libVersion, scenario } })
  expect(answer.status, answer.text).toBe(201)
  return answer.json.token
}

const initialize = (body: Record<string, unknown>) =>
  call(`${base}/hosted-fields/sessions/initialize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:9' },
    body: JSON.stringify({ libVersion: LIB, mode: 'payment', instanceId: 'instance-one', ...body }),
  })

describe('GET /js/hosted-fields/hosted-fields-<libVersion>.js', () => {
  it.each([LIB, '1.7.0.261471', '1.6.0.172441', '1.7.0-beta.12'])(
    'serves the library for %s as CORS-readable JavaScript that embeds its version and origin',
    async (version) => {
      const answer = await call(`${base}${libraryScriptPath(version)}`)
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toBe('application/javascript; charset=utf-8')
      expect(answer.headers.get('access-control-allow-origin')).toBe('*')
      expect(answer.headers.get('cache-control')).toMatch(/max-age=\d+/)
      expect(answer.headers.get('etag')).toMatch(/^".+"$/)
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer.text).toContain(JSON.stringify({ libVersion: version, origin: base }))
      // Parses as a script (the served text is not type-checked anywhere else).
      expect(() => new Script(answer.text)).not.toThrow()
    },
  )

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await call(`${base}${libraryScriptPath(LIB)}`)
    const etag = first.headers.get('etag') ?? ''
    const again = await call(`${base}${libraryScriptPath(LIB)}`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
  })

  it.each([
    '/js/hosted-fields/hosted-fields-latest.js',
    '/js/hosted-fields/hosted-fields-1.7.js',
    '/js/hosted-fields/hosted-fields-1.7.0.261457.min.js',
    '/js/hosted-fields/other.js',
    '/js/hosted-fields/hosted-fields-%ZZ.js',
  ])('answers 404 for %s', async (path) => {
    expectProblem(await call(`${base}${path}`), 404, 'not-found')
  })

  it('installs window.Payroc.hostedFields, a constructor that insists on new', async () => {
    const answer = await call(`${base}${libraryScriptPath(LIB)}`)
    const window: { Payroc?: { hostedFields?: unknown } } = {}
    new Script(answer.text).runInNewContext({ window, crypto: globalThis.crypto, console })
    const ctor = window.Payroc?.hostedFields as ((options: unknown) => unknown) & { version: string }
    expect(typeof ctor).toBe('function')
    expect(ctor.version).toBe(LIB)
    expect(() => ctor({})).toThrow(/new Payroc\.hostedFields/)
  })
})

describe('POST /hosted-fields/sessions/initialize', () => {
  it('binds the token to the instance and reports no surcharging on 1234001', async () => {
    const token = await session()
    const answer = await initialize({ sessionToken: token })
    expect(answer.status, answer.text).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(answer.json).toMatchObject({
      instanceId: 'instance-one',
      processingTerminalId: '1234001',
      mode: 'payment',
      surcharging: { allowed: false },
    })
    expect(sandbox.state.findSession(token)?.initializedBy).toBe('instance-one')
    // The same instance may initialise again (a reload of the same form).
    expect((await initialize({ sessionToken: token })).status).toBe(200)
  })

  it('refuses a second instance with the already-used message', async () => {
    const token = await session()
    expect((await initialize({ sessionToken: token })).status).toBe(200)
    const second = await initialize({ sessionToken: token, instanceId: 'instance-two' })
    expectProblem(second, 409, 'conflict')
    expect(second.json.detail).toBe(INIT_MESSAGES.alreadyUsed)
    expect(second.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers an unknown token with "The provided session token is invalid."', async () => {
    const answer = await initialize({ sessionToken: 'f'.repeat(48) })
    expectProblem(answer, 401, 'not-authorized')
    expect(answer.json.detail).toBe('The provided session token is invalid.')
  })

  it('answers an expired token with the expiry message', async () => {
    sandbox.configure({ sessionTtlSeconds: 0.3 })
    const token = await session()
    await expect
      .poll(() => sandbox.state.lookupSession(token).status, { interval: 50, timeout: 5000 })
      .toBe('expired')
    const answer = await initialize({ sessionToken: token })
    expectProblem(answer, 401, 'not-authorized')
    expect(answer.json.detail).toBe(INIT_MESSAGES.expiredToken)
  })

  it('names both versions when the loaded libVersion differs from the session', async () => {
    const token = await session('1234001', 'payment', '1.6.0.172441')
    const answer = await initialize({ sessionToken: token })
    expectProblem(answer, 400, 'bad-request')
    expect(answer.json.detail).toBe(
      'Invalid libVersion 1.7.0.261457: the session was created for libVersion 1.6.0.172441. ' +
        'Load hosted-fields-1.6.0.172441.js or create the session with libVersion 1.7.0.261457.',
    )
    expect(answer.json.errors[0].parameter).toBe('libVersion')
  })

  it('refuses a mode that differs from the session scenario', async () => {
    const token = await session('1234001', 'payment')
    const answer = await initialize({ sessionToken: token, mode: 'tokenization' })
    expectProblem(answer, 400, 'bad-request')
    expect(answer.json.detail).toBe(
      "The mode 'tokenization' does not match the session's scenario 'payment'.",
    )
  })

  it('refuses tokenization on 1234002 (no secure tokens) and accepts it on 1234001', async () => {
    const without = await initialize({
      sessionToken: await session('1234002', 'tokenization'),
      mode: 'tokenization',
    })
    expectProblem(without, 403, 'forbidden')
    expect(without.json.detail).toBe(
      'Secure tokens are not enabled for processing terminal 1234002, so Hosted Fields cannot run in tokenization mode.',
    )
    const withTokens = await initialize({
      sessionToken: await session('1234001', 'tokenization'),
      mode: 'tokenization',
    })
    expect(withTokens.status, withTokens.text).toBe(200)
  })

  it('a failed initialisation does not use up the token', async () => {
    const token = await session()
    expect(
      (await initialize({ sessionToken: token, mode: 'tokenization', instanceId: 'wrong-mode' })).status,
    ).toBe(400)
    expect((await initialize({ sessionToken: token, instanceId: 'right-mode' })).status).toBe(200)
  })

  it('reports 3 % surcharging with a disclosure on 1234003', async () => {
    const answer = await initialize({ sessionToken: await session('1234003') })
    expect(answer.status).toBe(200)
    expect(answer.json.surcharging).toEqual({
      allowed: true,
      percentage: 3,
      disclosure: expect.stringContaining('3%'),
    })
  })

  it.each([
    ['not JSON', '{'],
    [
      'a bad instanceId',
      JSON.stringify({ sessionToken: 'x', libVersion: LIB, mode: 'payment', instanceId: '<b>' }),
    ],
    [
      'a bad mode',
      JSON.stringify({ sessionToken: 'x', libVersion: LIB, mode: 'pay', instanceId: 'instance-one' }),
    ],
    [
      'a bad libVersion',
      JSON.stringify({ sessionToken: 'x', libVersion: 'v2', mode: 'payment', instanceId: 'instance-one' }),
    ],
  ])('answers 400 to %s', async (_name, body) => {
    const answer = await call(`${base}/hosted-fields/sessions/initialize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expectProblem(answer, 400, 'bad-request')
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers the CORS preflight and 405 for other methods', async () => {
    const preflight = await call(`${base}/hosted-fields/sessions/initialize`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:9',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')
    expectProblem(await call(`${base}/hosted-fields/sessions/initialize`), 405)
  })

  it('journals the initialisation with the session token masked', async () => {
    const token = await session()
    await initialize({ sessionToken: token })
    const journal = await control(base, 'GET', 'journal?limit=5')
    const entry = journal.json.entries.find((item: { path: string }) => item.path.endsWith('/initialize'))
    expect(entry.route).toBe('library')
    expect(entry.request.body).not.toContain(token)
    expect(entry.request.body).toContain(token.slice(-6))
  })
})

describe('GET /hosted-fields/frame', () => {
  const frame = (query: string) => call(`${base}/hosted-fields/frame?${query}`)

  it('serves one labelled input per field with its own CSP (frame-ancestors *)', async () => {
    const answer = await frame(
      'field=cardNumber&instance=instance-one&parentOrigin=http%3A%2F%2F127.0.0.1%3A9&placeholder=%3Cb%3E%22x',
    )
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const csp = answer.headers.get('content-security-policy') ?? ''
    expect(csp).toContain('frame-ancestors *')
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(answer.text).toContain('<label for="hf-input" class="hf-label">Card number</label>')
    expect(answer.text).toContain('placeholder="&#60;b&#62;&#34;x"')
    expect(answer.text).not.toContain('<b>')
    expect(answer.text).toContain('/hosted-fields/frame.css')
  })

  it.each([
    ['cardholderName', 'Cardholder name'],
    ['expiryDate', 'Expiry date'],
    ['cvv', 'CVV'],
  ])('labels %s "%s"', async (field, label) => {
    const answer = await frame(`field=${field}&instance=instance-one&parentOrigin=https%3A%2F%2Fshop.example`)
    expect(answer.text).toContain(`>${label}</label>`)
  })

  it('renders the submit button with the configured value and leaves default styles out on request', async () => {
    const answer = await frame(
      'field=submit&instance=instance-one&parentOrigin=https%3A%2F%2Fshop.example&value=Pay%20%3Cnow%3E&defaultStyles=0',
    )
    expect(answer.text).toContain('<button id="hf-submit" type="button">Pay &#60;now&#62;</button>')
    expect(answer.text).not.toContain('/hosted-fields/frame.css')
  })

  it.each([
    'field=pan&instance=instance-one&parentOrigin=https%3A%2F%2Fshop.example',
    'field=cvv&instance=x&parentOrigin=https%3A%2F%2Fshop.example',
    'field=cvv&instance=instance-one&parentOrigin=null',
    'field=cvv&instance=instance-one&parentOrigin=https%3A%2F%2Fshop.example%2Fpath',
    'field=cvv&instance=instance-one&parentOrigin=javascript%3Aalert(1)',
    'field=cvv&instance=instance-one',
  ])('answers 400 to %s', async (query) => {
    expectProblem(await frame(query), 400)
  })

  it('serves the frame script and styles', async () => {
    const script = await call(`${base}/hosted-fields/frame.js`)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('application/javascript; charset=utf-8')
    expect(() => new Script(script.text)).not.toThrow()
    // Built from browser/field-frame.ts: one BroadcastChannel per instance, the sandbox's own Luhn check bundled in.
    expect(script.text).toMatch(/new BroadcastChannel\(["']hf-["'] \+ instanceId\)/)
    expect(script.text).toMatch(/function luhnValid\(/)
    expect((await call(`${base}/hosted-fields/frame.css`)).headers.get('content-type')).toMatch(/^text\/css/)
    expect((await call(`${base}/hosted-fields/frame-base.css`)).status).toBe(200)
  })
})

describe('fault rules on the library group', () => {
  it('forces a status on the script, initialize and the single-use-token submit', async () => {
    await control(base, 'POST', 'faults', {
      route: 'library',
      action: { type: 'status', status: 500 },
      times: 3,
    })
    expectProblem(await call(`${base}${libraryScriptPath(LIB)}`), 500, 'api-error')
    expectProblem(await initialize({ sessionToken: await session() }), 500, 'api-error')
    const submit = await call(`${base}/hosted-fields/single-use-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sessionToken: await session(),
        cardholderName: 'Jo Doe',
        cardNumber: '4539858876047062',
        expiryDate: '12/39',
        cvv: '123',
      }),
    })
    expectProblem(submit, 500, 'api-error')
    // times: 3 used up: the script is served again.
    expect((await call(`${base}${libraryScriptPath(LIB)}`)).status).toBe(200)
  })

  it('leaves the library alone when the rule targets another group', async () => {
    await control(base, 'POST', 'faults', { route: 'sessions', action: { type: 'status', status: 503 } })
    expect((await call(`${base}${libraryScriptPath(LIB)}`)).status).toBe(200)
    expect((await call(`${base}/hosted-fields/frame.js`)).status).toBe(200)
  })
})
