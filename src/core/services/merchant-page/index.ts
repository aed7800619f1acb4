/**
 * Check a merchant's checkout page (issue 17): load it in an isolated browser, watch its Hosted Fields
 * integration over CDP, and judge the checks script, version, sri, csp, secrets, selectors, init and session.
 */
export { analyzePage, reportFailed, type AnalyzeOptions } from './analyzer'
export { CdpRecorder, RECORDED_METHODS, type CdpTransport } from './cdp-recorder'
export {
  checkMerchantPage,
  chromiumEngine,
  launchChromium,
  parsePageUrl,
  PageUrlError,
  type CheckPageOptions,
  type CheckPageResult,
} from './playwright-driver'
export {
  loadFailure,
  runPageCheck,
  type EngineCheckOptions,
  type EnginePage,
  type PageEngine,
} from './page-engine'
export { isolationPolicy, refusal, isLoopbackHost, type IsolationPolicy } from './isolation'
export {
  customEnvironment,
  PRODUCTION_ENVIRONMENT,
  sandboxEnvironment,
  UAT_ENVIRONMENT,
  KNOWN_LIBRARIES,
} from './knowledge'
export { CHECK_IDS } from './types'
export type * from './types'
