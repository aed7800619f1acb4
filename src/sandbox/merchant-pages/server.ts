/**
 * Serves the sample merchant pages on a loopback port of their own (not the gateway's origin, so real CSP and
 * CORS faults show): GET /<name>.html with its CSP header, /checkout.js, and / (an index). Every page load gets
 * a fresh session token from `mintToken`; `?sessionToken=` overrides it (a demo with a token made elsewhere).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { DEFAULT_SANDBOX_API_KEY } from '..'
import { SAMPLE_PAGES, type SamplePage } from './catalog'
import type { MintToken } from './tokens'

export interface MerchantPagesOptions {
  /** The sandbox the pages load the simulated library from. */
  sandboxUrl: string
  mintToken: MintToken
  host?: string
  port?: number
  /** What the api-key page leaks (the sandbox's default key unless told). */
  apiKey?: string
}

export interface MerchantPages {
  readonly url: string
  pageUrl(name: string): string
  close(): Promise<void>
}

// Plain files beside this module (tsx and vitest run it as CommonJS, like src/web/server.ts); in the Electron
// main bundle electron-vite defines __MERCHANT_PAGE_FILES__ with their contents (the bundle has no pages/ folder).
declare const __MERCHANT_PAGE_FILES__: Record<string, string> | undefined
const PAGES_DIR = join(__dirname, 'pages')
const read = (file: string): string => {
  if (typeof __MERCHANT_PAGE_FILES__ !== 'undefined') {
    const text = __MERCHANT_PAGE_FILES__[file]
    if (text === undefined) throw new Error(`sample page file ${file} is not in the bundle`)
    return text
  }
  return readFileSync(join(PAGES_DIR, file), 'utf8')
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => values[name] ?? whole)

export async function startMerchantPages(options: MerchantPagesOptions): Promise<MerchantPages> {
  const sandboxOrigin = new URL(options.sandboxUrl).origin
  const integrity = new Map<string, Promise<string>>()
  const integrityOf = (libVersion: string): Promise<string> => {
    let known = integrity.get(libVersion)
    if (!known) {
      known = fetch(`${sandboxOrigin}/js/hosted-fields/hosted-fields-${libVersion}.js`)
        .then((response) => response.text())
        .then((text) => `sha384-${createHash('sha384').update(text, 'utf8').digest('base64')}`)
      integrity.set(libVersion, known)
    }
    return known
  }
  const partials = {
    template: read('checkout.html'),
    form: read('form.html'),
    library: read('library.html'),
    init: read('init.html'),
  }
  const checkout = read('checkout.js')

  async function renderPage(page: SamplePage, query: URLSearchParams): Promise<string> {
    const token =
      query.get('sessionToken') ??
      (await options.mintToken({ kind: page.token, libVersion: page.sessionLibVersion }))
    const integrity =
      page.integrity === 'none'
        ? undefined
        : page.integrity === 'served'
          ? await integrityOf(page.libVersion)
          : page.integrity.literal
    const scripts =
      page.order === 'init-first' ? [partials.init, partials.library] : [partials.library, partials.init]
    const layout = fill(partials.template, {
      FORM: partials.form,
      SCRIPTS: scripts.join(''),
      BEFORE_FORM: page.beforeForm ? read(page.beforeForm) : '',
      AFTER: page.after ? read(page.after) : '',
    })
    // Values go into text, attributes and a script string: escaped, so a ?sessionToken= cannot inject markup.
    const values: Record<string, string> = {
      NAME: page.name,
      WHAT: page.what,
      SANDBOX_ORIGIN: sandboxOrigin,
      LIB_VERSION: page.libVersion,
      API_KEY: options.apiKey ?? DEFAULT_SANDBOX_API_KEY,
      SESSION_TOKEN: token,
    }
    const escaped = Object.fromEntries(
      Object.entries(values).map(([name, value]) => [name, escapeHtml(value)]),
    )
    const attribute = integrity === undefined ? '' : `integrity="${escapeHtml(integrity)}"`
    return fill(layout, { ...escaped, INTEGRITY_ATTRIBUTE: attribute })
  }

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    })
    res.end(body)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://pages.invalid')
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'GET only', { Allow: 'GET, HEAD' })
    if (url.pathname === '/checkout.js')
      return send(res, 200, 'application/javascript; charset=utf-8', checkout)
    if (url.pathname === '/') {
      const items = SAMPLE_PAGES.map(
        (page) => `<li><a href="/${page.name}.html">${page.name}</a> — ${escapeHtml(page.what)}</li>`,
      )
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        `<!doctype html><title>Sample merchant pages</title><ul>${items.join('')}</ul>`,
      )
    }
    const page = SAMPLE_PAGES.find((entry) => `/${entry.name}.html` === url.pathname)
    if (!page) return send(res, 404, 'text/plain', 'No such sample page')
    const html = await renderPage(page, url.searchParams)
    const headers: Record<string, string> = {}
    if (page.csp) headers['Content-Security-Policy'] = fill(page.csp, { SANDBOX_ORIGIN: sandboxOrigin })
    send(res, 200, 'text/html; charset=utf-8', html, headers)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          500,
          'text/plain',
          `Sample page failed: ${error instanceof Error ? error.message : String(error)}`,
        )
      else res.destroy()
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const base = `http://${host}:${port}`
  return {
    url: base,
    pageUrl: (name) => `${base}/${name}.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
