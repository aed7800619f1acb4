/**
 * CORS of the Hosted Fields gateway paths. The merchant page calls the configuration and single-use-token
 * routes cross-origin (with Content-Type and Idempotency-Key, so the browser sends a preflight); the fields
 * route is called by the field frames (same origin) but answers with the same headers. Every answer on these
 * paths — problems and fault answers included — carries Access-Control-Allow-Origin, or the library would see a
 * network error and retry.
 */
import type { IncomingMessage } from 'node:http'
import type { Reply } from '../problem-replies'

/** The gateway's Hosted Fields session calls (under /merchant, like Payroc's gateway). */
export const GATEWAY_SESSION_PATH =
  /^\/merchant\/api\/v2\/hosted-fields-sessions\/([^/]+)\/(configuration|fields|single-use-tokens)$/

export const isGatewaySessionPath = (path: string): boolean => GATEWAY_SESSION_PATH.test(path)

/** The caller's Origin echoed (any origin may call, no credentials are involved), else `*`. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin
  return typeof origin === 'string' && origin !== ''
    ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
    : { 'Access-Control-Allow-Origin': '*' }
}

export const withCors = (reply: Reply, req: IncomingMessage): Reply => ({
  ...reply,
  headers: { ...reply.headers, ...corsHeaders(req) },
})

const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key'
const SAFE_HEADER_LIST = /^[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*$/

/** The answer to a preflight on a gateway session path: 204, before fault rules and journal. */
export function preflightReply(req: IncomingMessage): Reply {
  const requested = req.headers['access-control-request-headers']
  const headers =
    typeof requested === 'string' && SAFE_HEADER_LIST.test(requested.trim())
      ? requested.trim()
      : ALLOWED_HEADERS
  return {
    status: 204,
    contentType: 'text/plain',
    body: '',
    headers: {
      ...corsHeaders(req),
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': headers,
      'Access-Control-Max-Age': '600',
    },
  }
}
