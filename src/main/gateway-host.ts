/**
 * Payroc's own script in the Sandbox environment (desktop app): while the user has chosen it and Sandbox is the
 * selected environment, the test page's session answers Payroc's UAT CDN and gateway hosts — the script from
 * the user's verified copy, every gateway call from the embedded sandbox at the same path, under the gateway's
 * own origin (gateway-mapping.ts decides; a redirect would break the library's origin checks). Everything else,
 * and everything while the mapping is not active, goes through to the network untouched.
 * Electron-free: index.ts hands it `net.fetch` for the pass-through and installs it with
 * `session.protocol.handle('https', …)` only while the choice stands; test/main and the shell smoke test drive it.
 */
import { mapGatewayRequest, type GatewayMapping } from '../core/services/servers/gateway-mapping'
import { UAT_GATEWAY } from '../core/services/servers/testpage-server'
import type { LibraryMapping } from '../core/services/library/payroc-library'

export type TestPageRoute = { kind: 'through' } | Exclude<GatewayMapping, { kind: 'pass' }>

const GATEWAY_SCRIPT = /^\/js\/hosted-fields\/hosted-fields-[^/]+\.js$/

/** Where one https request of the app's session goes. */
export function testPageRequestRoute(url: string, mapping: LibraryMapping): TestPageRoute {
  if (!mapping.active) return { kind: 'through' }
  const mapped = mapGatewayRequest(url, { sandboxUrl: mapping.sandboxUrl, builds: mapping.builds })
  if (mapped.kind === 'pass') return { kind: 'through' }
  // A field frame page (at the gateway) loads the script of the SESSION's libVersion, which may be another
  // build than the copy chosen: the frame runs the chosen copy too (the frame's script carries no SRI; the
  // page's own script tag does, and names the chosen build).
  if (mapped.kind === 'refuse' && mapping.libVersion !== null) {
    const target = new URL(url)
    if (target.origin === UAT_GATEWAY && GATEWAY_SCRIPT.test(target.pathname) && target.search === '')
      return { kind: 'script', libVersion: mapping.libVersion }
  }
  return mapped
}

/** Headers of the sandbox's answer that belong to that hop, not to the answer handed back. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  // fetch has already decoded the body
  'content-encoding',
])

export interface GatewayHostDeps {
  mapping(): LibraryMapping
  /** The verified copy of a build, as the CDN serves it (null: gone, or no longer matching its SRI). */
  scriptCopy(libVersion: string): Promise<Buffer | null>
  /** The network, bypassing this handler (Electron: `net.fetch(request, { bypassCustomProtocolHandlers })`). */
  through(request: Request): Promise<Response>
  /** How the sandbox is reached (default: Node's fetch; the sandbox is on loopback). */
  fetchSandbox?: typeof fetch
}

const refused = (url: string): Response =>
  new Response(`Refused by the console: ${url} is not one of Payroc's hosts the sandbox stands in for.`, {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })

export function gatewayHostResponder(deps: GatewayHostDeps): (request: Request) => Promise<Response> {
  const fetchSandbox = deps.fetchSandbox ?? fetch
  return async (request) => {
    const route = testPageRequestRoute(request.url, deps.mapping())
    switch (route.kind) {
      case 'through':
        return deps.through(request)
      case 'refuse':
        return refused(request.url)
      case 'image':
        return new Response(null, { status: 404 })
      case 'script': {
        const copy = await deps.scriptCopy(route.libVersion)
        if (!copy) return refused(request.url)
        return new Response(new Uint8Array(copy), {
          status: 200,
          headers: {
            'content-type': 'application/javascript; charset=utf-8',
            'access-control-allow-origin': '*',
            'cache-control': 'no-store',
          },
        })
      }
      case 'sandbox': {
        const headers = new Headers(request.headers)
        headers.delete('host')
        const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
        const answer = await fetchSandbox(route.url, {
          method: request.method,
          headers,
          redirect: 'manual',
          ...(hasBody ? { body: new Uint8Array(await request.arrayBuffer()) } : {}),
        })
        const answerHeaders = new Headers()
        answer.headers.forEach((value, key) => {
          if (!HOP_HEADERS.has(key)) answerHeaders.append(key, value)
        })
        const nullBody = answer.status === 204 || answer.status === 304 || request.method === 'HEAD'
        return new Response(nullBody ? null : await answer.arrayBuffer(), {
          status: answer.status,
          statusText: answer.statusText,
          headers: answerHeaders,
        })
      }
    }
  }
}
