/** Shared by the diagnosis specs: downloads read back, and the checks every exported file must pass. */
import type { Download, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expect } from './fixtures'

/** The embedded sandbox's default API key (INTERFACES.md). */
export const SANDBOX_API_KEY = 'sandbox-api-key'
/** Sandbox Bearer tokens are 96 hex characters (two 48-hex tokens); session tokens are 48. */
const ACCESS_TOKEN = /[0-9a-f]{96}/i
const FULL_SESSION_TOKEN = /[0-9a-f]{48}/i
const BEARER_VALUE = /Bearer\s+(?!\$PAYROC_BEARER)[A-Za-z0-9._~+/-]{12,}/

export async function textOf(download: Download): Promise<string> {
  const path = await download.path()
  return readFile(path, 'utf8')
}

/** No API key, no Bearer token, no full session token in an exported file. */
export function expectNoSecrets(name: string, text: string): void {
  expect(text, `${name} contains the API key`).not.toContain(SANDBOX_API_KEY)
  expect(text, `${name} contains an access token`).not.toMatch(ACCESS_TOKEN)
  expect(text, `${name} contains a full session token`).not.toMatch(FULL_SESSION_TOKEN)
  expect(text, `${name} contains a Bearer value`).not.toMatch(BEARER_VALUE)
}

/** Collects every download the page starts from now on. */
export function collectDownloads(page: Page): Download[] {
  const downloads: Download[] = []
  page.on('download', (download) => downloads.push(download))
  return downloads
}

/** Clicks the screen's Export CSV and reads back the one file it downloads: its suggested name and text. */
export async function exportCsv(page: Page): Promise<{ filename: string; csv: string }> {
  const downloads = collectDownloads(page)
  await page.getByRole('button', { name: 'Export CSV' }).click()
  await expect.poll(() => downloads.length).toBe(1)
  const [download] = downloads
  if (!download) throw new Error('no download')
  return { filename: download.suggestedFilename(), csv: await textOf(download) }
}

export async function openScreen(
  page: Page,
  name: 'Session' | 'History' | 'Batch check' | 'Preflight' | 'Merchant page',
): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Sections' })
  await nav.getByRole('button', { name, exact: true }).click()
  await expect(nav.getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page')
}
