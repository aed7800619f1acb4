/**
 * Row 7 (issue 15, "big data stays fast"): the Batch check screen with 10,000 result rows renders and filters
 * in no more than 2× the time it takes with 100, in headless Chromium through the browser preview.
 *
 * Both batches have the same mix (90 % checkable or repeated ids, 10 % invalid): 100 rows = 90 terminals of the
 * 555 block + 10 invalid; 10,000 rows = the same 90 terminals, 8,910 repeats of them and 1,000 invalid — so
 * both open 90 real sandbox sessions and differ only in how many rows the screen holds.
 * - render: from the click on "Batch check" (coming from the Session screen) until the results table shows
 *   rows and the row count, plus two animation frames (painted);
 * - filter: from the click on "Only failures" until the count says the failures only, plus two frames.
 * Timed inside the page with performance.now(), so Playwright's own round trips are not counted.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startWebConsole } from '../../src/web/preview-server'
import { launchChromium } from '../lib/browser'
import { spread, type Spread } from '../lib/stats'

export interface ScreenTimes {
  rows: number
  failures: number
  renderMs: Spread
  filterMs: Spread
}
export interface BatchScreenResult {
  small: ScreenTimes
  large: ScreenTimes
  renderRatio: Spread
  filterRatio: Spread
}

/** The mix described above: `rows` lines, every 10th invalid. */
export function batchInput(rows: number): { text: string; failures: number } {
  const lines: string[] = []
  let valid = 0
  for (let i = 0; i < rows; i += 1) {
    if (i % 10 === 9) lines.push(`bad!${i}`)
    else lines.push(String(5550000 + (valid++ % 90)))
  }
  return { text: lines.join('\n'), failures: Math.floor(rows / 10) }
}

/** A paste into Terminal IDs: the native value setter and one input event (Playwright's fill waits on a 10,000-line editable). */
export async function pasteTerminalIds(page: Page, text: string): Promise<void> {
  await page.getByLabel('Terminal IDs').evaluate((box, value) => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value')?.set
    setter?.call(box, value)
    box.dispatchEvent(new Event('input', { bubbles: true }))
  }, text)
}

/** Run check, then wait until the batch has completed and the screen counts its `rows` rows. */
export async function runCheck(page: Page, rows: number): Promise<void> {
  await page.getByRole('button', { name: 'Run check' }).click()
  await page.getByTestId('batch-state').filter({ hasText: 'Completed' }).waitFor({ timeout: 120_000 })
  await page
    .getByTestId('batch-row-count')
    .filter({ hasText: `${rows} rows` })
    .waitFor()
}

// In-page code as a string: the Node tsconfig has no DOM types.
const watch = (until: string) => `(() => {
  window.__benchScreen = new Promise((resolve) => {
    let clickedAt
    document.addEventListener('click', () => { clickedAt = performance.now() }, { capture: true, once: true })
    const check = () => {
      if (clickedAt === undefined || !(${until})) return
      observer.disconnect()
      const committed = performance.now() - clickedAt
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ committed, painted: performance.now() - clickedAt })))
    }
    const observer = new MutationObserver(check)
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
})()`
const countIs = (text: string) =>
  `document.querySelector('[data-testid="batch-row-count"]')?.textContent === ${JSON.stringify(text)}`

async function timed(page: Page, until: string, click: () => Promise<void>): Promise<number> {
  await page.evaluate(watch(until))
  await click()
  const result = (await page.evaluate('window.__benchScreen')) as { committed: number; painted: number }
  return result.painted
}

async function measure(
  page: Page,
  rows: number,
  rounds: number,
  log: (line: string) => void,
): Promise<ScreenTimes> {
  const nav = page.getByRole('navigation', { name: 'Sections' })
  await nav.getByRole('button', { name: 'Batch check', exact: true }).click()
  const { text, failures } = batchInput(rows)
  const pasteStarted = performance.now()
  await pasteTerminalIds(page, text)
  log(`  pasted ${rows} lines in ${(performance.now() - pasteStarted).toFixed(0)} ms`)
  await runCheck(page, rows)
  const render: number[] = []
  const filter: number[] = []
  const failuresOnly = page.getByLabel('Only failures')
  for (let round = 0; round <= rounds; round += 1) {
    await nav.getByRole('button', { name: 'Session', exact: true }).click()
    await page.getByRole('button', { name: 'Create session' }).waitFor()
    const renderMs = await timed(
      page,
      `${countIs(`${rows} rows`)} && document.querySelector('table[aria-label="Batch results"] tbody tr[data-verdict]')`,
      () => nav.getByRole('button', { name: 'Batch check', exact: true }).click(),
    )
    const filterMs = await timed(page, countIs(`${failures} rows`), () => failuresOnly.check())
    await failuresOnly.uncheck()
    await page
      .getByTestId('batch-row-count')
      .filter({ hasText: `${rows} rows` })
      .waitFor()
    // Round 0 warms the code paths and Chromium: not counted.
    if (round > 0) {
      render.push(renderMs)
      filter.push(filterMs)
    }
  }
  return { rows, failures, renderMs: spread(render), filterMs: spread(filter) }
}

export async function runBatchScreen(options: {
  rounds: number
  log: (line: string) => void
}): Promise<BatchScreenResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hfc-bench-batch-screen-'))
  const web = await startWebConsole({ port: 0, dataDir })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(web.url)
    await page.getByRole('button', { name: 'Create session' }).waitFor()
    const small = await measure(page, 100, options.rounds, options.log)
    options.log(
      `  100 rows: render ${small.renderMs.median.toFixed(1)} ms, filter ${small.filterMs.median.toFixed(1)} ms`,
    )
    const large = await measure(page, 10_000, options.rounds, options.log)
    options.log(
      `  10,000 rows: render ${large.renderMs.median.toFixed(1)} ms, filter ${large.filterMs.median.toFixed(1)} ms`,
    )
    return {
      small,
      large,
      renderRatio: spread([large.renderMs.median / small.renderMs.median]),
      filterRatio: spread([large.filterMs.median / small.filterMs.median]),
    }
  } finally {
    await browser.close()
    await web.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
