/**
 * The Hosted Fields gateway protocol (what Payroc's library calls; README "Hosted Fields gateway protocol"),
 * all in the 'library' fault group, at Payroc's gateway paths:
 *   GET  /merchant/api/v2/hosted-fields-sessions/{token}/configuration       the terminal's configuration
 *   GET  /merchant/hosted-fields?field=…&hostedFieldsSessionId=…&targetOrigin=…   one field frame page
 *   GET  /merchant/hosted-fields/field-frame-boot.js                          starts the frame's library side
 *   POST /merchant/api/v2/hosted-fields-sessions/{token}/fields              one field's value (from a frame)
 *   POST /merchant/api/v2/hosted-fields-sessions/{token}/single-use-tokens   the submit: a single-use token
 * Preflights and CORS headers on the session calls are added by the request handler (gateway-cors.ts).
 */
import { problem, json, type Reply } from '../problem-replies'
import { isJsonContentType } from '../sandbox-http'
import type { SandboxRoute, SandboxRouteRequest } from '../sandbox-types'
import { postField } from './gateway-fields'
import { FRAME_BOOT_PATH, FRAME_PAGE_PATH, framePageReply } from './gateway-frame-page'
import { mintSingleUseToken } from './gateway-mint'
import { configurationOf, gatewaySession, isReply } from './gateway-session'
import { libraryAssets } from './library-assets'

const SESSION_CALL = (call: string): RegExp =>
  new RegExp(`^\\/merchant\\/api\\/v2\\/hosted-fields-sessions\\/([^/]+)\\/${call}$`)

const idempotencyKeyOf = (ctx: SandboxRouteRequest): string | undefined => {
  const key = ctx.req.headers['idempotency-key']
  return typeof key === 'string' && key !== '' ? key : undefined
}

/** The library sends Content-Type: application/json on every session call. */
const notJson = (ctx: SandboxRouteRequest): Reply | undefined =>
  isJsonContentType(ctx.req.headers['content-type'])
    ? undefined
    : problem(415, 'The Content-Type must be application/json.')

const configurationRoute: SandboxRoute = {
  method: 'GET',
  path: SESSION_CALL('configuration'),
  group: 'library',
  handle(ctx) {
    const live = gatewaySession(ctx.state, ctx.params[0] ?? '')
    return isReply(live) ? live : json(200, configurationOf(live.terminal))
  },
}

const fieldsRoute: SandboxRoute = {
  method: 'POST',
  path: SESSION_CALL('fields'),
  group: 'library',
  handle(ctx) {
    const live = gatewaySession(ctx.state, ctx.params[0] ?? '')
    if (isReply(live)) return live
    return notJson(ctx) ?? postField(live, ctx.body, ctx.state.now())
  },
}

const singleUseTokensRoute: SandboxRoute = {
  method: 'POST',
  path: SESSION_CALL('single-use-tokens'),
  group: 'library',
  handle(ctx) {
    const live = gatewaySession(ctx.state, ctx.params[0] ?? '', true)
    if (isReply(live)) return live
    return notJson(ctx) ?? mintSingleUseToken(ctx.state, live, idempotencyKeyOf(ctx))
  },
}

const framePageRoute: SandboxRoute = {
  method: 'GET',
  path: FRAME_PAGE_PATH,
  group: 'library',
  handle: framePageReply,
}

const frameBootRoute: SandboxRoute = {
  method: 'GET',
  path: new RegExp(`^${FRAME_BOOT_PATH.replace(/[/.]/g, (c) => `\\${c}`)}$`),
  group: 'library',
  handle: () => ({
    status: 200,
    contentType: 'application/javascript; charset=utf-8',
    body: libraryAssets().frameBoot,
    headers: { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' },
  }),
}

/** Registered on every sandbox by startSandbox. */
export const gatewayProtocolRoutes: readonly SandboxRoute[] = [
  configurationRoute,
  fieldsRoute,
  singleUseTokensRoute,
  framePageRoute,
  frameBootRoute,
]
