/**
 * The local Payroc-compatible gateway (INTERFACES.md "The sandbox"). A library the app embeds and a CLI
 * (`npm run sandbox`). Identity base = sandbox.url; API base = sandbox.url + '/v1'.
 */
export { DEFAULT_SANDBOX_API_KEY, startSandbox, stderrLogger } from './sandbox-server'
export type {
  Sandbox,
  SandboxLogger,
  SandboxLogLevel,
  SandboxOptions,
  SandboxRoute,
  SandboxRouteRequest,
} from './sandbox-types'
export { SandboxRouter, type RouteResult } from './router'
export {
  SEEDED_TERMINALS,
  SEEDED_TERMINAL_BLOCK,
  TerminalDirectory,
  TerminalSeed,
  TerminalSeedFile,
  loadTerminalSeedFile,
  type Terminal,
} from './terminal-directory'
export { SandboxState, type SandboxConfig } from './state/sandbox-state'
export { SandboxInputError } from './state/sandbox-input-error'
export type { SandboxStats } from './state/sandbox-counters'
export type { AccessTokenRecord } from './state/access-token-store'
export type { IdempotencyRecord } from './state/idempotency-store'
export type { SecureTokenRecord } from './state/secure-token-store'
export type { SessionRecord } from './state/session-store'
export type { CardInput, CardSource, SingleUseTokenRecord } from './state/single-use-token-store'
export { ExpiringStore, type Expiring } from './state/expiring-store'
export {
  FAULT_ROUTES,
  FaultAction,
  FaultRuleInput,
  type FaultRoute,
  type FaultRule,
  type RouteGroup,
} from './fault-rules'
export { ConfigPatch, CONTROL_PREFIX, ResetBody } from './control-schemas'
export type { JournalEntry } from './state/request-journal'
export {
  json,
  problem,
  problemReply,
  PROBLEM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  type Reply,
} from './problem-replies'
export { MAX_BODY_BYTES } from './sandbox-http'
export { luhnValid, cardType, maskCardNumber } from './card-checks'
export { INVALID_SESSION_MESSAGE, libraryScriptPath } from './library'
export {
  SandboxControlClient,
  SandboxControlError,
  sandboxControlClient,
  type SandboxTerminals,
} from './control-client'
