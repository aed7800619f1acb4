/**
 * No stale state, at 1024×700: a refused attempt after a working one labels the earlier session and puts its
 * card form away; switching to Production shows nothing of the Sandbox session inside the red frame.
 */
import { expect, screenshot, test } from './fixtures'

test('an earlier session is labelled, its form gone; another environment shows none of it', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1024, height: 700 })
  const terminal = page.getByLabel('Processing terminal ID')
  const card = page.getByRole('region', { name: 'Session token' })
  const testPage = page.getByRole('region', { name: 'Hosted Fields test page' })
  await terminal.fill('1234001')
  await terminal.press('Enter')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(card.getByTestId('session-token')).toBeVisible()
  await expect(testPage.locator('iframe')).toHaveCount(1)

  await terminal.fill('9999001')
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Enter' : 'Control+Enter')
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText(
    'Session not created: this API key may not use terminal 9999001 (403).',
  )
  await expect(card.getByTestId('earlier-session')).toHaveText(
    /^Earlier session · Payment · 1234001 · Sandbox/,
  )
  await expect(card.getByTestId('session-token')).toHaveCount(0)
  await expect(testPage.locator('iframe')).toHaveCount(0)
  await expect(testPage).toContainText('Earlier session · Payment · 1234001 · Sandbox')
  await screenshot(page, 'stale-earlier-session-1024x700')

  // Back to the working terminal and create again: current once more.
  await terminal.fill('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(card.getByTestId('session-token')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible()

  // Production: the Sandbox token, its form and its Inspector never sit inside the red frame.
  await page.getByLabel('Environment').selectOption({ label: 'Production' })
  await expect(card.getByTestId('session-token')).toHaveCount(0)
  await expect(card.getByTestId('earlier-session')).toContainText('Sandbox')
  await expect(testPage.locator('iframe')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Outcome' })).toHaveAttribute('data-tone', 'none')
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText(
    'Earlier session · Payment · 1234001 · Sandbox',
  )
  await screenshot(page, 'stale-production-frame-1024x700')
  await page.getByLabel('Environment').selectOption({ label: 'Sandbox' })
})
