/**
 * Debian's Chromium flags for this kind of machine (TOOLCHAIN.md): without the background-networking ones it
 * floods the closed network. Shared by the Playwright config and the benchmark.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]
