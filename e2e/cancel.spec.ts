/**
 * Cancel request: with Force next response set to a response that takes 15 s (Timeout), the create is pending;
 * Cancel request ends it within a second or two, the Outcome says cancelled, and nothing is ever shown as
 * created — not even when the sandbox finishes its slow answer later.
 */
import { expect, screenshot, test } from './fixtures'

test('Cancel request stops a slow create; no late session appears', async ({ page }) => {
  test.setTimeout(60_000)
  const card = page.getByRole('region', { name: 'Session token' })
  await expect(card).toContainText('No session yet')
  const force = page.getByLabel('Force next response')
  await force.selectOption('timeout')
  await expect(force).toHaveValue('timeout')
  await page.getByLabel('Processing terminal ID').fill('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()

  const cancel = page.getByRole('button', { name: 'Cancel request' })
  await expect(cancel).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Creating…' })).toBeVisible()
  const clickedAt = Date.now()
  await cancel.click()
  const outcome = page.getByRole('region', { name: 'Outcome' })
  await expect(outcome).toContainText('Session request cancelled', { timeout: 5_000 })
  expect(Date.now() - clickedAt).toBeLessThan(2_000)
  await expect(cancel).toBeHidden()
  await expect(page.getByRole('button', { name: 'Create session' })).toBeEnabled()
  await screenshot(page, 'cancel-request')

  // A while later the create's one answer is still the cancel: no session appears.
  await page.waitForTimeout(3_000)
  await expect(card).toContainText('No session yet')
  await expect(outcome).toContainText('Session request cancelled')
})
