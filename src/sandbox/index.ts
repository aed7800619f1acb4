/**
 * The local Payroc-compatible gateway (INTERFACES.md "The sandbox"). A library the app embeds and a CLI
 * (`npm run sandbox`). Identity base = sandbox.url; API base = sandbox.url + '/v1'.
 */
export {
  DEFAULT_SANDBOX_API_KEY,
  startSandbox,
  stderrLogger,
  type Sandbox,
  type SandboxLogger,
  type SandboxLogLevel,
  type SandboxOptions,
  type SandboxRoute,
  type SandboxRouteRequest,
} from './server'
export {
  SEEDED_TERMINALS,
  SEEDED_TERMINAL_BLOCK,
  TerminalDirectory,
  TerminalSeed,
  TerminalSeedFile,
  loadTerminalSeedFile,
  type Terminal,
} from './terminals'
export {
  SandboxInputError,
  SandboxState,
  type AccessTokenRecord,
  type CardInput,
  type CardSource,
  type IdempotencyRecord,
  type SandboxConfig,
  type SandboxStats,
  type SecureTokenRecord,
  type SessionRecord,
  type SingleUseTokenRecord,
} from './state'
export { ExpiringStore, type Expiring } from './store'
export {
  FAULT_ROUTES,
  FaultAction,
  FaultRuleInput,
  type FaultRoute,
  type FaultRule,
  type RouteGroup,
} from './faults'
export { ConfigPatch, CONTROL_PREFIX, ResetBody } from './control'
export type { JournalEntry } from './journal'
export { json, problem, problemReply, PROBLEM_CONTENT_TYPE, JSON_CONTENT_TYPE, type Reply } from './problems'
export { MAX_BODY_BYTES } from './http'
export { luhnValid, cardType, maskCardNumber } from './cards'
export { INIT_MESSAGES, libraryScriptPath } from './library'
