/**
 * Row 7 ("Big data stays fast"): History at 1,000 entries and the Event log at 5,000 events render and filter in
 * no more than 2× the time the same screen takes at 100 items, in headless Chromium through the browser preview,
 * both sizes measured in this run.
 *
 * Seeding: History through its own file (history.json in a fresh data folder, before the preview starts); the
 * Event log through main's live session (one session:create, then eventLog:record), which the page restores.
 * Timing is inside the page (performance.now(), the next animation frame included):
 * - render: History — click on its navigation button → its first row is in the DOM, painted; the Event log
 *   (its Session screen stays mounted) — the filter cleared → the whole list is back, painted;
 * - filter: the box's input event → the "N of M match" line says the expected count, painted.
 * The screen is left and entered again for each render round (the slice keeps the data), so only the render
 * is timed, not loading.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { HISTORY_FILE, HISTORY_VERSION } from '../../src/core/services/storage/session-history'
import type { HistoryEntry } from '../../src/shared/contract'
import { startWebConsole, type WebConsole } from '../../src/web/preview-server'
import { launchChromium } from '../lib/browser'
import { spread, type Spread } from '../lib/stats'

export interface ScreenTimes {
  items: number
  renderMs: Spread
  filterMs: Spread
}
export interface BigDataResult {
  history: { small: ScreenTimes; big: ScreenTimes }
  eventLog: { small: ScreenTimes; big: ScreenTimes }
}

/** Every 10th entry is of profile merchant-b: the filter "merchant-b" matches a tenth. */
function historyEntries(count: number): HistoryEntry[] {
  const start = Date.parse('2026-12-01T08:00:00.000Z')
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    at: new Date(start + i * 60_000).toISOString(),
    environmentId: i % 3 === 0 ? 'uat' : 'sandbox',
    profile: i % 10 === 0 ? 'merchant-b' : 'default',
    processingTerminalId: String(5_550_000 + i),
    scenario: i % 2 === 0 ? 'payment' : 'tokenization',
    libVersion: '1.7.0.261457',
    outcome: i % 7 === 0 ? 'error' : 'ok',
    ...(i % 7 === 0 ? { errorKind: 'forbidden' as const, status: 403 } : { status: 201 }),
    tokenSuffix: (i * 7919).toString(16).padStart(6, '0').slice(-6),
    durationMs: 40 + (i % 13),
    attempts: 1,
    kind: 'session' as const,
  }))
}

/** Every 10th event is an `error`: the filter "error" matches a tenth. */
function events(count: number): { name: string; payload: unknown; at: string }[] {
  const start = Date.parse('2026-12-01T08:00:00.000Z')
  return Array.from({ length: count }, (_, i) => ({
    name: i % 10 === 0 ? 'error' : 'fieldValidityChange',
    payload:
      i % 10 === 0
        ? { type: 'validation', field: 'cardNumber', message: `bench error ${i}` }
        : { field: i % 2 === 0 ? 'cardNumber' : 'expiryDate', isValid: i % 3 === 0 },
    at: new Date(start + i * 10).toISOString(),
  }))
}

async function rpc(web: WebConsole, channel: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${web.origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-console-token': web.token },
    body: JSON.stringify(body),
  })
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? 'failed'}`)
  return result.value
}

// In-page code as strings: the Node tsconfig has no DOM types.
const paintedWhen = (condition: string) => `new Promise((resolve) => {
  const check = () => { try { return ${condition} } catch { return false } }
  const finish = (t0) => requestAnimationFrame(() => resolve(performance.now() - t0))
  window.__benchWait = (t0) => {
    if (check()) return finish(t0)
    const observer = new MutationObserver(() => { if (check()) { observer.disconnect(); finish(t0) } })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  }
})`

async function timeNavigation(page: Page, screen: string, firstRow: string): Promise<number> {
  return Number(
    await page.evaluate(`(() => {
      const done = ${paintedWhen(`document.querySelector(${JSON.stringify(firstRow)}) !== null`)}
      const button = [...document.querySelectorAll('nav[aria-label="Sections"] button')]
        .find((b) => b.textContent.trim().startsWith(${JSON.stringify(screen)}))
      const t0 = performance.now()
      button.click()
      window.__benchWait(t0)
      return done
    })()`),
  )
}

async function timeFilter(page: Page, label: string, query: string, expected: string, status: string) {
  // The condition is code text built here: the page's CSP forbids eval / new Function.
  const condition =
    query === ''
      ? `document.querySelector(${JSON.stringify(status)}) === null`
      : `(document.querySelector(${JSON.stringify(status)})?.textContent ?? '').startsWith(${JSON.stringify(expected)})`
  // A filter that never settles is named, not left to hang silently.
  const timer = setTimeout(() => {
    void page
      .evaluate(`document.querySelector(${JSON.stringify(status)})?.textContent ?? '(no count line)'`)
      .then((text) =>
        process.stderr.write(`  big data: still waiting for "${expected}", page says ${String(text)}\n`),
      )
  }, 10_000)
  const waited = page.evaluate(`(() => {
      const found = [...document.querySelectorAll('label')].find(
        (l) => l.textContent.trim() === ${JSON.stringify(label)},
      )
      if (!found) throw new Error('no label ' + ${JSON.stringify(label)} + ' in: ' + [...document.querySelectorAll('label')].map((l) => l.textContent).join('|') + ' / ' + document.querySelector('main:not([hidden])')?.textContent?.slice(0, 300))
      const input = found.control
      const done = ${paintedWhen(condition)}
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
      const t0 = performance.now()
      setValue.call(input, ${JSON.stringify(query)})
      input.dispatchEvent(new Event('input', { bubbles: true }))
      window.__benchWait(t0)
      return done
    })()`)
  try {
    return Number(await waited)
  } finally {
    clearTimeout(timer)
  }
}

interface ScreenPlan {
  /**
   * 'navigation': the screen mounts on its button (History). 'clear-filter': the Session screen stays mounted,
   * so the Event log's render is timed as the whole list coming back when the filter is cleared.
   */
  renderBy: 'navigation' | 'clear-filter'
  screen: string
  firstRow: string
  label: string
  query: string
  status: string
}

const HISTORY_PLAN: ScreenPlan = {
  renderBy: 'navigation',
  screen: 'History',
  firstRow: 'table.data-table tbody tr[data-window-row]',
  label: 'Filter history',
  query: 'merchant-b',
  status: '[data-testid="history-match-count"]',
}
const EVENT_LOG_PLAN: ScreenPlan = {
  renderBy: 'clear-filter',
  screen: 'Session',
  firstRow: 'ol.eventlog li.event',
  label: 'Filter events',
  query: 'error',
  status: '[data-testid="eventlog-match-count"]',
}

async function measureScreen(
  page: Page,
  plan: ScreenPlan,
  other: string,
  otherReady: string,
  items: number,
  rounds: number,
): Promise<ScreenTimes> {
  const render: number[] = []
  const filter: number[] = []
  const expected = `${items / 10} of ${items} `
  for (let i = 0; i < rounds + 1; i += 1) {
    await timeNavigation(page, other, otherReady)
    const navigated = await timeNavigation(page, plan.screen, plan.firstRow)
    const filtered = await timeFilter(page, plan.label, plan.query, expected, plan.status)
    const cleared = await timeFilter(page, plan.label, '', '', plan.status)
    const rendered = plan.renderBy === 'navigation' ? navigated : cleared
    // The first round warms the lazy chunks and the JIT: not counted.
    if (i > 0) {
      render.push(rendered)
      filter.push(filtered)
    }
  }
  return { items, renderMs: spread(render), filterMs: spread(filter) }
}

async function withConsole<T>(
  browser: Browser,
  seed: (dataDir: string) => Promise<void>,
  afterStart: (web: WebConsole) => Promise<void>,
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hfc-bench-big-'))
  let web: WebConsole | undefined
  try {
    await seed(dataDir)
    web = await startWebConsole({ port: 0, dataDir })
    await afterStart(web)
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(web.url)
    await page.getByRole('button', { name: 'Create session' }).waitFor({ state: 'visible' })
    try {
      return await run(page)
    } finally {
      await context.close()
    }
  } finally {
    await web?.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function historyAt(browser: Browser, items: number, rounds: number): Promise<ScreenTimes> {
  return withConsole(
    browser,
    (dataDir) =>
      writeFile(
        join(dataDir, HISTORY_FILE),
        JSON.stringify({ version: HISTORY_VERSION, entries: historyEntries(items) }),
      ),
    async () => undefined,
    (page) => measureScreen(page, HISTORY_PLAN, 'Preflight', 'button', items, rounds),
  )
}

async function eventLogAt(browser: Browser, items: number, rounds: number): Promise<ScreenTimes> {
  return withConsole(
    browser,
    async () => undefined,
    async (web) => {
      const created = (await rpc(web, 'session:create', {
        environmentId: 'sandbox',
        profile: 'default',
        processingTerminalId: '1234001',
        scenario: 'payment',
        libVersion: '1.7.0.261457',
      })) as { journalId: string }
      const all = events(items)
      for (let i = 0; i < all.length; i += 200)
        await rpc(web, 'eventLog:record', { journalId: created.journalId, events: all.slice(i, i + 200) })
    },
    (page) => measureScreen(page, EVENT_LOG_PLAN, 'History', 'table, p.empty', items, rounds),
  )
}

export async function runBigDataRows(options: {
  rounds: number
  log: (line: string) => void
}): Promise<BigDataResult> {
  const browser = await launchChromium()
  try {
    const history = {
      small: await historyAt(browser, 100, options.rounds),
      big: await historyAt(browser, 1000, options.rounds),
    }
    const eventLog = {
      small: await eventLogAt(browser, 100, options.rounds),
      big: await eventLogAt(browser, 5000, options.rounds),
    }
    for (const [name, pair] of Object.entries({ history, eventLog }))
      options.log(
        `  ${name}: render ${pair.small.renderMs.median.toFixed(1)} → ${pair.big.renderMs.median.toFixed(1)} ms, filter ${pair.small.filterMs.median.toFixed(1)} → ${pair.big.filterMs.median.toFixed(1)} ms`,
      )
    return { history, eventLog }
  } finally {
    await browser.close()
  }
}
