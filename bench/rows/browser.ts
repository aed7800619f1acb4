/**
 * Row 3 (click → token shown, 100 ms injected gateway latency) and row 5b (navigation → interactive form),
 * through the browser preview (startWebConsole: the real services, the embedded sandbox, the HTTP bridge) in
 * headless Chromium.
 *
 * Timing happens inside the page with performance.now(), so Playwright's own round trips are not counted:
 * - click → token: a capture-phase click listener marks `create-session:click`; a MutationObserver marks
 *   `token:shown` when the token card's text changes to a new token (React has committed it to the DOM), and
 *   the next animation frame is reported as well (`painted`).
 * - interactive form: an init script (runs before the page's own) watches the DOM and marks `form:ready` when a
 *   "Create session" button exists and is enabled; performance.now() is then the time since navigation start.
 * Neither needs instrumentation in the renderer.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { startWebConsole, type WebConsole } from '../../src/web/preview-server'
import { launchChromium } from '../lib/browser'
import { spread, type Spread } from '../lib/stats'
import { sandboxControlClient } from '../../src/sandbox/control-client'

export interface ClickResult {
  latencyMs: number
  repeats: number
  shownMs: Spread
  paintedMs: Spread
  /** Click → the bridge's answer to /rpc/session:create fully received (resource timing); the rest is the renderer. */
  answeredMs: Spread
}
export interface FormResult {
  repeats: number
  readyMs: Spread
}

// In-page code is passed as strings: the Node tsconfig has no DOM types, and nothing here needs them.
const WATCH_CLICK = `(() => {
  const tokenText = () => document.querySelector('[data-testid="session-token"]')?.textContent ?? ''
  const before = tokenText()
  performance.clearResourceTimings()
  window.__benchClick = new Promise((resolve) => {
    let clickedAt
    document.addEventListener('click', () => {
      clickedAt = performance.now()
      performance.mark('create-session:click')
    }, { capture: true, once: true })
    const observer = new MutationObserver(() => {
      const now = tokenText()
      if (clickedAt === undefined || now === '' || now === before) return
      const shownAt = performance.now()
      performance.mark('token:shown')
      observer.disconnect()
      const rpc = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/rpc/session:create')).at(-1)
      const answered = rpc ? rpc.responseEnd - clickedAt : NaN
      requestAnimationFrame(() => resolve({ shown: shownAt - clickedAt, painted: performance.now() - clickedAt, answered }))
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  })
})()`

const WATCH_FORM = `(() => {
  const ready = () => [...document.querySelectorAll('button')].some(
    (b) => b.textContent.trim() === 'Create session' && !b.disabled)
  const observer = new MutationObserver(() => {
    if (window.__formReady !== undefined || !ready()) return
    window.__formReady = performance.now()
    performance.mark('form:ready')
    observer.disconnect()
  })
  observer.observe(document, { subtree: true, childList: true, attributes: true })
})()`

async function withPreview<T>(run: (web: WebConsole, browser: Browser) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hfc-bench-web-'))
  const web = await startWebConsole({ port: 0, dataDir })
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    return await run(web, browser)
  } finally {
    await browser?.close()
    await web.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function openConsole(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(url)
  await page.getByRole('button', { name: 'Create session' }).waitFor({ state: 'visible' })
  return page
}

async function setLatency(sandboxUrl: string, latencyMs: number): Promise<void> {
  await sandboxControlClient(sandboxUrl).configure({ latencyMs })
}

export async function runBrowserRows(options: {
  latencyMs: number
  clicks: number
  navigations: number
  log: (line: string) => void
}): Promise<{ click: ClickResult; form: FormResult }> {
  return withPreview(async (web, browser) => {
    // 5b: cold navigations, each in a fresh context (no cache), before the latency is injected.
    const ready: number[] = []
    for (let i = 0; i < options.navigations + 1; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      await page.addInitScript(WATCH_FORM)
      await page.goto(web.url)
      // A function, not a string: Playwright evaluates string predicates with eval, which the page's CSP forbids.
      await page.waitForFunction(() => (globalThis as { __formReady?: number }).__formReady !== undefined)
      const at = Number(await page.evaluate('window.__formReady'))
      // The first navigation warms the server's file cache and Chromium itself: not counted.
      if (i > 0) ready.push(at)
      await context.close()
    }
    options.log(`  form ready: ${ready.map((v) => v.toFixed(0)).join(', ')} ms`)

    // 3: click → token shown.
    const sandboxUrl = web.app.info.sandboxUrl
    const page = await openConsole(browser, web.url)
    const button = page.getByRole('button', { name: 'Create session' })
    const click = async () => {
      await page.evaluate(WATCH_CLICK)
      await button.click()
      const result = (await page.evaluate('window.__benchClick')) as {
        shown: number
        painted: number
        answered: number
      }
      await page.getByRole('button', { name: 'Create session', disabled: false }).waitFor()
      return result
    }
    await click() // warm-up without latency (first render of the token card, test page frame)
    await setLatency(sandboxUrl, options.latencyMs)
    const shown: number[] = []
    const painted: number[] = []
    const answered: number[] = []
    try {
      await click() // warm-up with latency
      for (let i = 0; i < options.clicks; i += 1) {
        const result = await click()
        shown.push(result.shown)
        painted.push(result.painted)
        answered.push(result.answered)
      }
    } finally {
      await setLatency(sandboxUrl, 0)
    }
    options.log(`  click → token: ${shown.map((v) => v.toFixed(0)).join(', ')} ms`)
    options.log(`  click → RPC answered: ${answered.map((v) => v.toFixed(0)).join(', ')} ms`)
    return {
      click: {
        latencyMs: options.latencyMs,
        repeats: shown.length,
        shownMs: spread(shown),
        paintedMs: spread(painted),
        answeredMs: spread(answered),
      },
      form: { repeats: ready.length, readyMs: spread(ready) },
    }
  })
}
