import { randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '../src/sandbox'
import { addCustomEnvironment, expect, saveAndTestKey, screenshot, test } from './fixtures'

let second: Sandbox
const apiKey = `merchant-key-${randomBytes(12).toString('hex')}`

test.beforeAll(async () => {
  second = await startSandbox({ port: 0, apiKeys: [apiKey] })
})
test.afterAll(async () => {
  await second?.close()
})

/** Every file the console wrote to its data folder (history, settings, log) — none may hold the key. */
async function dataFolderText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const texts = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')),
  )
  return texts.join('\n')
}

test('a Custom environment on a second sandbox, its key saved in the keychain, creates a session', async ({
  page,
}) => {
  const name = `Merchant ${randomBytes(3).toString('hex')}`
  await addCustomEnvironment(page, name, second.url)

  const credentials = page.getByRole('region', { name: 'Credentials' })
  await expect(credentials).toContainText('No key stored')
  await saveAndTestKey(page, apiKey)
  await expect(credentials).toContainText('in the OS keychain')

  await page.getByLabel('Processing terminal ID').fill('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()
  const card = page.getByRole('region', { name: 'Session token' })
  await expect(card.getByTestId('session-token')).toHaveText(/^[A-Za-z0-9_-]{20,}$/)
  await expect(card).toContainText(name)
  await screenshot(page, 'custom-environment')

  // The key is write-only: nowhere in the page, its frames, or what the console wrote to disk.
  expect(await page.content()).not.toContain(apiKey)
  for (const frame of page.frames()) expect(await frame.content()).not.toContain(apiKey)
  const dataDir = process.env['E2E_DATA_DIR']
  if (dataDir) expect(await dataFolderText(dataDir)).not.toContain(apiKey)

  // Leave the shared console as we found it.
  await credentials.getByRole('button', { name: 'Delete key' }).click()
  await expect(credentials).toContainText('No key stored')
  await page.getByRole('button', { name: 'Delete this custom environment' }).click()
  await expect(page.getByLabel('Environment')).toHaveValue('sandbox')
})

test('the custom environment form names each invalid field and saves nothing', async ({ page }) => {
  await page.getByText('Custom environment').click()
  await page.getByLabel('Name', { exact: true }).fill('Broken')
  await page.getByLabel('API base URL').fill('http://api.example.com/v1')
  await page.getByLabel('Identity base URL').fill('not a url')
  await page.getByRole('button', { name: 'Save environment' }).click()

  await expect(page.getByLabel('API base URL')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Identity base URL')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('CDN base URL')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Name', { exact: true })).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText(/URL must be https:\/\//).first()).toBeVisible()
  await expect(page.getByLabel('Environment').locator('option', { hasText: 'Broken' })).toHaveCount(0)
})
