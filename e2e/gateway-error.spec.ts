import { expect, screenshot, test } from './fixtures'

test('a terminal the key may not use shows 403, the problem title and a hint', async ({ page }) => {
  await page.getByLabel('Processing terminal ID').fill('9999999')
  await page.getByRole('button', { name: 'Create session' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('403')
  await expect(alert).toContainText('Forbidden')
  await expect(alert).toContainText('What to do:')
  await expect(alert).toContainText('processing terminal')
  await expect(page.getByRole('region', { name: 'Session token' })).toContainText('No session yet')
  await screenshot(page, 'gateway-error')
})
