/**
 * What every spec gets, whatever launched the console: `page` already showing the console (ready to create a
 * session), and `sandboxUrl`, the embedded sandbox's base URL as the page reports it. The browser-preview run
 * takes the URL from the global setup; another launcher (Electron) overrides `page` the same way.
 */
import { _electron, test as base, expect, type Page } from '@playwright/test'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sandboxControlClient } from '../src/sandbox/control-client'

export const SCREENSHOT_DIR = join(__dirname, '../docs/screenshots')

export const test = base.extend<{ sandboxUrl: string }>({
  page: async ({ page }, use) => {
    if (process.env['E2E_LAUNCHER'] === 'electron') {
      // The Electron launcher (playwright.electron.config.ts): the built app, its own temporary data folder.
      const dataDir = await mkdtemp(join(tmpdir(), 'hfc-e2e-electron-'))
      const app = await _electron.launch({
        args: [join(__dirname, '../out/main/index.js')],
        env: { ...process.env, HFC_DATA_DIR: dataDir },
      })
      const window = await app.firstWindow()
      await expect(window.getByRole('button', { name: 'Create session' })).toBeEnabled()
      process.env['E2E_DATA_DIR'] = dataDir
      await use(window)
      await app.close()
      await rm(dataDir, { recursive: true, force: true })
      return
    }
    const url = process.env['E2E_CONSOLE_URL']
    if (!url)
      throw new Error(
        'E2E_CONSOLE_URL is not set: run through playwright.config.ts (its global setup starts the console)',
      )
    await page.goto(url)
    await expect(page.getByRole('button', { name: 'Create session' })).toBeEnabled()
    await use(page)
  },
  sandboxUrl: async ({ page }, use) => {
    const text = await page.getByTestId('sandbox-url').textContent()
    if (!text) throw new Error('The console did not show the embedded sandbox URL')
    await use(text.trim())
  },
})

export { expect }

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
}

/** How many create-session calls the embedded sandbox has seen (its journal, via the control API). */
export async function sessionCallCount(sandboxUrl: string): Promise<number> {
  const entries = await sandboxControlClient(sandboxUrl).journal(1000)
  return entries.filter((entry) => entry.route === 'sessions').length
}

export const MM_SS = /^\d{2}:\d{2}$/

export const toSeconds = (mmss: string): number => {
  const [m, s] = mmss.split(':').map(Number)
  return (m ?? 0) * 60 + (s ?? 0)
}

/** Fills and saves the Custom environment form for a gateway whose API, identity and CDN share one base URL. */
export async function addCustomEnvironment(page: Page, name: string, baseUrl: string): Promise<void> {
  await page.getByText('Custom environment').click()
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel('API base URL').fill(`${baseUrl}/v1`)
  await page.getByLabel('Identity base URL').fill(baseUrl)
  await page.getByLabel('CDN base URL').fill(baseUrl)
  await page.getByRole('button', { name: 'Save environment' }).click()
  await expect(page.getByLabel('Environment').locator('option:checked')).toHaveText(name)
}

/**
 * Types a key into Credentials, saves it, and checks the page shows only its masked form, clears the input and
 * that the key works ("Test credentials").
 */
export async function saveAndTestKey(page: Page, apiKey: string): Promise<void> {
  const credentials = page.getByRole('region', { name: 'Credentials' })
  const keyInput = credentials.getByLabel('API key')
  await keyInput.fill(apiKey)
  await credentials.getByRole('button', { name: 'Save key' }).click()
  await expect(credentials).toContainText(`${apiKey.slice(0, 4)}…${apiKey.slice(-4)}`)
  await expect(keyInput).toHaveValue('')
  await credentials.getByRole('button', { name: 'Test credentials' }).click()
  await expect(credentials).toContainText('Credentials work')
}
