import AxeBuilder from '@axe-core/playwright'
import { expectNoSecrets, exportCsv, openScreen } from './diagnosis-helpers'
import { expect, screenshot, test } from './fixtures'

/** 50 lines: 40 payment terminals, 5 the key may not use (403), 3 malformed ids, 2 repeats. */
function mixedList(): string[] {
  const ok = Array.from({ length: 40 }, (_, i) => String(5550000 + i))
  const forbidden = ['9999001', '9999002', '9999003', '9999004', '9999005']
  return [...ok.slice(0, 20), 'ab', ...forbidden, ok[0] ?? '', 'c d', ...ok.slice(20), 'x!', ok[1] ?? '']
}

test('a batch check of 50 terminals reaches 50/50 with the right verdicts and exports 50 CSV rows', async ({
  page,
}) => {
  const list = mixedList()
  expect(list).toHaveLength(50)
  await openScreen(page, 'Batch check')
  await expect(page.getByText('each check opens a real payment session', { exact: false })).toBeVisible()
  await expect(page.getByLabel('Concurrency')).toHaveValue('4')
  await page.getByLabel('Terminal IDs').fill(list.join('\n'))
  await page.getByRole('button', { name: 'Run check' }).click()

  const progress = page.getByRole('progressbar', { name: 'Batch progress' })
  await expect(progress).toBeVisible()
  await expect(page.getByTestId('batch-progress-text')).toContainText('50/50', { timeout: 20_000 })
  await expect(progress).toHaveAttribute('value', '50')
  await expect(page.getByTestId('batch-state')).toHaveText('Completed')

  const summary = page.getByRole('list', { name: 'Verdicts' })
  await expect(summary.locator('[data-verdict="ok"]')).toHaveText('OK: 40')
  await expect(summary.locator('[data-verdict="forbidden"]')).toHaveText('Forbidden: 5')
  await expect(summary.locator('[data-verdict="invalid"]')).toHaveText('Invalid ID: 3')
  await expect(summary.locator('[data-verdict="duplicate"]')).toHaveText('Duplicate: 2')
  await expect(page.getByTestId('batch-progress-text')).toContainText('8 failures')

  const table = page.getByRole('table', { name: 'Batch results' })
  await expect(page.getByTestId('batch-row-count')).toHaveText('50 rows')
  await expect(table.locator('tbody tr[data-verdict]').first()).toContainText('Payment')
  const forbiddenRow = table.locator('tbody tr', { hasText: '9999003' })
  await expect(forbiddenRow).toContainText('403')
  await expect(forbiddenRow).toContainText('may not use that processing terminal')
  await screenshot(page, 'batch-check')

  const { filename, csv } = await exportCsv(page)
  expect(filename).toMatch(/^terminal-check-.*\.csv$/)
  const lines = csv.trimEnd().split('\r\n')
  expect(lines).toHaveLength(51)
  expect(lines[0]).toMatch(
    /^line,input,processingTerminalId,scenario,environment,environmentId,profile,status,verdict/,
  )
  expect(lines[1]).toMatch(/^1,5550000,5550000,payment,Sandbox,sandbox,default,201,ok,/)
  expect(lines.filter((l) => l.includes(',ok,'))).toHaveLength(40)
  expect(lines.filter((l) => l.includes(',forbidden,'))).toHaveLength(5)
  expectNoSecrets('batch CSV', csv)
})

test('a running batch check can be cancelled', async ({ page }) => {
  await openScreen(page, 'Batch check')
  const list = Array.from({ length: 1000 }, (_, i) => String(5551000 + i))
  await page.getByLabel('Terminal IDs').fill(list.join('\n'))
  await page.getByLabel('Concurrency').fill('1')
  await page.getByRole('button', { name: 'Run check' }).click()
  await expect(page.getByTestId('batch-progress-text')).toContainText('/1000')
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('batch-state')).toHaveText('Cancelled')
  await expect(page.getByTestId('batch-progress-text')).toContainText(/cancelled/)
  await expect(
    page.getByRole('list', { name: 'Verdicts' }).locator('[data-verdict="cancelled"]'),
  ).toBeVisible()
  // The table is windowed: every row is reachable by scrolling, only those in view are in the DOM.
  const table = page.getByRole('table', { name: 'Batch results' })
  await expect(page.getByTestId('batch-row-count')).toHaveText('1000 rows')
  expect(await table.locator('tbody tr[data-verdict]').count()).toBeLessThan(60)
  await page.getByRole('region', { name: 'Batch results, scrollable' }).evaluate((box) => {
    box.scrollTop = box.scrollHeight
  })
  await expect(table.locator('tbody tr', { hasText: '5551999' })).toBeVisible()
  await page.setViewportSize({ width: 1024, height: 700 })
  await screenshot(page, 'batch-check-1024x700')
})

test('1,000 terminals run to the end with a live progress bar and a windowed table', async ({ page }) => {
  // 1,000 real sessions: about 20 s on an idle machine, more on a shared one.
  test.setTimeout(90_000)
  await openScreen(page, 'Batch check')
  const list = Array.from({ length: 1000 }, (_, i) => String(5553000 + i))
  await page.getByLabel('Terminal IDs').fill(list.join('\n'))
  await page.getByLabel('Concurrency').fill('16')
  await page.getByRole('button', { name: 'Run check' }).click()
  const text = page.getByTestId('batch-progress-text')
  // Seen part-way: the bar moves while the run goes on.
  await expect(text).toContainText(/\b[1-9]\d*\/1000\b/)
  await expect(text).toContainText('1000/1000', { timeout: 60_000 })
  await expect(page.getByTestId('batch-state')).toHaveText('Completed')
  await expect(page.getByRole('list', { name: 'Verdicts' }).locator('[data-verdict="ok"]')).toHaveText(
    'OK: 1000',
  )
  const rows = page.getByRole('table', { name: 'Batch results' }).locator('tbody tr[data-verdict]')
  expect(await rows.count()).toBeLessThan(60)
  await expect(page.getByTestId('batch-row-count')).toHaveText('1000 rows')
})

test('a long list opens folded on the next visit, runs as it is, and "Show the list" brings it back', async ({
  page,
}) => {
  await openScreen(page, 'Batch check')
  // 1,200 lines, over the folding threshold (8,000 characters): 10 terminals, then repeats (no calls).
  const list = Array.from({ length: 1200 }, (_, i) => String(5554000 + (i % 10))).join('\n')
  const box = page.getByRole('textbox', { name: 'Terminal IDs' })
  await box.fill(list)
  // Typed or pasted while the screen is open: it stays in its textarea.
  await expect(box).toHaveValue(list)
  await openScreen(page, 'Session')
  await openScreen(page, 'Batch check')
  const folded = page.getByRole('group', { name: 'Terminal IDs' })
  await expect(folded).toContainText('A list of 1200 entries')
  await expect(folded).toContainText('5554000, 5554001, 5554002 …')
  await expect(page.getByText('1200 entries.')).toBeVisible()
  await expect(page.locator('textarea')).toHaveCount(0)
  await screenshot(page, 'batch-long-list-folded')
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([])

  await page.getByRole('button', { name: 'Run check' }).click()
  await expect(page.getByTestId('batch-state')).toHaveText('Completed', { timeout: 30_000 })
  await expect(page.getByTestId('batch-row-count')).toHaveText('1200 rows')
  const summary = page.getByRole('list', { name: 'Verdicts' })
  await expect(summary.locator('[data-verdict="ok"]')).toHaveText('OK: 10')
  await expect(summary.locator('[data-verdict="duplicate"]')).toHaveText('Duplicate: 1190')

  await folded.getByRole('button', { name: 'Show the list' }).click()
  await expect(box).toBeFocused()
  await expect(box).toHaveValue(list)

  await openScreen(page, 'Session')
  await openScreen(page, 'Batch check')
  await page.getByRole('button', { name: 'Clear the list' }).click()
  await expect(box).toBeFocused()
  await expect(box).toHaveValue('')
  await box.fill('1234001')
  await expect(box).toHaveValue('1234001')
})
