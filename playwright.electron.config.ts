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
  projects: [{ name: 'electron' }],
})
