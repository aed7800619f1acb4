import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS } from './e2e/chromium'

/**
 * e2e through the browser preview in Debian's Chromium. The global setup starts the web console (the real
 * services, the embedded sandbox, the real keychain of scripts/with-keyring.sh) on a free port with a
 * temporary data folder; the specs are transport-agnostic (see e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  // One console and one embedded sandbox are shared: the expiry spec changes the sandbox's session TTL.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium-web-preview', use: { browserName: 'chromium' } }],
})
