import { openScreen } from './diagnosis-helpers'
import { expect, screenshot, test } from './fixtures'

test('preflight in the Sandbox passes keychain, key, identity and payment session', async ({ page }) => {
  await openScreen(page, 'Preflight')
  const screen = page.getByRole('main', { name: 'Preflight' })
  await expect(screen.getByLabel('Processing terminal ID')).toHaveValue('1234001')
  await screen.getByRole('button', { name: 'Run preflight' }).click()

  const step = (id: string) => screen.locator(`li.step[data-step="${id}"]`)
  for (const id of ['keychain', 'api-key', 'identity-host', 'key-accepted', 'payment-session']) {
    await expect(step(id), id).toHaveAttribute('data-status', 'pass', { timeout: 15_000 })
    await expect(step(id).locator('.step-status'), id).toHaveText('Pass')
  }
  await expect(step('library-script')).toBeVisible()
  await expect(step('clock-skew')).toBeVisible()
  await expect(step('payment-session')).toContainText(/ms|s/)
  await screenshot(page, 'preflight')
})

test('preflight names a terminal the key may not use', async ({ page }) => {
  await openScreen(page, 'Preflight')
  const screen = page.getByRole('main', { name: 'Preflight' })
  await screen.getByLabel('Processing terminal ID').fill('9999009')
  await screen.getByRole('button', { name: 'Run preflight' }).click()
  const payment = screen.locator('li.step[data-step="payment-session"]')
  await expect(payment).toHaveAttribute('data-status', 'fail', { timeout: 15_000 })
  await expect(payment.locator('.step-hint')).toContainText('may not use that processing terminal')
  await expect(screen.locator('.preflight-summary')).toContainText('failed')
})
