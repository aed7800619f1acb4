/**
 * Issue 16, deliverable 6, in the UI: a settings.json that fails validation is not dropped silently. This spec
 * starts its own browser preview on a data folder holding such a file (23 custom environments and a selection
 * in a shape this version does not accept) and checks the console says so, naming the file and the copy, and
 * still offers the 23 environments.
 */
import { test, expect } from '@playwright/test'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWebConsole } from '../src/web/preview-server'

let dataDir: string
let consoleUrl: string
let stop: () => Promise<void>

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hfc-e2e-notice-'))
  const customEnvironments = Array.from({ length: 23 }, (_, i) => ({
    id: `custom:merchant-${i + 1}`,
    name: `Merchant ${i + 1}`,
    apiBase: `https://api.m${i + 1}.example.test/v1`,
    identityBase: `https://identity.m${i + 1}.example.test`,
    cdnBase: `https://cdn.m${i + 1}.example.test`,
    defaultLibVersion: '1.7.0.261457',
  }))
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ version: 1, customEnvironments, selected: 'custom:merchant-1' }),
  )
  const web = await startWebConsole({ port: 0, dataDir })
  consoleUrl = web.url
  stop = () => web.close()
})
test.afterAll(async () => {
  await stop()
  await rm(dataDir, { recursive: true, force: true })
})

test('a schema-invalid settings.json is kept aside and the console says where', async ({ page }) => {
  await page.goto(consoleUrl)
  const notice = page.getByRole('alert', { name: 'Data folder notice' })
  await expect(notice).toBeVisible()
  const [copy] = (await readdir(dataDir)).filter((name) => name.startsWith('settings.json.corrupt-'))
  expect(copy).toBeDefined()
  await expect(notice).toContainText('settings.json does not have the expected content')
  await expect(notice).toContainText(join(dataDir, copy ?? ''))
  await expect(notice).toContainText('All 23 custom environments in it were recovered')
  await expect(
    page.getByLabel('Environment', { exact: true }).locator('option', { hasText: 'Merchant 23' }),
  ).toHaveCount(1)
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toBeHidden()
})
