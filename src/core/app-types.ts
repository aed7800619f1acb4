/**
 * The seam between the services and the two shells (Electron in src/main/index.ts, the browser preview in
 * src/web). `createConsole` (src/core/console-app.ts) builds every service and returns `dispatch`, the one way into the channels.
 */
import type { AppInfo, ConsoleEvent } from '../shared/contract'
import type { Dispatch } from './dispatch'
import type { HttpTimeouts } from './services/gateway/http-client'
import type { RetryPolicy } from './services/gateway/retry-policy'

export interface SecretStore {
  get(service: string, account: string): Promise<string | null>
  set(service: string, account: string, secret: string): Promise<void>
  delete(service: string, account: string): Promise<boolean>
  /** Accounts this app wrote under `service` (never other libraries' items). */
  list(service: string): Promise<string[]>
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export interface Logger {
  log(level: LogLevel, message: string, data?: Record<string, unknown>): void
}

export interface ConsoleOptions {
  /** Where history, settings and the log live. Tests always pass a temporary folder. */
  dataDir: string
  transport: 'electron' | 'web'
  appVersion: string
  /** Origin of the Hosted Fields test page server (second loopback port). */
  testPageOrigin: string
  /** Defaults to keytar. Integration tests use the real keychain too; unit tests may pass a fake. */
  secretStore?: SecretStore
  /** Options for the embedded sandbox (port 0 = free port, the default). */
  sandbox?: { port?: number }
  logger?: Logger
  /** Gateway client tuning; tests shorten the backoff so retries run in milliseconds. */
  gateway?: { retry?: Partial<RetryPolicy>; timeouts?: Partial<HttpTimeouts> }
  /** History tuning (tests: a small cap, a short write delay). */
  history?: { capacity?: number; writeDelayMs?: number }
}

export interface ConsoleApp {
  /** The only way into the channels: validation, policies, the handler, error trapping, scrubbing. */
  dispatch: Dispatch
  info: AppInfo
  subscribe(listener: (event: ConsoleEvent) => void): () => void
  close(): Promise<void>
}
