/** Debian's Chromium through Playwright's library API, with the flags this machine needs (TOOLCHAIN.md). */
import { chromium, type Browser } from '@playwright/test'
import { CHROMIUM_ARGS } from '../../e2e/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}
