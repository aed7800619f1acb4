import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import base from './playwright.config'

/**
 * The same specs through Playwright's Electron launcher (only where an Electron binary exists; scripts/e2e.mjs
 * reports this run as skipped otherwise). e2e/fixtures.ts launches out/main/index.js per test.
 */
process.env['E2E_LAUNCHER'] = 'electron'

export default defineConfig({
  ...base,
  globalSetup: undefined,
  // e2e/fixtures.ts's `page` still asks for the base browser page: Debian's Chromium where it exists (our
  // machines), else Playwright's own (CI's hosted runners have no /usr/bin/chromium).
  use: {
    ...base.use,
    launchOptions: existsSync('/usr/bin/chromium') ? base.use?.launchOptions : {},
  },
  projects: [{ name: 'electron' }],
})
