/**
 * Keys, at 1024×700: a typed API key never follows into another environment or profile, and saving a key
 * reports one honest outcome — accepted by identity, or saved but rejected with the status.
 */
import { addCustomEnvironment, expect, screenshot, test } from './fixtures'

test('the API key field empties on environment change; a rejected key is not reported as fine', async ({
  page,
  sandboxUrl,
}) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1024, height: 700 })
  const credentials = page.getByRole('region', { name: 'Credentials' })
  const keyInput = credentials.getByLabel('API key')
  await keyInput.fill('typed-on-sandbox-0001')
  const environment = page.getByLabel('Environment')
  await environment.focus()
  await page.keyboard.press('ArrowDown')
  await expect(environment).toHaveValue('uat')
  await expect(keyInput).toHaveValue('')
  await keyInput.fill('typed-on-uat-000000001')
  await environment.selectOption({ label: 'Production' })
  await expect(keyInput).toHaveValue('')
  await environment.selectOption('sandbox')

  // A custom environment on the embedded sandbox: a wrong key is saved but identity rejects it (401).
  await addCustomEnvironment(page, 'Key check gateway', sandboxUrl)
  await keyInput.fill('wrong-key-for-sandbox-1')
  await keyInput.press('Enter')
  const outcome = credentials.getByRole('status').filter({ hasText: 'Key saved' })
  await expect(outcome).toContainText('Key saved, but identity rejected it (401)')
  await expect(outcome).toHaveAttribute('data-tone', 'warning')
  await screenshot(page, 'key-saved-rejected-1024x700')

  await keyInput.fill('sandbox-api-key')
  await credentials.getByRole('button', { name: 'Save key' }).click()
  await expect(outcome).toContainText('Key saved and accepted by identity')
  await expect(outcome).toHaveAttribute('data-tone', 'success')
  await environment.selectOption('sandbox')
})
