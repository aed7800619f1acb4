/**
 * Debian's Chromium and the flags it needs on these machines (TOOLCHAIN.md): without the background-networking
 * ones it floods the closed network. Used by the merchant-page driver at run time and by the e2e config.
 */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

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
