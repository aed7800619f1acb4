/**
 * A bed for Payroc's real Hosted Fields library (../shared/payroc/hosted-fields/, unmodified): the project's own
 * test page (out/renderer, served by the real test page server with its real CSP) inside a stand-in console
 * page on another loopback origin, which hands it one session the way the console does (protocol.ts) and lists
 * the page's events. The UAT gateway and CDN hosts are routed with `context.route` to a sandbox of this worker
 * (a pure origin swap, so the frames really are at the gateway origin) and to the local copy of the script.
 */
import {
  test as base,
  expect as baseExpect,
  type BrowserContext,
  type FrameLocator,
  type Page,
} from '@playwright/test'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { mapGatewayRequest } from '../src/core/services/servers/gateway-mapping'
import { startTestPageServer, type TestPageServer } from '../src/core/services/servers/testpage-server'
import { startSandbox, type Sandbox } from '../src/sandbox'

export const REAL_LIB = '1.7.0.261457'
export const LIBRARY_FILE = join(
  __dirname,
  '../../shared/payroc/hosted-fields',
  `hosted-fields-${REAL_LIB}.js`,
)
export const LIBRARY_PRESENT = existsSync(LIBRARY_FILE)
/** Payroc's published SRI of this build (PAYROC's CDN serves the file without the local copy's header). */
export const PUBLISHED_SRI = 'sha384-m1A0nfFYa8sAfpDN0d60o4ztd/aCPC2xDVaOT31Urrmn4xypfHqgHQMayZeIK1PM'
export const GATEWAY = 'https://testpayments.worldnettps.com'
export const CDN = 'https://cdn.uat.payroc.com'
/** The console ↔ test page protocol (src/renderer/src/testpage/protocol.ts; a change there fails this bed). */
const PROTOCOL = 'hosted-fields-console/testpage@1'
const testPageUrl = (testPage: string, cdn: string, consoleOrigin: string): string =>
  `${testPage}/testpage.html?${new URLSearchParams({ cdn })}#${new URLSearchParams({ consoleOrigin })}`
export const SCRIPT_URL = `${CDN}/js/hosted-fields/hosted-fields-${REAL_LIB}.js`

/** The bytes the CDN serves: the local copy minus its comment header (everything before the first `!function`). */
export function cdnBytes(): Buffer {
  const raw = readFileSync(LIBRARY_FILE)
  const start = raw.indexOf('!function')
  if (start < 0) throw new Error(`${LIBRARY_FILE} does not hold the library`)
  return raw.subarray(start)
}

export const sriOf = (bytes: Buffer): string =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`

const STAND_IN = (testPage: string, origin: string) => `<!doctype html><html><head><meta charset="utf-8">
<title>console stand-in</title></head><body><ol id="events"></ol>
<iframe title="Hosted Fields test page" style="width:900px;height:900px" src="${testPageUrl(testPage, CDN, origin)}"></iframe>
<script>
const frame = document.querySelector('iframe');
const session = JSON.parse(new URLSearchParams(location.search).get('session'));
window.addEventListener('message', (event) => {
  if (event.origin !== ${JSON.stringify(testPage)} || event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || data.protocol !== ${JSON.stringify(PROTOCOL)}) return;
  if (data.type === 'ready')
    frame.contentWindow.postMessage({ protocol: data.protocol, type: 'session', session }, ${JSON.stringify(testPage)});
  if (data.type === 'event') {
    const li = document.createElement('li');
    li.dataset.name = data.event.name;
    li.textContent = JSON.stringify(data.event.payload);
    document.getElementById('events').append(li);
  }
});
</script></body></html>`

export interface PayrocBed {
  sandbox: Sandbox
  /** Configuration calls the gateway host received in this test. */
  configurationCalls(): number
  createSession(
    terminal?: string,
    scenario?: 'payment' | 'tokenization',
    secureTokenId?: string,
  ): Promise<string>
  /** Opens the stand-in console with the test page loading Payroc's script for `sessionToken`. */
  open(page: Page, sessionToken: string, mode?: 'payment' | 'tokenization'): Promise<void>
  /** A sandbox API call with the bed's Bearer token. */
  api(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }>
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

/** Routes the UAT gateway and CDN to the sandbox and the local script; anything else external is refused. */
async function route(context: BrowserContext, sandbox: Sandbox, counter: { configuration: number }) {
  const script = cdnBytes()
  await context.route('**/*', async (routed) => {
    const request = routed.request()
    const mapped = mapGatewayRequest(request.url(), { sandboxUrl: sandbox.url, builds: new Set([REAL_LIB]) })
    if (mapped.kind === 'pass') return routed.continue()
    if (mapped.kind === 'refuse') return routed.abort()
    if (mapped.kind === 'image') return routed.fulfill({ status: 404, body: '' })
    if (mapped.kind === 'script') {
      return routed.fulfill({
        status: 200,
        headers: { 'content-type': 'application/javascript', 'access-control-allow-origin': '*' },
        body: script,
      })
    }
    if (new URL(mapped.url).pathname.endsWith('/configuration')) counter.configuration++
    const body = request.postDataBuffer()
    const headers = { ...(await request.allHeaders()) }
    delete headers['host']
    const answer = await fetch(mapped.url, {
      method: request.method(),
      headers,
      ...(body && request.method() !== 'GET' ? { body } : {}),
    })
    const answerHeaders: Record<string, string> = {}
    answer.headers.forEach((value, key) => {
      if (key !== 'content-length' && key !== 'connection' && key !== 'keep-alive') answerHeaders[key] = value
    })
    return routed.fulfill({
      status: answer.status,
      headers: answerHeaders,
      body: Buffer.from(await answer.arrayBuffer()),
    })
  })
}

export const test = base.extend<
  { bed: PayrocBed },
  { worker: { sandbox: Sandbox; testPage: TestPageServer; standIn: Server; standInOrigin: string } }
>({
  worker: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0 })
      const testPage = await startTestPageServer({ rendererDir: join(__dirname, '../out/renderer') })
      let html = ''
      const standIn = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        res.end(html)
      })
      const standInOrigin = await listen(standIn)
      html = STAND_IN(testPage.origin, standInOrigin)
      testPage.setConsoleOrigins([standInOrigin])
      await use({ sandbox, testPage, standIn, standInOrigin })
      standIn.closeAllConnections()
      await new Promise<void>((resolve) => standIn.close(() => resolve()))
      await testPage.close()
      await sandbox.close()
    },
    { scope: 'worker' },
  ],
  bed: async ({ worker, context }, use) => {
    const { sandbox } = worker
    sandbox.reset()
    const counter = { configuration: 0 }
    await route(context, sandbox, counter)
    const auth = await fetch(`${sandbox.url}/authorize`, {
      method: 'POST',
      headers: { 'x-api-key': 'sandbox-api-key' },
    })
    const bearer = ((await auth.json()) as { access_token: string }).access_token
    const api: PayrocBed['api'] = async (path, body) => {
      const answer = await fetch(`${sandbox.url}/v1${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${bearer}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(body),
      })
      return { status: answer.status, json: (await answer.json()) as Record<string, unknown> }
    }
    await use({
      sandbox,
      configurationCalls: () => counter.configuration,
      api,
      async createSession(terminal = '1234001', scenario = 'payment', secureTokenId) {
        const answer = await api(`/processing-terminals/${terminal}/hosted-fields-sessions`, {
          libVersion: REAL_LIB,
          scenario,
          ...(secureTokenId ? { secureTokenId } : {}),
        })
        baseExpect(answer.status).toBe(201)
        return answer.json['token'] as string
      },
      async open(page, sessionToken, mode = 'payment') {
        const session = {
          sessionToken,
          mode,
          libVersion: REAL_LIB,
          scriptUrl: SCRIPT_URL,
          integrity: PUBLISHED_SRI,
          environmentName: 'Sandbox · Payroc library',
        }
        await page.goto(
          `${worker.standInOrigin}/?${new URLSearchParams({ session: JSON.stringify(session) })}`,
        )
      },
    })
  },
})

export const expect = baseExpect.configure({ timeout: 15_000 })

export const testPage = (page: Page): FrameLocator =>
  page.frameLocator('iframe[title="Hosted Fields test page"]')
export const fieldInput = (page: Page, target: string) =>
  testPage(page).frameLocator(`${target} iframe`).locator('input').first()
export const submit = (page: Page) => testPage(page).frameLocator('.submit-button iframe').locator('button')
export const events = (page: Page, name: string) => page.locator(`#events li[data-name="${name}"]`)
export async function payloads<T = Record<string, unknown>>(page: Page, name: string): Promise<T[]> {
  return (await events(page, name).allTextContents()).map((text) => JSON.parse(text) as T)
}
