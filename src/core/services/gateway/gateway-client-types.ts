/** The gateway client's dependencies and call shapes (gateway-client.ts), apart so the client stays readable. */
import type { EnvironmentInfo } from '../../../shared/environments'
import type { JournalEntry } from '../../../shared/contract'
import type { IdentityResponse } from '../../../shared/payroc'
import type { Result } from '../../../shared/result'
import type { Logger } from '../../app-types'
import type { KnownSecrets } from '../credentials/known-secrets'
import type { Journal } from '../storage/exchange-journal'
import type { ExchangeOutcome } from './exchange'
import type { HttpTimeouts } from './http-client'
import type { RetryPolicy } from './retry-policy'
import type { CallBudget } from './time-budget'
import type { TokenCache } from './token-cache'
import type { safeJson } from './wire'

export interface GatewayDeps {
  environment: EnvironmentInfo
  profile: string
  /** The API key, read from the vault on each identity call (so a replaced key is used at once). */
  apiKey: () => Promise<Result<string>>
  tokens: TokenCache
  journal: Journal
  secrets: KnownSecrets
  logger: Logger
  retry?: RetryPolicy
  timeouts?: HttpTimeouts
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

export interface IdentityDetails {
  identity: IdentityResponse
  journalId: string
  durationMs: number
}

export interface SessionOptions {
  retry?: RetryPolicy
  /** false: a 429 is returned at once (the batch check pauses all its workers on it instead). */
  retryRateLimited?: boolean
  signal?: AbortSignal
  /** The call's total time budget (≤ 30 s, retries and waits included); a fresh one per call when omitted. */
  budget?: CallBudget
}

/** A secure-token call, already validated (services/secure-tokens.ts). */
export type SecureTokenRequest = { processingTerminalId: string; singleUseToken: string } & (
  | { operation: 'secure-token:create'; secureTokenId?: string }
  | { operation: 'secure-token:update'; secureTokenId: string }
)

export type SchemaLike<T> = Parameters<typeof safeJson<T>>[1]

/** One gateway call (GatewayClient.call): what to send, how to read the answer, what the journal masks. */
export interface GatewayCall<T> {
  operation: JournalEntry['operation']
  /** Relative to the environment's API base, query included (e.g. `/payments/P1/refund`). */
  path: string
  /** POST when omitted. */
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** JSON body; none for GET / DELETE. */
  body?: unknown
  /** false: no Idempotency-Key (the spec takes none: GET, DELETE, BIN lookup). Default true. */
  idempotent?: boolean
  schema: SchemaLike<T>
  /** Token values in the answer the journal keeps masked (last 6 characters). */
  tokensOf: (value: T) => string[]
  /** Token values in the request the journal keeps masked. */
  requestTokens?: readonly string[]
}

/** A 2xx answer parsed, with what the journal and the caller need about the exchange. */
export interface Posted<T> {
  value: T
  response: Extract<ExchangeOutcome, { kind: 'response' }>
  idempotencyKey: string
  attempts: number
  durationMs: number
  journalId: string
}
