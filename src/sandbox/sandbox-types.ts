/** The types the sandbox's parts share: the running sandbox, its options, and what a route sees. */
import type { IncomingMessage } from 'node:http'
import type { ConfigPatch } from './control-schemas'
import type { FaultRule, FaultRuleInput, RouteGroup } from './fault-rules'
import type { Reply } from './problem-replies'
import type { JournalEntry } from './state/request-journal'
import type { SandboxStats } from './state/sandbox-counters'
import type { SandboxConfig, SandboxState } from './state/sandbox-state'
import type { TerminalSeed } from './terminal-directory'

export type SandboxLogLevel = 'debug' | 'info' | 'warn' | 'error'
/** Same shape as the app's Logger, so the embedding app can pass its own. */
export interface SandboxLogger {
  log(level: SandboxLogLevel, message: string, data?: Record<string, unknown>): void
}

/** A route of the sandbox's router; extra ones (e.g. terminal capabilities) plug in with addRoute. */
export interface SandboxRoute {
  /** An HTTP method, several, or '*' for any. */
  method: string | readonly string[]
  /** Tested against the path (no query). Capture groups are passed as params. */
  path: RegExp
  /** Which fault rules apply; default 'library'. */
  group?: RouteGroup
  /** What a 405 on this path lists for this route (default: its methods). */
  allow?: string
  handle(request: SandboxRouteRequest): Reply | Promise<Reply>
}

export interface SandboxRouteRequest {
  req: IncomingMessage
  method: string
  /** Path without the query. */
  path: string
  query: string
  /** Path with the query, as sent: the "URI" idempotency compares. */
  uri: string
  params: string[]
  body: string
  state: SandboxState
  sandbox: Sandbox
  /** Set once the configured latency has been waited out (inside the idempotency section). */
  latencyDone: boolean
}

export interface SandboxOptions {
  /** 0 (default) = a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Accepted x-api-key values; default [DEFAULT_SANDBOX_API_KEY]. */
  apiKeys?: readonly string[]
  tokenTtlSeconds?: number
  sessionTtlSeconds?: number
  idempotencyTtlSeconds?: number
  /** Seed terminals: an array, or the path of a JSON seed file. Replaces the default table and 555 block. */
  terminals?: readonly TerminalSeed[] | string
  /** Added to every gateway answer. */
  latencyMs?: number
  clockOffsetSeconds?: number
  /** Count cap of each store (sessions, idempotency keys, tokens); oldest evicted first. Default 200,000. */
  maxEntries?: number
  /** Journal ring-buffer size; default 1,000. */
  journalSize?: number
  logger?: SandboxLogger
  routes?: readonly SandboxRoute[]
}

export interface Sandbox {
  /** http://host:port, no trailing slash. Identity base = url; API base = url + '/v1'. */
  readonly url: string
  readonly port: number
  readonly host: string
  readonly state: SandboxState
  close(): Promise<void>
  /** Clears sessions, idempotency keys, tokens (Bearer tokens only with { accessTokens: true }), faults, journal, counters, config. */
  reset(options?: { accessTokens?: boolean }): void
  addFault(rule: FaultRuleInput): FaultRule
  clearFaults(): number
  configure(patch: ConfigPatch): SandboxConfig
  config(): SandboxConfig
  journal(limit?: number): JournalEntry[]
  stats(): SandboxStats
  addRoute(route: SandboxRoute): void
  /** The simulated library's submit, in-process (see SandboxState.issueSingleUseToken). */
  issueSingleUseToken: SandboxState['issueSingleUseToken']
}
