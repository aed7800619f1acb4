/**
 * merchantPage:check through dispatch on a real console (its embedded sandbox, its sample merchant pages, the
 * Node engine with the system Chromium): the report and screenshot, progress push events, the redacted report in
 * the support bundle, the policy (environment resolved, never a Production confirmation), and isolation — the
 * page reaches neither the console's own origins (bridge, test page server) nor other loopback ports, and its
 * requests carry none of the console's credentials.
 */
import { existsSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../src/core/console-app'
import { DEFAULT_CHROMIUM_PATH } from '../../../src/core/chromium'
import type { ConsoleEvent } from '../../../src/shared/contract'
import { call } from '../../support/call'
import { consoleOptions, tempDir } from '../../support/console-fixtures'

interface Recorder {
  url: string
  seen: { path: string; headers: IncomingHttpHeaders }[]
  close(): Promise<void>
}
async function recordingServer(body: (origin: string) => string): Promise<Recorder> {
  const seen: Recorder['seen'] = []
  let origin = ''
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers })
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end(body(origin))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

let app: ConsoleApp
let bridge: Recorder
let testPage: Recorder
let otherLoopback: Recorder
let merchant: Recorder
const events: ConsoleEvent[] = []

beforeAll(async () => {
  bridge = await recordingServer(() => 'bridge')
  testPage = await recordingServer(() => 'test page')
  otherLoopback = await recordingServer(() => 'other')
  merchant = await recordingServer(
    () => `<!doctype html><title>Reaches out</title><p>checkout</p>
<img src="${testPage.url}/pixel.png"><iframe src="${bridge.url}/"></iframe>
<script>
fetch('${bridge.url}/rpc/app:info', { method: 'POST', credentials: 'include' }).catch(() => {})
fetch('${otherLoopback.url}/probe').catch(() => {})
fetch('/own-origin.json').catch(() => {})
</script>`,
  )
  app = await createConsole(
    consoleOptions(await tempDir('hfc-merchant-page-'), {
      testPageOrigin: testPage.url,
      consoleOrigins: () => [bridge.url],
      pageCheck: { quietMs: 800 },
    }),
  )
  app.subscribe((event) => events.push(event))
})
afterAll(async () => {
  await app?.close()
  await Promise.all([bridge, testPage, otherLoopback, merchant].map((server) => server?.close()))
})

const sample = (name: string): string => {
  const url = app.info.samplePages?.find((page) => page.name === name)?.url
  if (!url) throw new Error(`no sample page ${name}`)
  return url
}

describe.skipIf(!existsSync(DEFAULT_CHROMIUM_PATH))('merchantPage:check', () => {
  it('judges the good sample page: every check passes, a PNG screenshot, progress events of this check', async () => {
    const result = await call(app, 'merchantPage:check', {
      url: sample('good'),
      environmentId: 'sandbox',
      checkId: 'c-1',
    })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.engine).toBe('chromium')
    expect(result.value.report.environment).toBe('sandbox')
    expect(result.value.report.checks.map((check) => `${check.id}:${check.verdict}`)).toEqual([
      'script:pass',
      'version:pass',
      'sri:pass',
      'csp:pass',
      'secrets:pass',
      'selectors:pass',
      'init:pass',
      'session:pass',
    ])
    const png = Buffer.from(result.value.screenshotPng ?? '', 'base64')
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const steps = events.flatMap((event) =>
      event.type === 'merchantPage' && event.checkId === 'c-1' ? [event.step] : [],
    )
    expect(steps).toEqual(['launch', 'load', 'settle', 'inspect', 'analyze', 'done'])
  })

  it('puts the redacted report of the latest check into the support bundle', async () => {
    const result = await call(app, 'merchantPage:check', { url: sample('api-key'), environmentId: 'sandbox' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.report.checks.find((check) => check.id === 'secrets')?.verdict).toBe('fail')
    expect(JSON.stringify(result.value.report)).not.toContain('sandbox-api-key')
    const bundle = await call(app, 'bundle:export', { environmentId: 'sandbox', profile: 'default' })
    if (!bundle.ok) throw new Error(bundle.error.message)
    const document = JSON.parse(bundle.value.json) as {
      merchantPageCheck: { url: string; checks: unknown[] }
    }
    expect(document.merchantPageCheck.url).toBe(sample('api-key'))
    expect(document.merchantPageCheck.checks).toHaveLength(8)
    expect(bundle.value.json).not.toContain('sandbox-api-key')
    // Only the report: no recording, no page HTML, no full session token.
    expect(bundle.value.json).not.toMatch(/"events"|"bodies"|<!doctype/i)
  })

  it('resolves the environment but never asks for a Production confirmation (read-only)', async () => {
    const unknown = await call(app, 'merchantPage:check', {
      url: 'http://127.0.0.1:9/',
      environmentId: 'custom:nope',
    })
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.error.kind).toBe('validation')
    const production = await call(app, 'merchantPage:check', {
      url: 'http://127.0.0.1:9/checkout.html',
      environmentId: 'production',
      timeoutSeconds: 5,
    })
    if (!production.ok) throw new Error(production.error.message)
    expect(production.value.report.environment).toBe('production')
    expect(production.value.report.checks[0]).toMatchObject({ id: 'script', verdict: 'fail' })
    const bad = await call(app, 'merchantPage:check', { url: 'file:///etc/passwd', environmentId: 'sandbox' })
    expect(bad.ok).toBe(false)
  })

  it("never lets the page reach the console's origins or other loopback ports, and sends no credentials", async () => {
    const result = await call(app, 'merchantPage:check', {
      url: `${merchant.url}/`,
      environmentId: 'sandbox',
    })
    if (!result.ok) throw new Error(result.error.message)
    expect(bridge.seen).toEqual([])
    expect(testPage.seen).toEqual([])
    expect(otherLoopback.seen).toEqual([])
    // Its own origin is reachable (the document and its own fetch).
    expect(merchant.seen.map((request) => request.path)).toEqual(
      expect.arrayContaining(['/', '/own-origin.json']),
    )
    for (const request of merchant.seen) {
      expect(request.headers.cookie).toBeUndefined()
      expect(request.headers.authorization).toBeUndefined()
      expect(request.headers['x-console-token']).toBeUndefined()
      expect(request.headers['x-api-key']).toBeUndefined()
    }
  })
})
