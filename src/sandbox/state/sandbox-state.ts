/**
 * The sandbox's in-memory state: clock, configuration, accepted API keys, one store per kind of record (each
 * with its operations in its own module: session-store.ts, access-token-store.ts, …),
 * terminals, faults, journal and counters. Routes go through here, and the embedding app (or the simulated
 * Hosted Fields library) can use the same object directly.
 */
import type { Scenario } from '../../shared/payroc'
import { FaultSet } from '../fault-rules'
import type { Terminal, TerminalDirectory } from '../terminal-directory'
import { issueAccessToken, type AccessTokenRecord } from './access-token-store'
import { ExpiringStore } from './expiring-store'
import type { IdempotencyRecord, InFlightRequest } from './idempotency-store'
import { apiKeyIdOf } from './random-tokens'
import { RequestJournal } from './request-journal'
import { countResponse, emptyCounters, type SandboxStats } from './sandbox-counters'
import { SandboxClock } from './sandbox-clock'
import { closeBatch, type PaymentRecord } from './payment-ledger'
import type { DeletedSecureToken, SecureTokenRecord } from './secure-token-store'
import {
  createSession,
  lookupSession,
  newSessionStore,
  type SessionLookup,
  type SessionRecord,
} from './session-store'
import {
  consumeSingleUseToken,
  issueSingleUseToken,
  type CardInput,
  type SingleUseTokenRecord,
  type SingleUseTokenUse,
} from './single-use-token-store'

export interface SandboxConfig {
  sessionTtlSeconds: number
  tokenTtlSeconds: number
  idempotencyTtlSeconds: number
  /** Shifts the sandbox clock: the Date header, expiresAt values and every expiry check. */
  clockOffsetSeconds: number
  /** Added to every gateway answer (not to the control API). */
  latencyMs: number
  singleUseTokenTtlSeconds: number
  /** How long a sale with a forced slow amount (minor units ending 04) waits before it is answered; 20 s. */
  slowOutcomeMs: number
}

export interface StateOptions {
  apiKeys: readonly string[]
  terminals: TerminalDirectory
  config: SandboxConfig
  maxEntries: number
  journalSize: number
}

export class SandboxState {
  readonly config: SandboxConfig
  readonly initialConfig: Readonly<SandboxConfig>
  /** API key → its non-secret id. */
  readonly apiKeys: ReadonlyMap<string, string>
  readonly terminals: TerminalDirectory
  readonly faults = new FaultSet()
  readonly journal: RequestJournal
  readonly sessions: ExpiringStore<SessionRecord>
  readonly accessTokens: ExpiringStore<AccessTokenRecord>
  readonly idempotency: ExpiringStore<IdempotencyRecord>
  /** Requests holding an Idempotency-Key whose answer is not known yet (scoped key → waiters). */
  readonly inFlight = new Map<string, InFlightRequest>()
  readonly singleUseTokens: ExpiringStore<SingleUseTokenRecord>
  /** Keyed by `${processingTerminalId}\n${secureTokenId}` (secureTokenKey). */
  readonly secureTokens: ExpiringStore<SecureTokenRecord>
  /** Deleted secure tokens (same key): a deleted secureTokenId cannot be used again. */
  readonly deletedSecureTokens: ExpiringStore<DeletedSecureToken>
  /** Card and bank-transfer payments by paymentId. */
  readonly payments: ExpiringStore<PaymentRecord>
  counters = emptyCounters()
  private readonly clock: SandboxClock

  constructor(options: StateOptions) {
    this.config = { ...options.config }
    this.initialConfig = Object.freeze({ ...options.config })
    this.clock = new SandboxClock(this.config.clockOffsetSeconds)
    this.apiKeys = new Map(options.apiKeys.map((key) => [key, apiKeyIdOf(key)]))
    this.terminals = options.terminals
    this.journal = new RequestJournal(options.journalSize)
    const now = () => this.clock.now()
    this.sessions = newSessionStore(options.maxEntries, now)
    this.accessTokens = new ExpiringStore(options.maxEntries, now)
    this.idempotency = new ExpiringStore(options.maxEntries, now)
    this.singleUseTokens = new ExpiringStore(options.maxEntries, now)
    this.secureTokens = new ExpiringStore(options.maxEntries, now)
    this.deletedSecureTokens = new ExpiringStore(options.maxEntries, now)
    this.payments = new ExpiringStore(options.maxEntries, now)
  }

  /** Epoch ms on the sandbox clock (real time shifted by clockOffsetSeconds). */
  now(): number {
    return this.clock.now()
  }

  /** The `Date` header value (cached per second). */
  httpDate(): string {
    return this.clock.httpDate()
  }

  configure(patch: Partial<SandboxConfig>): SandboxConfig {
    for (const [key, value] of Object.entries(patch) as [keyof SandboxConfig, number | undefined][]) {
      if (value !== undefined) this.config[key] = value
    }
    this.clock.setOffset(this.config.clockOffsetSeconds)
    return { ...this.config }
  }

  /** Clears sessions, idempotency keys, single-use and secure tokens, payments, faults, journal, counters and config. */
  reset(options: { accessTokens?: boolean } = {}): void {
    this.sessions.clear()
    this.idempotency.clear()
    this.singleUseTokens.clear()
    this.secureTokens.clear()
    this.deletedSecureTokens.clear()
    this.payments.clear()
    if (options.accessTokens) this.accessTokens.clear()
    this.faults.clear()
    this.faults.appliedTotal = 0
    this.journal.clear()
    this.counters = emptyCounters()
    this.configure({ ...this.initialConfig })
  }

  sweep(): void {
    this.sessions.sweep()
    this.accessTokens.sweep()
    this.idempotency.sweep()
    this.singleUseTokens.sweep()
  }

  stats(): SandboxStats {
    const c = this.counters
    return {
      sessionsCreated: c.sessionsCreated,
      accessTokensIssued: c.accessTokensIssued,
      idempotentReplays: c.idempotentReplays,
      singleUseTokensIssued: c.singleUseTokensIssued,
      secureTokensCreated: c.secureTokensCreated,
      secureTokensUpdated: c.secureTokensUpdated,
      secureTokensDeleted: c.secureTokensDeleted,
      paymentsCreated: c.paymentsCreated,
      faultsApplied: this.faults.appliedTotal,
      internalErrors: c.internalErrors,
      requests: { ...c.requests },
      responses: { ...c.responses },
      stores: {
        sessions: this.sessions.size,
        idempotency: this.idempotency.size,
        idempotencyInFlight: this.inFlight.size,
        accessTokens: this.accessTokens.size,
        singleUseTokens: this.singleUseTokens.size,
        secureTokens: this.secureTokens.size,
        payments: this.payments.size,
        journal: this.journal.size,
        faults: this.faults.size,
      },
      evicted: {
        sessions: this.sessions.evictedByCap,
        idempotency: this.idempotency.evictedByCap,
        accessTokens: this.accessTokens.evictedByCap,
        singleUseTokens: this.singleUseTokens.evictedByCap,
      },
    }
  }

  countResponse(status: number | 'reset'): void {
    countResponse(this.counters, status)
  }

  // ---- the in-process API (the routes and the simulated library use it) --------------------------------

  issueAccessToken(apiKey: string): { accessToken: string; record: AccessTokenRecord } | undefined {
    const apiKeyId = this.apiKeys.get(apiKey)
    if (apiKeyId === undefined) return undefined
    const issued = issueAccessToken(
      this.accessTokens,
      apiKey,
      apiKeyId,
      this.config.tokenTtlSeconds,
      this.now(),
    )
    this.counters.accessTokensIssued++
    return issued
  }

  terminalFor(processingTerminalId: string, apiKey: string): Terminal | undefined {
    return this.terminals.forKey(processingTerminalId, apiKey)
  }

  createSession(input: {
    processingTerminalId: string
    scenario: Scenario
    libVersion: string
    secureTokenId?: string
    apiKeyId: string
  }): SessionRecord {
    const record = createSession(this.sessions, input, this.config.sessionTtlSeconds, this.now())
    this.counters.sessionsCreated++
    return record
  }

  /** The live session for a token (undefined when unknown, evicted or expired). */
  findSession(token: string): SessionRecord | undefined {
    return this.sessions.get(token)
  }

  /** Expires a live session at once (QA's "Expire now"); false when the token is unknown or already expired. */
  expireSession(token: string): boolean {
    const record = this.sessions.get(token)
    if (!record) return false
    record.expiresAt = this.now() - 1
    return true
  }

  /** Why a token cannot be used: 'unknown' | 'expired', or the live record. */
  lookupSession(token: string): SessionLookup {
    return lookupSession(this.sessions, token, this.now())
  }

  /**
   * What the simulated library's submit does: checks the session and the card (Luhn, expiry) and returns a
   * single-use token valid for 30 minutes (single use). Throws SandboxInputError naming the bad parameters.
   */
  issueSingleUseToken(input: { sessionToken: string; card: CardInput }): {
    token: string
    expiresAt: string
  } {
    const found = this.lookupSession(input.sessionToken)
    const ttl = this.config.singleUseTokenTtlSeconds
    const record = issueSingleUseToken(this.singleUseTokens, found, input.card, ttl, this.now())
    this.counters.singleUseTokensIssued++
    return { token: record.token, expiresAt: new Date(record.expiresAt).toISOString() }
  }

  /** Closes the open batch (of one terminal, or all): ready payments become settled (complete). */
  closeBatch(processingTerminalId?: string): number {
    return closeBatch(this.payments, processingTerminalId)
  }

  /** Consumes a single-use token for a secure-token call or a payment (see consumeSingleUseToken). */
  consumeSingleUseToken(
    token: string,
    processingTerminalId: string,
    use: SingleUseTokenUse = 'secure-token',
  ): SingleUseTokenRecord {
    return consumeSingleUseToken(this.singleUseTokens, token, processingTerminalId, this.now(), use)
  }
}
