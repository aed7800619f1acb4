/**
 * Payroc's real Hosted Fields library (UAT build, from ../shared/payroc/hosted-fields/) in a Playwright browser
 * context, talking to a loopback sandbox: its CDN script is fulfilled from the file (the 400-byte local header cut
 * off, its published SRI checked), and every request to its gateway host is re-issued to the sandbox from Node and
 * fulfilled with the sandbox's answer, so the frames keep the gateway origin the library checks messages against.
 * Everything else outside loopback is aborted, so a missed host fails loudly.
 */
import type { BrowserContext } from '@playwright/test'
import {
  CDN,
  cdnBytes,
  GATEWAY,
  LIBRARY_FILE,
  LIBRARY_PRESENT,
  PUBLISHED_SRI,
  SCRIPT_URL,
  sriOf,
} from './payroc-library-bed'

export const REAL_GATEWAY = GATEWAY
export const REAL_CDN = CDN
export const REAL_SCRIPT_URL = SCRIPT_URL

/** Why the real library cannot run here, or null when it can. */
export const realLibraryMissing = (): string | null =>
  LIBRARY_PRESENT ? null : `${LIBRARY_FILE} is absent (a fresh clone without ../shared)`

let script: Buffer | undefined

/** The script as the CDN serves it, checked against the published SRI (so a changed file is noticed). */
export function realLibraryScript(): Buffer {
  if (script) return script
  const bytes = cdnBytes()
  const sri = sriOf(bytes)
  if (sri !== PUBLISHED_SRI)
    throw new Error(`${LIBRARY_FILE} changed: its SRI is ${sri}, not ${PUBLISHED_SRI}`)
  script = bytes
  return bytes
}

const DROPPED_REQUEST_HEADERS = new Set(['host', 'connection', 'content-length', 'accept-encoding'])
const DROPPED_RESPONSE_HEADERS = new Set(['content-length', 'connection', 'transfer-encoding', 'keep-alive'])

/** Routes the real library's hosts in `context` to `sandboxUrl` (the last route registered runs first). */
export async function routeRealLibrary(context: BrowserContext, sandboxUrl: string): Promise<void> {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort())
  const js = { 'Content-Type': 'application/javascript', 'Access-Control-Allow-Origin': '*' }
  await context.route(`${REAL_CDN}/img/**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    }),
  )
  await context.route(`${REAL_GATEWAY}/**`, async (route) => {
    const request = route.request()
    const url = new URL(request.url())
    const headers = Object.fromEntries(
      Object.entries(request.headers()).filter(([name]) => !DROPPED_REQUEST_HEADERS.has(name.toLowerCase())),
    )
    const body = request.postDataBuffer()
    const answer = await fetch(`${sandboxUrl}${url.pathname}${url.search}`, {
      method: request.method(),
      headers,
      ...(body && request.method() !== 'GET' ? { body } : {}),
    })
    const out: Record<string, string> = {}
    answer.headers.forEach((value, name) => {
      if (!DROPPED_RESPONSE_HEADERS.has(name)) out[name] = value
    })
    await route.fulfill({
      status: answer.status,
      headers: out,
      body: Buffer.from(await answer.arrayBuffer()),
    })
  })
  await context.route(/^https:\/\/[^/]+\/js\/hosted-fields\/hosted-fields-[^/]+\.js$/, (route) =>
    route.fulfill({ status: 200, headers: js, body: realLibraryScript() }),
  )
}
