/**
 * Editing a custom environment's hosts holds its stored key: after moving the environment from one sandbox to
 * another, Credentials asks "send the stored key to <new identity host>?", a create is refused without a request
 * to the new host, and only after Confirm does the key go there.
 */
import { randomBytes } from 'node:crypto'
import { startSandbox, type Sandbox } from '../src/sandbox'
import { sandboxControlClient } from '../src/sandbox/control-client'
import { addCustomEnvironment, expect, saveAndTestKey, screenshot, test } from './fixtures'

let before: Sandbox
let after: Sandbox
const apiKey = `moving-key-${randomBytes(12).toString('hex')}`

test.beforeAll(async () => {
  ;[before, after] = await Promise.all([
    startSandbox({ port: 0, apiKeys: [apiKey] }),
    startSandbox({ port: 0, apiKeys: [apiKey] }),
  ])
})
test.afterAll(async () => {
  await Promise.all([before?.close(), after?.close()])
})

const requestsTo = async (sandbox: Sandbox) => (await sandboxControlClient(sandbox.url).journal(1000)).length

test('a hosts change holds the stored key until Confirm in Credentials', async ({ page }) => {
  test.setTimeout(60_000)
  const name = `Moving ${randomBytes(3).toString('hex')}`
  await addCustomEnvironment(page, name, before.url)
  await saveAndTestKey(page, apiKey)

  // Edit the environment: the same key, now at another host.
  await page
    .getByRole('region', { name: 'Target' })
    .getByRole('button', { name: 'Edit this custom environment' })
    .click()
  await page.getByLabel('API base URL').fill(`${after.url}/v1`)
  await page.getByLabel('Identity base URL').fill(after.url)
  await page.getByLabel('CDN base URL').fill(after.url)
  await page.getByRole('button', { name: 'Save changes' }).click()

  const credentials = page.getByRole('region', { name: 'Credentials' })
  const host = new URL(after.url).host
  const prompt = credentials.getByRole('group', {
    name: `The hosts of this environment changed; send the stored key to ${host}?`,
  })
  await expect(prompt).toBeVisible()
  await screenshot(page, 'key-reconfirm')

  await page.getByLabel('Processing terminal ID').fill('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'held' })).toBeVisible()
  expect(await requestsTo(after)).toBe(0)

  await prompt.getByRole('button', { name: 'Confirm' }).click()
  await expect(prompt).toBeHidden()
  await credentials.getByRole('button', { name: 'Test credentials' }).click()
  await expect(credentials).toContainText('Credentials work')
  expect(await requestsTo(after)).toBeGreaterThan(0)

  // Leave the shared console as we found it.
  await credentials.getByRole('button', { name: 'Delete key' }).click()
  await expect(credentials).toContainText('No key stored')
  await page.getByRole('button', { name: 'Delete this custom environment' }).click()
  await expect(page.getByLabel('Environment')).toHaveValue('sandbox')
})
