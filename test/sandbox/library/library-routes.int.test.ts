/** The simulated Hosted Fields library's own routes: the script and the frame page's base CSS; faults on them. */
import { Script } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { libraryScriptPath } from '../../../src/sandbox'
import {
  base,
  bearer,
  call,
  control,
  createSession,
  expectProblem,
  LIB,
  useSandbox,
} from '../../support/sandbox'

useSandbox()

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

  it('installs both sides, as Payroc’s build does: Payroc.hostedFields (needs new) and Payroc.Gateway.init', async () => {
    const answer = await call(`${base}${libraryScriptPath(LIB)}`)
    const window: { Payroc?: { hostedFields?: unknown; Gateway?: { init?: unknown } } } = {}
    new Script(answer.text).runInNewContext({ window, URL, crypto: globalThis.crypto, console })
    const ctor = window.Payroc?.hostedFields as (options: unknown) => unknown
    expect(typeof ctor).toBe('function')
    expect(() => ctor({ fields: {} })).toThrow(/cannot be invoked without 'new'/)
    expect(typeof window.Payroc?.Gateway?.init).toBe('function')
  })
})

describe('the routes of the earlier simulator protocol are gone', () => {
  it.each([
    ['POST', '/hosted-fields/sessions/initialize'],
    [
      'GET',
      '/hosted-fields/frame?field=cardNumber&instance=abcdefgh&parentOrigin=http%3A%2F%2F127.0.0.1%3A9',
    ],
    ['GET', '/hosted-fields/frame.js'],
    ['GET', '/hosted-fields/frame.css'],
  ])('%s %s → 404', async (method, path) => {
    const answer = await call(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: '{}' } : {}),
    })
    expectProblem(answer, 404, 'not-found')
  })

  it('still serves the frame page’s base CSS', async () => {
    const css = await call(`${base}/hosted-fields/frame-base.css`)
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
  })
})

describe('fault rules on the library group', () => {
  it('forces a status on the script and on the configuration call', async () => {
    await control(base, 'POST', 'faults', {
      route: 'library',
      action: { type: 'status', status: 500 },
      times: 2,
    })
    expectProblem(await call(`${base}${libraryScriptPath(LIB)}`), 500, 'api-error')
    const answer = await createSession(base, bearer, {
      terminal: '1234001',
      body: { libVersion: LIB, scenario: 'payment' },
    })
    const configuration = await call(
      `${base}/merchant/api/v2/hosted-fields-sessions/${answer.json.token}/configuration`,
      { headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:9' } },
    )
    expectProblem(configuration, 500, 'api-error')
    // CORS on the forced answer too, or the merchant page would see a network error instead.
    expect(configuration.headers.get('access-control-allow-origin')).not.toBeNull()
    // times: 2 used up: the script is served again.
    expect((await call(`${base}${libraryScriptPath(LIB)}`)).status).toBe(200)
  })

  it('leaves the library alone when the rule targets another group', async () => {
    await control(base, 'POST', 'faults', { route: 'sessions', action: { type: 'status', status: 503 } })
    expect((await call(`${base}${libraryScriptPath(LIB)}`)).status).toBe(200)
    expect((await call(`${base}/hosted-fields/frame-base.css`)).status).toBe(200)
  })
})
