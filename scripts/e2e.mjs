// e2e: the same Playwright specs through two launchers. Chromium + browser preview always; Electron only where
// a binary exists — otherwise it is reported as skipped, with the reason, never as passed.
import { spawnSync } from 'node:child_process'
import { findElectronBinary } from './electron-binary.mjs'

const extra = process.argv.slice(2)
const chromium = spawnSync('npx', ['playwright', 'test', '--config', 'playwright.config.ts', ...extra], {
  stdio: 'inherit',
})
if (chromium.status !== 0) process.exit(chromium.status ?? 1)

const electron = findElectronBinary()
if ('missing' in electron) {
  console.log(`\nElectron e2e launcher: SKIPPED (not run, not passed) — ${electron.missing}.`)
  console.log("The same specs run under Playwright's _electron launcher on machines where the binary exists.")
  process.exit(0)
}
const run = spawnSync('npx', ['playwright', 'test', '--config', 'playwright.electron.config.ts', ...extra], {
  stdio: 'inherit',
})
process.exit(run.status ?? 1)
