import { collectDownloads, expectNoSecrets, textOf } from './diagnosis-helpers'
import { expect, test } from './fixtures'

test('the support bundle (JSON + HAR 1.2) of a failed session holds no secret', async ({ page }) => {
  // One success first, so the Bearer token has been fetched and used.
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByTestId('session-token')).toBeVisible()
  await page.getByLabel('Processing terminal ID').fill('9999002')
  await page.getByRole('button', { name: 'Create session' }).click()

  const inspector = page.getByRole('region', { name: 'Inspector' })
  await expect(inspector.locator('.inspector-meta .status-pill')).toHaveText('403')
  const downloads = collectDownloads(page)
  await inspector.getByRole('button', { name: 'Export support bundle' }).click()
  await expect(inspector.getByRole('status').filter({ hasText: 'Saved JSON and HAR' })).toBeVisible()
  await expect.poll(() => downloads.length).toBe(2)

  const files = Object.fromEntries(
    await Promise.all(downloads.map(async (d) => [d.suggestedFilename(), await textOf(d)] as const)),
  )
  const names = Object.keys(files)
  const jsonName = names.find((n) => n.endsWith('.json'))
  const harName = names.find((n) => n.endsWith('.har'))
  expect(jsonName, names.join(', ')).toMatch(/^support-bundle-.*\.json$/)
  expect(harName, names.join(', ')).toMatch(/^support-bundle-.*\.har$/)
  const json = files[jsonName ?? ''] ?? ''
  const har = files[harName ?? ''] ?? ''

  const bundle = JSON.parse(json) as Record<string, unknown>
  expect(JSON.stringify(bundle)).toContain('9999002')
  const parsedHar = JSON.parse(har) as {
    log: { version: string; entries: { response: { status: number } }[] }
  }
  expect(parsedHar.log.version).toBe('1.2')
  expect(parsedHar.log.entries.map((e) => e.response.status)).toContain(403)
  expectNoSecrets('support bundle JSON', json)
  expectNoSecrets('support bundle HAR', har)
})
