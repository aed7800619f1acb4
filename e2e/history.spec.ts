import { expectNoSecrets, exportCsv, openScreen } from './diagnosis-helpers'
import { expect, screenshot, test } from './fixtures'

test('history lists sessions, filters them, re-runs one as a new entry and exports CSV without secrets', async ({
  page,
}) => {
  // Two sessions with a distinctive terminal each: one created, one refused.
  await page.getByLabel('Processing terminal ID').fill('5551234')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByTestId('session-token')).toBeVisible()
  await page.getByLabel('Processing terminal ID').fill('9999123')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByRole('region', { name: 'Inspector' }).locator('.inspector-meta')).toContainText(
    '403',
  )

  await openScreen(page, 'History')
  const table = page.locator('table.data-table')
  await expect(table.locator('tbody tr').first()).toBeVisible()

  // Filter by terminal: only that terminal's rows.
  await page.getByLabel('Filter history').fill('5551234')
  const rows = table.locator('tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Created')
  await expect(rows.first()).toContainText('201')
  await expect(rows.first().locator('code', { hasText: /^…[0-9a-f]{6}$/ })).toBeVisible()

  // Re-run: a new entry for the same terminal.
  await rows
    .first()
    .getByRole('button', { name: /^Re-run/ })
    .click()
  await expect(page.getByRole('status').filter({ hasText: 'Re-run created a new session' })).toBeVisible()
  await expect(rows).toHaveCount(2)

  // One box over every column: a status and the environment together, then the profile, then the token suffix.
  await page.getByLabel('Filter history').fill('403 sandbox')
  await expect(rows.filter({ hasText: '9999123' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Created' })).toHaveCount(0)
  // Inspect opens the Inspector for that row.
  await rows
    .filter({ hasText: '9999123' })
    .getByRole('button', { name: /^Inspect/ })
    .click()
  const inspector = page.getByRole('region', { name: 'Inspector' })
  await expect(inspector.getByTestId('inspector-why')).toContainText('may not use that processing terminal')
  await inspector.getByRole('button', { name: 'Close' }).click()
  await page.getByLabel('Filter history').fill('')
  await expect(rows.filter({ hasText: '5551234' })).toHaveCount(2)
  const tokenSuffix =
    (
      await rows.filter({ hasText: '5551234' }).first().locator('code', { hasText: /^…/ }).textContent()
    )?.slice(1) ?? ''
  await page.getByLabel('Filter history').fill(tokenSuffix)
  await expect(rows).toHaveCount(1)
  await page.getByLabel('Filter history').fill('default payment 5551234')
  await expect(rows).toHaveCount(2)
  // One time format: local 24-hour on screen, UTC on hover, ISO in the dateTime attribute.
  const time = rows.first().locator('time').first()
  await expect(time).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
  await expect(time).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/)
  await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  await page.getByLabel('Filter history').fill('')
  await screenshot(page, 'history')

  const { filename, csv } = await exportCsv(page)
  expect(filename).toMatch(/^session-history-.*\.csv$/)
  const lines = csv.trim().split(/\r\n/)
  expect(lines[0]).toContain('processingTerminalId')
  expect(lines.filter((l) => l.includes('5551234'))).toHaveLength(2)
  expect(lines.filter((l) => l.includes('9999123'))).toHaveLength(1)
  expectNoSecrets('history CSV', csv)
})

test('the History screen stays usable at the minimum window size', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await openScreen(page, 'History')
  await expect(page.getByLabel('Filter history')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible()
  await screenshot(page, 'history-1024x700')
})

test('Clear all data asks first, then empties the history and says what it removed', async ({ page }) => {
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByTestId('session-token')).toBeVisible()
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Clear all data' }).click()
  const dialog = page.getByRole('dialog', { name: 'Clear all data?' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('History (history.json and history.jsonl in the data folder)')
  await expect(dialog).toContainText('Damaged files kept aside')
  await screenshot(page, 'clear-all-data')
  await dialog.getByRole('button', { name: 'Yes, remove everything' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: /^Removed \d+ history entr/ })).toBeVisible()

  await openScreen(page, 'History')
  await expect(page.getByText('No sessions yet.')).toBeVisible()
  await openScreen(page, 'Session')
  await expect(page.getByLabel('Environment')).toHaveValue('sandbox')
})
