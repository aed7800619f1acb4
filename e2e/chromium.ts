/**
 * Debian's Chromium flags for this kind of machine (TOOLCHAIN.md). One list, kept with the merchant-page driver
 * that also launches Chromium at run time; shared by the Playwright config and the benchmark.
 */
export { CHROMIUM_ARGS } from '../src/core/chromium'
