/**
 * The simulated Hosted Fields library's routes (all in the 'library' fault group):
 *   GET  /js/hosted-fields/hosted-fields-<libVersion>.js   the script (CORS for <script crossorigin>)
 *   POST /hosted-fields/sessions/initialize                 initialize() (CORS; OPTIONS preflight)
 *   GET  /hosted-fields/frame?field=…&instance=…&parentOrigin=…   one field frame (own CSP)
 *   GET  /hosted-fields/frame.js | frame.css | frame-base.css
 *   POST /hosted-fields/single-use-tokens                   the submit frame's submit (same origin as the frames)
 */
import { createHash } from 'node:crypto'
import { LIB_VERSION_PATTERN } from '../../shared/payroc'
import { problem, type Reply } from '../problem-replies'
import { decodeSegment } from '../sandbox-http'
import type { SandboxRoute } from '../sandbox-types'
import {
  CARD_FIELDS,
  FRAME_BASE_CSS,
  FRAME_CSP,
  FRAME_DEFAULT_CSS,
  framePage,
  type FrameField,
} from './frame-page'
import { libraryAssets, librarySource } from './library-assets'
import { INITIALIZE_PREFLIGHT_HEADERS, INSTANCE_ID_PATTERN, initializeSession } from './library-initialize'
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

const INITIALIZE_PATH = /^\/hosted-fields\/sessions\/initialize$/

const initializeRoutes: SandboxRoute[] = [
  { method: 'POST', path: INITIALIZE_PATH, handle: ({ body, state }) => initializeSession(state, body) },
  {
    method: 'OPTIONS',
    path: INITIALIZE_PATH,
    handle: () => ({
      status: 204,
      contentType: 'text/plain',
      body: '',
      headers: INITIALIZE_PREFLIGHT_HEADERS,
    }),
  },
]

const FRAME_FIELDS: readonly string[] = [...CARD_FIELDS, 'submit']

function validOrigin(text: string | null): text is string {
  if (text === null) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text
  } catch {
    return false
  }
}

const framePageRoute: SandboxRoute = {
  method: 'GET',
  path: /^\/hosted-fields\/frame$/,
  handle({ query }) {
    const params = new URLSearchParams(query)
    const field = params.get('field') ?? ''
    const instance = params.get('instance') ?? ''
    if (!FRAME_FIELDS.includes(field)) return problem(400, `field must be one of ${FRAME_FIELDS.join(', ')}.`)
    if (!INSTANCE_ID_PATTERN.test(instance))
      return problem(400, 'instance must be a Hosted Fields instance id.')
    if (!validOrigin(params.get('parentOrigin'))) {
      return problem(400, 'parentOrigin must be the embedding page’s http(s) origin.')
    }
    const placeholder = params.get('placeholder')
    const value = params.get('value')
    const html = framePage({
      field: field as FrameField,
      defaultStyles: params.get('defaultStyles') !== '0',
      ...(placeholder !== null ? { placeholder: placeholder.slice(0, 100) } : {}),
      ...(value !== null ? { value: value.slice(0, 100) } : {}),
    })
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: html,
      headers: {
        ...NOSNIFF,
        'Content-Security-Policy': FRAME_CSP,
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      },
    }
  },
}

/** A cacheable static answer built once (the frame script is built at first use). */
const staticRoute = (path: RegExp, contentType: string, body: () => string): SandboxRoute => ({
  method: 'GET',
  path,
  handle: ({ req }) =>
    asset(req.headers['if-none-match'], contentType, body(), { 'Cache-Control': 'no-cache' }),
})

/** Everything the simulated library needs; startSandbox registers these on every sandbox. */
export const libraryRoutes: readonly SandboxRoute[] = [
  singleUseTokenRoute,
  libraryScriptRoute,
  ...initializeRoutes,
  framePageRoute,
  staticRoute(/^\/hosted-fields\/frame\.js$/, JS, () => libraryAssets().frame),
  staticRoute(/^\/hosted-fields\/frame\.css$/, 'text/css; charset=utf-8', () => FRAME_DEFAULT_CSS),
  staticRoute(/^\/hosted-fields\/frame-base\.css$/, 'text/css; charset=utf-8', () => FRAME_BASE_CSS),
]
