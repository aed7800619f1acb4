/**
 * Everything the channel handlers work with, built once by the console app (console-app.ts) and handed to every
 * handler module. Types only.
 */
import type { AppInfo, ConsoleEvent } from '../shared/contract'
import type { Logger } from './app-types'
import type { KnownSecrets } from './services/credentials/known-secrets'
import type { Vault } from './services/credentials/vault'
import type { KeyStores } from './services/credentials/key-stores'
import type { LiveSession } from './services/live/live-session'
import type { BatchRuns } from './services/diagnostics/batch-runs'
import type { PreflightReports } from './services/diagnostics/preflight-steps'
import type { Environments } from './services/gateway/environment-store'
import type { GatewayRegistry } from './services/gateway/gateway-registry'
import type { HttpTimeouts } from './services/gateway/http-client'
import type { InFlightCalls } from './services/gateway/time-budget'
import type { Journal } from './services/storage/exchange-journal'
import type { History } from './services/storage/session-history'
import type { PageChecks } from './services/merchant-page/page-checks'
import type { PayrocLibrary } from './services/library/payroc-library'

export interface CoreServices {
  info: AppInfo
  environments: Environments
  vault: Vault
  /** Where the vault's keys live (keychain, safeStorage fallback, session only). */
  keyStores: KeyStores
  /** The live session and its Event log (a reload restores them). */
  liveSession: LiveSession
  gateways: GatewayRegistry
  journal: Journal
  logger: Logger
  emit: (event: ConsoleEvent) => void
  history: History
  preflights: PreflightReports
  batches: BatchRuns
  secrets: KnownSecrets
  timeouts: HttpTimeouts
  pageChecks: PageChecks
  /** Creates in flight by their requestId, for session:cancel (button Cancel request). */
  inFlight: InFlightCalls
  /** The Sandbox environment's library source and the user's verified copies of Payroc's script. */
  library: PayrocLibrary
  /** Whether a sandbox terminal has secure tokens (undefined: unknown terminal or no answer). */
  sandboxTokenization?: (processingTerminalId: string) => Promise<boolean | undefined>
}
