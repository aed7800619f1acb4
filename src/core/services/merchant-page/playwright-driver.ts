/**
 * The Node engine for a page check: playwright-core driving Debian's Chromium, a fresh isolated context per check
 * (no storage, no credentials, no bridge, service workers blocked, loopback fenced by context.route), the probe
 * and recorder over a CDPSession. The CLI and the browser preview use it; the desktop app injects its hidden
 * window engine instead (page-engine.ts is the seam both share).
 */
import { chromium, type Browser, type CDPSession } from 'playwright-core'
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from '../../chromium'
import type { CdpTransport } from './cdp-recorder'
import { refusal, type IsolationPolicy } from './isolation'
import {
  loadFailure,
  runPageCheck,
  type CheckPageResult,
  type EngineCheckOptions,
  type EnginePage,
  type PageEngine,
} from './page-engine'

export { PageUrlError, parsePageUrl, type CheckPageResult } from './page-engine'

export interface CheckPageOptions extends EngineCheckOptions {
  chromiumPath?: string
  /** A browser to reuse (a batch, the tests); else one is launched and closed. */
  browser?: Browser
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

async function openContext(browser: Browser, policy: IsolationPolicy): Promise<EnginePage> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    acceptDownloads: false,
    bypassCSP: false,
    ignoreHTTPSErrors: false,
    viewport: { width: 1024, height: 900 },
  })
  try {
    await context.route('**/*', (route) => {
      const why = refusal(policy, route.request().url())
      return why ? route.abort('blockedbyclient') : route.continue()
    })
    await context.routeWebSocket(/.*/, (ws) =>
      refusal(policy, ws.url()) ? ws.close() : ws.connectToServer(),
    )
    const page = await context.newPage()
    const transport = transportOf(await context.newCDPSession(page))
    return {
      transport,
      async navigate(url, timeoutMs) {
        try {
          const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
          return response && response.status() >= 400
            ? { ok: false, reason: `the page answered HTTP ${response.status()}` }
            : { ok: true }
        } catch (error) {
          return loadFailure(error, timeoutMs)
        }
      },
      close: () => context.close().catch(() => undefined),
    }
  } catch (error) {
    await context.close().catch(() => undefined)
    throw error
  }
}

/** An engine over one Chromium: launched on first use (or the one given), closed by close(). */
export function chromiumEngine(
  options: { chromiumPath?: string; browser?: Browser } = {},
): PageEngine & { close(): Promise<void> } {
  let launched: Promise<Browser> | undefined
  const browser = (): Promise<Browser> => {
    if (options.browser) return Promise.resolve(options.browser)
    launched ??= launchChromium(options.chromiumPath)
    // A launch that failed is tried again next time (the browser may have been installed meanwhile).
    launched.catch(() => (launched = undefined))
    return launched
  }
  return {
    name: 'chromium',
    open: async (policy) => openContext(await browser(), policy),
    async close() {
      const current = launched
      launched = undefined
      const running = current ? await current.catch(() => undefined) : undefined
      if (running) await running.close().catch(() => undefined)
    },
  }
}

export async function checkMerchantPage(options: CheckPageOptions): Promise<CheckPageResult> {
  const engine = chromiumEngine({ chromiumPath: options.chromiumPath, browser: options.browser })
  try {
    return await runPageCheck(engine, options)
  } finally {
    await engine.close()
  }
}
