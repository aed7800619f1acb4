/**
 * The gate in front of the sandbox's control API (`/__sandbox/*`), checked before routing: a hostile web page
 * must not add fault rules, read the journal or reset the sandbox, neither by a no-cors `text/plain` POST
 * (cross-site request forgery) nor through a DNS-rebound name (which makes the page same-origin).
 *
 * - Host must be a loopback literal with the sandbox's own port: `127.x.y.z:<port>`, `localhost:<port>` or
 *   `[::1]:<port>` (the port may be omitted only when it is 80). A rebound name (`evil.example:<port>`) → 403.
 * - No `Origin` header at all (browsers send one on every cross-origin request and on every POST; the console
 *   and the tests call from Node, which sends none) → else 403; a `Sec-Fetch-Site` other than `none` (a
 *   browser request made by a page, e.g. an `<img>`) → 403.
 * - Writes (POST, PUT, PATCH, DELETE) with a body must say `Content-Type: application/json` → else 415. A write
 *   without a body and without a Content-Type (`POST /__sandbox/reset`) passes: no browser can send one
 *   without an Origin header.
 * The routes Payroc's library calls from merchant pages are not behind this gate; the UI reaches the sandbox
 * through channels, never from the page.
 */
import { problemType, type ProblemDetails } from '../shared/payroc'

export interface ControlRequest {
  method: string
  headers: Readonly<Record<string, string | string[] | undefined>>
}

export interface ControlRefusal {
  status: 403 | 415
  problem: ProblemDetails
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const header = (request: ControlRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Host is a loopback literal with `port` (see the module comment). */
export function isLoopbackHostHeader(host: string | undefined, port: number): boolean {
  if (!host) return false
  const match = /^(\[::1\]|localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3})(?::(\d{1,5}))?$/i.exec(host.trim())
  if (!match) return false
  const ip = match[1] ?? ''
  if (ip.startsWith('127.') && ip.split('.').some((part) => Number(part) > 255)) return false
  return match[2] === undefined ? port === 80 : Number(match[2]) === port
}

const isJson = (contentType: string): boolean =>
  (contentType.split(';')[0] ?? '').trim().toLowerCase() === 'application/json'

const refuse = (status: 403 | 415, detail: string): ControlRefusal => ({
  status,
  problem: {
    type: problemType(status === 403 ? 'forbidden' : 'unsupported-media-type'),
    title: status === 403 ? 'Forbidden' : 'Unsupported Media Type',
    status,
    detail,
    ...(status === 403 ? { resource: 'sandbox-control-api' } : {}),
  },
})

/** Undefined when the request may reach the control API; else the status and problem to answer. */
export function controlGate(request: ControlRequest, port: number): ControlRefusal | undefined {
  const host = header(request, 'host')
  if (!isLoopbackHostHeader(host, port))
    return refuse(
      403,
      `The control API answers only Host 127.0.0.1:${port}, localhost:${port} or [::1]:${port}.`,
    )
  if (header(request, 'origin') !== undefined)
    return refuse(403, 'The control API does not answer web pages (an Origin header was sent).')
  const site = header(request, 'sec-fetch-site')
  if (site !== undefined && site.toLowerCase() !== 'none')
    return refuse(403, 'The control API does not answer web pages (Sec-Fetch-Site).')
  if (!WRITES.has(request.method.toUpperCase())) return undefined
  const contentType = header(request, 'content-type')
  if (contentType !== undefined ? isJson(contentType) : !hasBody(request)) return undefined
  return refuse(415, 'Control API writes must be Content-Type: application/json.')
}

function hasBody(request: ControlRequest): boolean {
  const length = header(request, 'content-length')
  return header(request, 'transfer-encoding') !== undefined || (length !== undefined && Number(length) !== 0)
}
