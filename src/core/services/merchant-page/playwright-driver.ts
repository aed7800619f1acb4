/**
 * The Node engine for a page check: playwright-core driving Debian's Chromium, a fresh isolated context per check
 * (no storage, no credentials, no bridge, service workers blocked, loopback fenced by context.route), the probe
 * and recorder over a CDPSession, a screenshot, and the analyzer. The CLI and the `merchantPage:check` handler
 * call checkMerchantPage; the desktop app will pass its own CdpTransport to CdpRecorder instead.
 */
import { chromium, type Browser, type CDPSession } from 'playwright-core'
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from '../../chromium'
import { analyzePage } from './analyzer'
import { CdpRecorder, type CdpTransport } from './cdp-recorder'
import { isolationPolicy, refusal } from './isolation'
import type {
  LibraryEnvironment,
  LoadOutcome,
  PageCheckProgress,
  PageCheckReport,
  PageRecording,
} from './types'

export interface CheckPageOptions {
  url: string
  environment: LibraryEnvironment
  /** Whole page load budget (default 20 s); over it → script: fail with the reason. */
  timeoutMs?: number
  /** After load, how long the page must stay quiet before it is inspected (default 1.5 s, at most 8 s in all). */
  quietMs?: number
  maxSettleMs?: number
  chromiumPath?: string
  /** A browser to reuse (a batch, the tests); else one is launched and closed. */
  browser?: Browser
  /** The console's own origins (bridge, test page server): always refused. */
  consoleOrigins?: readonly string[]
  knownSecrets?: readonly string[]
  onProgress?: (progress: PageCheckProgress) => void
  signal?: AbortSignal
}

export interface CheckPageResult {
  report: PageCheckReport
  /** PNG bytes of the page as loaded (null when it could not be taken). */
  screenshot: Uint8Array | null
  recording: PageRecording
  durationMs: number
}

export class PageUrlError extends Error {}

/** http(s) only; the CLI maps this to exit 2, the handler to a `validation` error. */
export function parsePageUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new PageUrlError(`"${text}" is not a URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PageUrlError('Page URL must be http or https.')
  return url
}

export function launchChromium(
  chromiumPath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH,
): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true })
}

function transportOf(session: CDPSession): CdpTransport {
  // CDPSession's typings name every protocol event; the recorder treats them as plain method/params pairs.
  type Loose = {
    on(method: string, listener: (params: Record<string, unknown>) => void): void
    off(method: string, listener: (params: Record<string, unknown>) => void): void
    send(method: string, params?: Record<string, unknown>): Promise<unknown>
  }
  const loose = session as unknown as Loose
  return {
    send: (method, params) => loose.send(method, params),
    subscribe(methods, listener) {
      const bound = methods.map((method) => {
        const handler = (params: Record<string, unknown>): void => listener(method, params)
        loose.on(method, handler)
        return () => loose.off(method, handler)
      })
      return () => bound.forEach((off) => off())
    },
  }
}

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''

export async function checkMerchantPage(options: CheckPageOptions): Promise<CheckPageResult> {
  const started = Date.now()
  const url = parsePageUrl(options.url).href
  const progress = (step: PageCheckProgress['step'], fraction: number, message: string): void =>
    options.onProgress?.({ step, fraction, message })
  const timeoutMs = options.timeoutMs ?? 20_000
  progress('launch', 0.05, 'Starting an isolated browser')
  const browser = options.browser ?? (await launchChromium(options.chromiumPath))
  const policy = isolationPolicy(url, options.environment, options.consoleOrigins)
  const context = await browser.newContext({
    serviceWorkers: 'block',
    acceptDownloads: false,
    bypassCSP: false,
    ignoreHTTPSErrors: false,
    viewport: { width: 1024, height: 900 },
  })
  const abort = (): void => void context.close().catch(() => undefined)
  options.signal?.addEventListener('abort', abort, { once: true })
  try {
    await context.route('**/*', (route) => {
      const why = refusal(policy, route.request().url())
      return why ? route.abort('blockedbyclient') : route.continue()
    })
    await context.routeWebSocket(/.*/, (ws) =>
      refusal(policy, ws.url()) ? ws.close() : ws.connectToServer(),
    )
    const page = await context.newPage()
    const recorder = new CdpRecorder(transportOf(await context.newCDPSession(page)))
    await recorder.start()
    progress('load', 0.2, `Loading ${url}`)
    let load: LoadOutcome = { ok: true }
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
      if (response && response.status() >= 400)
        load = { ok: false, reason: `the page answered HTTP ${response.status()}` }
    } catch (error) {
      load = {
        ok: false,
        reason: /Timeout/i.test(firstLine(error))
          ? `the page did not finish loading within ${Math.round(timeoutMs / 1000)} s`
          : firstLine(error).replace(/^page\.goto: /, ''),
      }
    }
    progress('settle', 0.6, 'Watching the Hosted Fields library')
    await recorder.settle(options.quietMs ?? 1500, options.maxSettleMs ?? 8000, options.signal)
    if (options.signal?.aborted) throw new Error('cancelled')
    progress('inspect', 0.8, 'Reading the page')
    const recording = await recorder.finish(url, load)
    const screenshot = await recorder.screenshot()
    progress('analyze', 0.95, 'Judging the checks')
    const report = analyzePage(recording, options.environment, { knownSecrets: options.knownSecrets ?? [] })
    progress('done', 1, 'Done')
    return { report, screenshot, recording, durationMs: Date.now() - started }
  } finally {
    options.signal?.removeEventListener('abort', abort)
    await context.close().catch(() => undefined)
    if (!options.browser) await browser.close().catch(() => undefined)
  }
}
