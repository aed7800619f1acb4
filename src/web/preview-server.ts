/**
 * The browser preview: the same services as the desktop app (createConsole) behind an HTTP bridge on 127.0.0.1.
 *
 * Two loopback servers: the console page + bridge on `port`, and the Hosted Fields test page on a second
 * port (its own origin). The bridge is gated by a per-launch secret the page receives in its URL fragment
 * (fragments never reach a server or a log) and sends back in `x-console-token`; Host and Origin are checked
 * so another site — or a DNS-rebound name — cannot drive it. No CORS headers, ever.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import type { ConsoleEvent } from '../shared/contract'
import type { Logger } from '../core/app-types'
import type { ConsoleApp, ConsoleOptions } from '../core/console-app'
import { createConsole as createRealConsole } from '../core/console-app'
import { isChannel } from '../core/dispatch'
import { classifyBridgeTarget } from '../core/services/servers/rpc-path'
import { createFileLogger, nullLogger } from '../core/services/storage/file-log'
import { appContentSecurityPolicy } from '../core/services/servers/page-policy'
import {
  SECURITY_HEADERS,
  sendPlain,
  startStaticServer,
  type StaticServer,
} from '../core/services/servers/static-server'
import { isAsset, startTestPageServer } from '../core/services/servers/testpage-server'

export const MAX_BODY_BYTES = 256 * 1024
export const TOKEN_HEADER = 'x-console-token'
const HEARTBEAT_MS = 25_000

export interface WebConsoleOptions {
  dataDir: string
  /** 0 picks a free port. */
  port?: number
  /** Built renderer (index.html, testpage.html, assets/); defaults to out/renderer of this checkout. */
  rendererDir?: string
  appVersion?: string
  /** Defaults to the file log in dataDir; `echoLog` also copies it to stderr. */
  logger?: Logger
  echoLog?: boolean
  /** Only for tests of the bridge itself; the preview always uses the real services. */
  createConsole?: (options: ConsoleOptions) => Promise<ConsoleApp>
}

export interface WebConsole {
  /** The URL to open, with the secret in its fragment. */
  url: string
  origin: string
  token: string
  port: number
  testPageOrigin: string
  app: ConsoleApp
  close(): Promise<void>
}

const projectRoot = resolve(__dirname, '../..')

export function readAppVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as {
      version?: unknown
    }
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0'
  } catch {
    return '0.0.0'
  }
}

export const newToken = (): string => randomBytes(32).toString('base64url')

/** Constant-time comparison (hashing first makes the lengths equal). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/** Origin header absent (same-origin GETs, non-browser clients) or exactly the page's own origin. */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined): boolean {
  return origin === undefined || (host !== undefined && origin === `http://${host}`)
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

type Body = { kind: 'ok'; text: string } | { kind: 'too-large' }

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      // Past the limit the rest is drained, not kept, so the client still gets its 413.
      else chunks.push(chunk)
    })
    req.on('end', () =>
      resolveBody(
        tooLarge ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      ),
    )
    req.on('error', reject)
  })
}

interface BridgeContext {
  token: string
  app: ConsoleApp
  logger: Logger
  streams: Set<ServerResponse>
}

async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  ctx: BridgeContext,
): Promise<void> {
  if (req.method !== 'POST') return sendPlain(res, 405, 'Method not allowed', { Allow: 'POST' })
  const given = req.headers[TOKEN_HEADER]
  if (!sameSecret(Array.isArray(given) ? given[0] : given, ctx.token))
    return sendPlain(res, 401, 'Unauthorized')
  if (!isChannel(channel)) return sendPlain(res, 404, 'Unknown channel')
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) return sendPlain(res, 413, 'Payload too large', { Connection: 'close' })
  const body = await readBody(req, MAX_BODY_BYTES)
  if (body.kind === 'too-large') return sendPlain(res, 413, 'Payload too large')
  let payload: unknown
  try {
    payload = body.text.trim() === '' ? {} : JSON.parse(body.text)
  } catch {
    return sendPlain(res, 400, 'Body is not JSON')
  }
  const result = await ctx.app.dispatch(channel, payload)
  sendJson(res, 200, result)
}

function handleEvents(
  req: IncomingMessage,
  res: ServerResponse,
  search: URLSearchParams,
  ctx: BridgeContext,
): void {
  if (req.method !== 'GET') return sendPlain(res, 405, 'Method not allowed', { Allow: 'GET' })
  // EventSource cannot send headers, so the secret comes as a query parameter (never logged).
  const given = search.get('token') ?? (req.headers[TOKEN_HEADER] as string | undefined)
  if (!sameSecret(given ?? undefined, ctx.token)) return sendPlain(res, 401, 'Unauthorized')
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  res.write('retry: 3000\n\n')
  const send = (event: ConsoleEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`)
  const unsubscribe = ctx.app.subscribe(send)
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS)
  ctx.streams.add(res)
  res.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
    ctx.streams.delete(res)
  })
}

/** Answers /rpc/* and /events; returns false for everything else (static pages). */
function bridge(ctx: BridgeContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    // First, before any log line: a malformed target (`/rpc/%E0`, what an <img> on any page sends) is a 400.
    const route = classifyBridgeTarget(req.url)
    if (route.kind === 'bad-request') {
      sendPlain(res, route.status, route.message)
      return true
    }
    if (route.kind === 'other') return false
    // Host was checked by the static server; an Origin must be the page's own (no cross-site callers).
    const origin = req.headers.origin
    if (!isAllowedOrigin(origin, req.headers.host)) {
      sendPlain(res, 403, 'Forbidden origin')
      return true
    }
    if (route.kind === 'rpc') await handleRpc(req, res, route.channel, ctx)
    else handleEvents(req, res, route.search, ctx)
    return true
  }
}

export async function startWebConsole(options: WebConsoleOptions): Promise<WebConsole> {
  const rendererDir = options.rendererDir ?? resolve(projectRoot, 'out/renderer')
  const ownLogger = options.logger
    ? undefined
    : createFileLogger(options.dataDir, { echo: options.echoLog ?? false })
  const logger: Logger = ownLogger ?? options.logger ?? nullLogger
  const token = newToken()
  const streams = new Set<ServerResponse>()

  const testPage = await startTestPageServer({
    rendererDir,
    onError: (error) => logger.log('error', 'test page server failed', { error: String(error) }),
  })

  let app: ConsoleApp
  // The bridge's origins, known once it listens: a checked merchant page may never reach them.
  let bridgeOrigins: string[] = []
  try {
    app = await (options.createConsole ?? createRealConsole)({
      dataDir: options.dataDir,
      transport: 'web',
      appVersion: options.appVersion ?? readAppVersion(),
      testPageOrigin: testPage.origin,
      logger,
      consoleOrigins: () => bridgeOrigins,
    })
  } catch (error) {
    await testPage.close()
    throw error
  }

  const ctx: BridgeContext = { token, app, logger, streams }
  const csp = appContentSecurityPolicy(testPage.origin)
  let server: StaticServer
  try {
    server = await startStaticServer({
      root: rendererDir,
      port: options.port ?? 0,
      allow: (path) => path === 'index.html' || isAsset(path),
      headers: () => ({ 'Content-Security-Policy': csp, 'X-Frame-Options': 'DENY' }),
      before: bridge(ctx),
      onError: (error) => logger.log('error', 'console server failed', { error: String(error) }),
    })
  } catch (error) {
    await Promise.allSettled([testPage.close(), app.close()])
    throw error
  }
  bridgeOrigins = [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]
  testPage.setConsoleOrigins(bridgeOrigins)
  logger.log('info', 'browser preview started', { port: server.port, testPageOrigin: testPage.origin })

  let closing: Promise<void> | null = null
  return {
    url: `${server.origin}/#token=${token}`,
    origin: server.origin,
    token,
    port: server.port,
    testPageOrigin: testPage.origin,
    app,
    close() {
      closing ??= (async () => {
        for (const stream of streams) stream.end()
        await Promise.allSettled([server.close(), testPage.close()])
        await app.close()
        ownLogger?.close()
      })()
      return closing
    },
  }
}
