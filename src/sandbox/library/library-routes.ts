/**
 * The simulated Hosted Fields library's own routes (in the 'library' fault group); the gateway side it talks to
 * is gateway-routes.ts, at Payroc's paths:
 *   GET /js/hosted-fields/hosted-fields-<libVersion>.js   the script (CORS for <script crossorigin>)
 *   GET /hosted-fields/frame-base.css                       the field frame page's base look
 *   POST /hosted-fields/single-use-tokens                   a test shortcut (single-use-token-route.ts)
 */
import { createHash } from 'node:crypto'
import { LIB_VERSION_PATTERN } from '../../shared/payroc'
import { problem, type Reply } from '../problem-replies'
import { decodeSegment } from '../sandbox-http'
import type { SandboxRoute } from '../sandbox-types'
import { librarySource } from './library-assets'
import { singleUseTokenRoute } from './single-use-token-route'

export const LIBRARY_SCRIPT_PATH = /^\/js\/hosted-fields\/hosted-fields-([^/]+)\.js$/
export const libraryScriptPath = (libVersion: string): string =>
  `/js/hosted-fields/hosted-fields-${libVersion}.js`

const JS = 'application/javascript; charset=utf-8'
const NOSNIFF = { 'X-Content-Type-Options': 'nosniff' }

const etagOf = (text: string): string =>
  `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`

/** A cacheable static answer with an ETag; If-None-Match → 304. */
function asset(
  ifNoneMatch: string | undefined,
  contentType: string,
  body: string,
  headers: Record<string, string>,
): Reply {
  const etag = etagOf(body)
  const all = { ...NOSNIFF, ...headers, ETag: etag }
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
    return { status: 304, contentType, body: '', headers: all }
  }
  return { status: 200, contentType, body, headers: all }
}

const libraryScriptRoute: SandboxRoute = {
  method: 'GET',
  path: LIBRARY_SCRIPT_PATH,
  handle({ req, params, sandbox }) {
    const libVersion = decodeSegment(params[0] ?? '')
    if (libVersion === undefined || !LIB_VERSION_PATTERN.test(libVersion)) {
      return problem(404, `No Hosted Fields library at ${req.url ?? ''}.`)
    }
    return asset(req.headers['if-none-match'], JS, librarySource(libVersion, sandbox.url), {
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      // Versioned like the CDN's file, but the sandbox's code changes between app builds: revalidate hourly.
      'Cache-Control': 'public, max-age=3600',
    })
  },
}

/** The field frame page's base look: the label is for screen readers (the merchant page shows its own). */
const FRAME_BASE_CSS = `html,body{margin:0;padding:0;background:transparent}
.hf-label{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
input,button{box-sizing:border-box;width:100%}
`

/** A cacheable static answer. */
const staticRoute = (path: RegExp, contentType: string, body: () => string): SandboxRoute => ({
  method: 'GET',
  path,
  handle: ({ req }) =>
    asset(req.headers['if-none-match'], contentType, body(), { 'Cache-Control': 'no-cache' }),
})

/** Everything the simulated library needs; startSandbox registers these on every sandbox. */
/** The simulated library's own routes; startSandbox registers these on every sandbox. */
export const libraryRoutes: readonly SandboxRoute[] = [
  singleUseTokenRoute,
  libraryScriptRoute,
  staticRoute(/^\/hosted-fields\/frame-base\.css$/, 'text/css; charset=utf-8', () => FRAME_BASE_CSS),
]
