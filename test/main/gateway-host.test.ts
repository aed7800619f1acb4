import { describe, expect, it } from 'vitest'
import { gatewayHostResponder, testPageRequestRoute } from '../../src/main/gateway-host'
import type { LibraryMapping } from '../../src/core/services/library/payroc-library'

const SANDBOX = 'http://127.0.0.1:4010'
const BUILD = '1.7.0.261457'
const GATEWAY = 'https://testpayments.worldnettps.com'
const SCRIPT_URL = `https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-${BUILD}.js`
const mapping = (active: boolean): LibraryMapping => ({
  chosen: true,
  active,
  sandboxUrl: SANDBOX,
  builds: new Set([BUILD]),
  libVersion: BUILD,
})

describe('the test page session’s https route while Payroc’s own script is chosen', () => {
  it('sends nothing anywhere new while another environment is selected', () => {
    for (const url of [
      SCRIPT_URL,
      `${GATEWAY}/merchant/api/v2/hosted-fields-sessions/t/configuration`,
      'https://x.example/',
    ])
      expect(testPageRequestRoute(url, mapping(false)), url).toEqual({ kind: 'through' })
  })

  it('in the Sandbox: the script from the copy, the gateway to the sandbox at the same path, the rest refused', () => {
    expect(testPageRequestRoute(SCRIPT_URL, mapping(true))).toEqual({ kind: 'script', libVersion: BUILD })
    expect(testPageRequestRoute(`${GATEWAY}/merchant/hosted-fields?a=1`, mapping(true))).toEqual({
      kind: 'sandbox',
      url: `${SANDBOX}/merchant/hosted-fields?a=1`,
    })
    expect(testPageRequestRoute('https://cdn.uat.payroc.com/img/visa.svg', mapping(true))).toEqual({
      kind: 'image',
    })
    expect(testPageRequestRoute('https://evil.example/', mapping(true))).toEqual({ kind: 'refuse' })
    // A field frame page loads the SESSION's libVersion from the gateway: it runs the chosen copy.
    expect(
      testPageRequestRoute(`${GATEWAY}/js/hosted-fields/hosted-fields-1.7.0.1.js`, mapping(true)),
    ).toEqual({ kind: 'script', libVersion: BUILD })
    // On the CDN (the page's own script tag, with SRI) a build without a verified copy is refused, not fetched.
    expect(
      testPageRequestRoute(
        'https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-1.7.0.1.js',
        mapping(true),
      ),
    ).toEqual({ kind: 'refuse' })
  })
})

describe('gatewayHostResponder', () => {
  const through: Request[] = []
  const sandboxCalls: { url: string; init: RequestInit }[] = []
  let copy: Buffer | null = Buffer.from('!function(){}();')
  let active = true
  const respond = gatewayHostResponder({
    mapping: () => mapping(active),
    scriptCopy: () => Promise.resolve(copy),
    through: (request) => {
      through.push(request)
      return Promise.resolve(new Response('network'))
    },
    fetchSandbox: (url, init) => {
      sandboxCalls.push({ url: String(url), init: init ?? {} })
      return Promise.resolve(
        new Response('{"token":"x"}', {
          status: 201,
          headers: {
            'content-type': 'application/json',
            'access-control-allow-origin': 'http://127.0.0.1:5',
            connection: 'keep-alive',
          },
        }),
      )
    },
  })

  it('forwards a gateway POST with its method, headers and body, and hands back the sandbox’s answer', async () => {
    const answer = await respond(
      new Request(`${GATEWAY}/merchant/api/v2/hosted-fields-sessions/t/single-use-tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:5' },
        body: '{"a":1}',
      }),
    )
    expect(answer.status).toBe(201)
    expect(await answer.text()).toBe('{"token":"x"}')
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5')
    expect(answer.headers.get('connection')).toBeNull()
    const [call] = sandboxCalls
    expect(call?.url).toBe(`${SANDBOX}/merchant/api/v2/hosted-fields-sessions/t/single-use-tokens`)
    expect(call?.init.method).toBe('POST')
    expect(new Headers(call?.init.headers).get('origin')).toBe('http://127.0.0.1:5')
    expect(new Headers(call?.init.headers).get('host')).toBeNull()
    expect(Buffer.from(call?.init.body as Uint8Array).toString()).toBe('{"a":1}')
  })

  it('serves the verified copy with CORS for the SRI check; a copy gone or changed is refused', async () => {
    const script = await respond(new Request(SCRIPT_URL))
    expect(script.status).toBe(200)
    expect(script.headers.get('access-control-allow-origin')).toBe('*')
    expect(await script.text()).toBe('!function(){}();')
    copy = null
    expect((await respond(new Request(SCRIPT_URL))).status).toBe(403)
  })

  it('refuses other hosts in the Sandbox and passes everything through when not active', async () => {
    expect((await respond(new Request('https://evil.example/'))).status).toBe(403)
    expect(through).toHaveLength(0)
    active = false
    expect(await (await respond(new Request(SCRIPT_URL))).text()).toBe('network')
    expect(through.map((request) => request.url)).toEqual([SCRIPT_URL])
  })
})
