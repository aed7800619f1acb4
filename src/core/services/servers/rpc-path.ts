/**
 * The browser-preview bridge's request target, checked before anything else happens to the request (before
 * any log line, before the secret check): `GET /rpc/%E0` — what an `<img>` on any web page can send — used to
 * throw in decodeURIComponent, answer 500 and write a log line per request.
 *
 * Pure: request target in, route or a 400 out. A well-formed but unknown channel (even an empty one) is NOT
 * decided here: the bridge answers 401 before 404, so channel names are not revealed without the secret.
 */

export type BridgeRoute =
  | { kind: 'rpc'; channel: string }
  | { kind: 'events'; search: URLSearchParams }
  | { kind: 'other' }
  | { kind: 'bad-request'; status: 400; message: string }

const MAX_TARGET = 2048

const bad = (message: string): BridgeRoute => ({ kind: 'bad-request', status: 400, message })

/** Strict percent-decoding: undefined for malformed escapes (`%E0`, `%zz`, `%`) or decoded control chars. */
export function decodePathSegment(segment: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    return undefined
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  return /[\u0000-\u001f\u007f]/.test(decoded) ? undefined : decoded
}

/** Classifies `req.url` for the bridge: /rpc/<channel>, /events, anything else (static files), or a 400. */
export function classifyBridgeTarget(target: string | undefined): BridgeRoute {
  const raw = target ?? '/'
  if (raw.length > MAX_TARGET) return bad('Request target too long')
  if (!raw.startsWith('/')) return bad('Malformed request target')
  const queryAt = raw.search(/[?#]/)
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt)
  const query = queryAt === -1 ? '' : raw.slice(queryAt + 1).split('#')[0]
  if (path.startsWith('/rpc/')) {
    const channel = decodePathSegment(path.slice('/rpc/'.length))
    if (channel === undefined) return bad('Malformed percent-encoding in the channel')
    return { kind: 'rpc', channel }
  }
  if (path === '/events') {
    if (query !== undefined && query !== '' && decodeQuery(query) === undefined)
      return bad('Malformed percent-encoding in the query')
    return { kind: 'events', search: new URLSearchParams(query) }
  }
  return { kind: 'other' }
}

/** URLSearchParams replaces malformed escapes silently; a secret compared against that must not be guessed. */
function decodeQuery(query: string): string | undefined {
  for (const part of query.split(/[&=]/)) {
    if (decodePathSegment(part.replace(/\+/g, ' ')) === undefined) return undefined
  }
  return query
}
