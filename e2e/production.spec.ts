import { expect, screenshot, sessionCallCount, test } from './fixtures'

test('production is marked and asks before creating anything', async ({ page, sandboxUrl }) => {
  await page.getByLabel('Environment').selectOption({ label: 'Production' })
  await expect(page.getByText('PRODUCTION — real merchants')).toBeVisible()
  await page.getByLabel('Processing terminal ID').fill('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()

  const dialog = page.getByRole('dialog', { name: 'Confirm production call' })
  await expect(dialog).toBeVisible()
  await screenshot(page, 'production-confirm')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('alert')).toHaveCount(0)

  // Confirming sends it (with confirmProduction); with no production key stored it fails before the network.
  const before = await sessionCallCount(sandboxUrl)
  await page.getByRole('button', { name: 'Create session' }).click()
  await dialog.getByRole('button', { name: 'Create in production' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('alert')).toBeVisible()
  expect(await sessionCallCount(sandboxUrl)).toBe(before)
})
