/**
 * A tiny static file server for built pages (out/renderer), free of Electron so both shells use it: the
 * Electron app serves the Hosted Fields test page from it on its own loopback origin, and the browser preview
 * serves the console page and the test page from two of them.
 *
 * Only GET/HEAD, only regular files inside `root` (no listing, no `..`, no symlinks out), Host checked against
 * the loopback names of its own port (DNS rebinding), and security headers on every answer.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, resolve, sep } from 'node:path'
import { MIME_TYPES } from './page-policy'

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

export interface StaticServerOptions {
  /** Folder whose files are served (e.g. out/renderer). */
  root: string
  host?: string
  /** 0 (the default) picks a free port. */
  port?: number
  /** Which files may be served, by '/'-separated path relative to root; all by default. */
  allow?: (relativePath: string) => boolean
  /** What '/' serves; index.html by default. */
  index?: string
  /** Extra headers per file (CSP and the like), on top of the fixed security headers. */
  headers?: (relativePath: string) => Record<string, string>
  /** Handles a request first (e.g. the web bridge); return true when it answered. */
  before?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>
  /** Called when a request fails unexpectedly (for the log); the client gets a bare 500. */
  onError?: (error: unknown) => void
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:43121 */
  origin: string
  port: number
  server: Server
  close(): Promise<void>
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/** The Host values a loopback server on `port` answers to; anything else may be a DNS-rebinding attempt. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** URL path → safe path relative to the root, or null for anything odd (traversal, encoded slashes, NUL). */
export function toRelativePath(urlPath: string, index = 'index.html'): string | null {
  const pathname = urlPath.split('?')[0]?.split('#')[0] ?? ''
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (!decoded.startsWith('/')) return null
  if (decoded === '/') return index
  const segments = decoded.slice(1).split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0')))
    return null
  return segments.join('/')
}

export function sendPlain(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(`${text}\n`)
}

export function createStaticHandler(options: StaticServerOptions, port: () => number): Handler {
  const root = resolve(options.root)
  const allow = options.allow ?? (() => true)
  return async (req, res) => {
    if (!isAllowedHost(req.headers.host, port())) return sendPlain(res, 403, 'Forbidden host')
    if (options.before && (await options.before(req, res))) return
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendPlain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
    const relative = toRelativePath(req.url ?? '/', options.index)
    if (relative === null || !allow(relative)) return sendPlain(res, 404, 'Not found')
    let file: string
    try {
      file = await realpath(resolve(root, relative))
      const realRoot = await realpath(root)
      if (!file.startsWith(realRoot + sep) || !(await stat(file)).isFile())
        return sendPlain(res, 404, 'Not found')
    } catch {
      return sendPlain(res, 404, 'Not found')
    }
    const extension = extname(file).slice(1).toLowerCase()
    const type = MIME_TYPES[extension] ?? 'application/octet-stream'
    const size = (await stat(file)).size
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': String(size),
      // Built assets carry a content hash in their name; pages must always be fetched fresh.
      'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...options.headers?.(relative),
    })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file)
      .on('error', (error) => {
        options.onError?.(error)
        res.destroy()
      })
      .pipe(res)
  }
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const host = options.host ?? '127.0.0.1'
  let port = 0
  const handler = createStaticHandler(options, () => port)
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      options.onError?.(error)
      if (!res.headersSent) sendPlain(res, 500, 'Internal error')
      else res.destroy()
    })
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolveListen()
    })
  })
  port = (server.address() as AddressInfo).port
  return {
    origin: `http://${host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose())
        server.closeAllConnections()
      }),
  }
}
