/**
 * No Secret Service (a second preview whose D-Bus points nowhere): the Credentials panel says so once, with a
 * fix that works, and offers "Keep keys for this session only"; with it, a key is saved (labelled as memory
 * only) and a session is created with it on a Custom environment.
 */
import { startNoKeyringPreview, type NoKeyringPreview } from '../test/support/no-keyring-preview'
import { addCustomEnvironment, expect, screenshot, test } from './fixtures'

let preview: NoKeyringPreview | undefined
test.beforeAll(async () => {
  preview = await startNoKeyringPreview()
})
test.afterAll(async () => {
  await preview?.close()
})

test('without a keychain, keys are kept for this session only, clearly labelled, and work', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  if (!preview) throw new Error('the no-keyring preview did not start')
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } })
  const page = await context.newPage()
  await page.goto(preview.url)
  await expect(page.getByRole('button', { name: 'Create session' })).toBeEnabled()
  const sandboxUrl = (await page.getByTestId('sandbox-url').textContent())?.trim() ?? ''
  await addCustomEnvironment(page, 'No keyring gateway', sandboxUrl)

  const credentials = page.getByRole('region', { name: 'Credentials' })
  const alert = credentials.getByRole('alert')
  await expect(alert).toContainText('Keychain unavailable')
  await expect(alert).toContainText('No D-Bus session bus is reachable')
  await expect(alert).toContainText('gnome-keyring-daemon --unlock')
  // One message per failure: the problem is said once on the page.
  await expect(page.getByText('No D-Bus session bus is reachable')).toHaveCount(1)
  // Saving before choosing: refused, and still the one message (no toast, no second panel with the same words).
  await credentials.getByLabel('API key').fill('sandbox-api-key')
  await credentials.getByRole('button', { name: 'Save key' }).click()
  await expect(credentials.getByTestId('key-not-saved')).toBeVisible()
  await expect(page.getByText('No D-Bus session bus is reachable')).toHaveCount(1)
  await screenshot(page, 'keys-no-keychain-1024x700')

  await credentials.getByRole('button', { name: 'Keep keys for this session only' }).click()
  await expect(credentials.getByTestId('key-storage-label')).toContainText('This session only (memory)')
  await credentials.getByLabel('API key').fill('sandbox-api-key')
  await credentials.getByRole('button', { name: 'Save key' }).click()
  await expect(credentials.getByRole('status').filter({ hasText: 'Key saved' })).toContainText(
    'Key saved and accepted by identity',
  )
  await expect(credentials).toContainText('for this session only')
  expect(await page.getByText('No D-Bus session bus is reachable').count()).toBeLessThanOrEqual(1)
  await screenshot(page, 'keys-session-only-1024x700')

  await page.getByLabel('Processing terminal ID').fill('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByTestId('session-token')).toBeVisible()
  await context.close()
})
