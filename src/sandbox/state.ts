/**
 * The sandbox's in-memory state: clock, configuration, accepted API keys, stores, terminals, faults, journal
 * and counters. Everything the HTTP layer does goes through here, and the embedding app (or the simulated
 * Hosted Fields library) can use the same object directly.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { ProblemError, Scenario } from '../shared/payroc'
import { cardType, expiryInPast, luhnValid, maskCardNumber, parseExpiry } from './cards'
import { FaultSet, type RouteGroup } from './faults'
import { Journal } from './journal'
import type { Reply } from './problems'
import { ExpiringStore } from './store'
import { TerminalDirectory, type Terminal } from './terminals'

export interface SandboxConfig {
  sessionTtlSeconds: number
  tokenTtlSeconds: number
  idempotencyTtlSeconds: number
  /** Shifts the sandbox clock: the Date header, expiresAt values and every expiry check. */
  clockOffsetSeconds: number
  /** Added to every gateway answer (not to the control API). */
  latencyMs: number
  singleUseTokenTtlSeconds: number
}

export interface SessionRecord {
  token: string
  processingTerminalId: string
  scenario: Scenario
  libVersion: string
  secureTokenId?: string
  /** A non-secret id of the API key (merchant) that created the session. */
  apiKeyId: string
  /** Epoch ms, sandbox clock. */
  createdAt: number
  /** Epoch ms, sandbox clock. */
  expiresAt: number
  /** Id of the Hosted Fields instance that initialised the session (a token serves one instance). */
  initializedBy?: string
}

export interface AccessTokenRecord {
  apiKey: string
  apiKeyId: string
  issuedAt: number
  expiresAt: number
}

export interface IdempotencyRecord {
  method: string
  uri: string
  body: string
  /** The stored answer; a created session is kept compactly in `session` instead (rebuilt on replay). */
  reply?: Reply
  session?: { token: string; processingTerminalId: string; expiresAt: number }
  expiresAt: number
}

export interface CardInput {
  cardholderName: string
  cardNumber: string
  expiryDate: string
}

export interface CardSource {
  type: 'card'
  cardholderName: string
  /** Masked: first 6 … last 4. The full number is never kept. */
  cardNumber: string
  expiryDate: string
  cardType: string
}

export interface SingleUseTokenRecord {
  token: string
  sessionToken: string
  processingTerminalId: string
  scenario: Scenario
  secureTokenId?: string
  source: CardSource
  createdAt: number
  expiresAt: number
  usedAt?: number
}

export interface SecureTokenRecord {
  secureTokenId: string
  processingTerminalId: string
  token: string
  source: CardSource
  mitAgreement?: string
  apiKeyId: string
  createdAt: number
  updatedAt: number
  /** Secure tokens do not expire; the store's count cap bounds them. */
  expiresAt: number
}

/** Thrown by state operations with input the gateway answers with 400 (errors[] names the parameters). */
export class SandboxInputError extends Error {
  constructor(readonly errors: ProblemError[]) {
    super(
      errors.map((error) => `${error.parameter ?? ''}: ${error.detail ?? error.message ?? ''}`).join('; '),
    )
    this.name = 'SandboxInputError'
  }
}

export interface SandboxStats {
  sessionsCreated: number
  accessTokensIssued: number
  idempotentReplays: number
  singleUseTokensIssued: number
  secureTokensCreated: number
  secureTokensUpdated: number
  faultsApplied: number
  internalErrors: number
  /** Requests seen, by route group; control API requests are counted apart and not in total. */
  requests: Record<RouteGroup | 'other' | 'total' | 'control', number>
  /** Gateway answers by status code (control API excluded; reset connections count as "reset"). */
  responses: Record<string, number>
  stores: {
    sessions: number
    idempotency: number
    idempotencyInFlight: number
    accessTokens: number
    singleUseTokens: number
    secureTokens: number
    journal: number
    faults: number
  }
  evicted: { sessions: number; idempotency: number; accessTokens: number; singleUseTokens: number }
}

const emptyCounters = () => ({
  sessionsCreated: 0,
  accessTokensIssued: 0,
  idempotentReplays: 0,
  singleUseTokensIssued: 0,
  secureTokensCreated: 0,
  secureTokensUpdated: 0,
  internalErrors: 0,
  requests: { authorize: 0, sessions: 0, 'secure-tokens': 0, library: 0, other: 0, total: 0, control: 0 },
  responses: {} as Record<string, number>,
})

export const apiKeyIdOf = (apiKey: string): string =>
  `key_${createHash('sha256').update(apiKey).digest('hex').slice(0, 12)}`

/** Random bytes drawn from a refilled pool: one syscall per 512 tokens instead of one per token. */
const POOL_SIZE = 12 * 1024
let pool = randomBytes(POOL_SIZE)
let poolOffset = 0
function randomHex(bytes: number): string {
  if (poolOffset + bytes > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE)
    poolOffset = 0
  }
  const out = pool.toString('hex', poolOffset, poolOffset + bytes)
  poolOffset += bytes
  return out
}

/** A 48-hex-character (192-bit) random token. */
export const newToken = (): string => randomHex(24)

export interface StateOptions {
  apiKeys: readonly string[]
  terminals: TerminalDirectory
  config: SandboxConfig
  maxEntries: number
  journalSize: number
}

/** How long an expired session is remembered (count-capped like every store). */
export const SESSION_RETAIN_MS = 60 * 60 * 1000

export class SandboxState {
  readonly config: SandboxConfig
  readonly initialConfig: Readonly<SandboxConfig>
  /** API key → its non-secret id. */
  readonly apiKeys: ReadonlyMap<string, string>
  readonly terminals: TerminalDirectory
  readonly faults = new FaultSet()
  readonly journal: Journal
  readonly sessions: ExpiringStore<SessionRecord>
  readonly accessTokens: ExpiringStore<AccessTokenRecord>
  readonly idempotency: ExpiringStore<IdempotencyRecord>
  /** Requests holding an Idempotency-Key whose answer is not known yet (scoped key → waiters). */
  readonly inFlight = new Map<string, { method: string; uri: string; body: string; done: Promise<void> }>()
  readonly singleUseTokens: ExpiringStore<SingleUseTokenRecord>
  /** Keyed by `${processingTerminalId}\n${secureTokenId}`. */
  readonly secureTokens: ExpiringStore<SecureTokenRecord>
  counters = emptyCounters()
  private offsetMs = 0
  private dateSecond = -1
  private dateText = ''

  constructor(options: StateOptions) {
    this.config = { ...options.config }
    this.initialConfig = Object.freeze({ ...options.config })
    this.offsetMs = this.config.clockOffsetSeconds * 1000
    this.apiKeys = new Map(options.apiKeys.map((key) => [key, apiKeyIdOf(key)]))
    this.terminals = options.terminals
    this.journal = new Journal(options.journalSize)
    const now = () => this.now()
    // Expired sessions are kept an hour so the library can say "expired" rather than "invalid".
    this.sessions = new ExpiringStore(options.maxEntries, now, SESSION_RETAIN_MS)
    this.accessTokens = new ExpiringStore(options.maxEntries, now)
    this.idempotency = new ExpiringStore(options.maxEntries, now)
    this.singleUseTokens = new ExpiringStore(options.maxEntries, now)
    this.secureTokens = new ExpiringStore(options.maxEntries, now)
  }

  /** Epoch ms on the sandbox clock (real time shifted by clockOffsetSeconds). */
  now(): number {
    return Date.now() + this.offsetMs
  }

  /** The `Date` header value (cached per second). */
  httpDate(): string {
    const now = this.now()
    const second = Math.floor(now / 1000)
    if (second !== this.dateSecond) {
      this.dateSecond = second
      this.dateText = new Date(second * 1000).toUTCString()
    }
    return this.dateText
  }

  configure(patch: Partial<SandboxConfig>): SandboxConfig {
    for (const [key, value] of Object.entries(patch) as [keyof SandboxConfig, number | undefined][]) {
      if (value !== undefined) this.config[key] = value
    }
    this.offsetMs = this.config.clockOffsetSeconds * 1000
    this.dateSecond = -1
    return { ...this.config }
  }

  /** Clears sessions, idempotency keys, single-use and secure tokens, faults, journal, counters and config. */
  reset(options: { accessTokens?: boolean } = {}): void {
    this.sessions.clear()
    this.idempotency.clear()
    this.singleUseTokens.clear()
    this.secureTokens.clear()
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
    const key = String(status)
    this.counters.responses[key] = (this.counters.responses[key] ?? 0) + 1
  }

  // ---- identity ------------------------------------------------------------------------------------------

  issueAccessToken(apiKey: string): { accessToken: string; record: AccessTokenRecord } | undefined {
    const apiKeyId = this.apiKeys.get(apiKey)
    if (apiKeyId === undefined) return undefined
    const now = this.now()
    const accessToken = newToken() + newToken()
    const record = { apiKey, apiKeyId, issuedAt: now, expiresAt: now + this.config.tokenTtlSeconds * 1000 }
    this.accessTokens.set(accessToken, record)
    this.counters.accessTokensIssued++
    return { accessToken, record }
  }

  // ---- sessions ------------------------------------------------------------------------------------------

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
    const createdAt = this.now()
    const record: SessionRecord = {
      token: newToken(),
      processingTerminalId: input.processingTerminalId,
      scenario: input.scenario,
      libVersion: input.libVersion,
      apiKeyId: input.apiKeyId,
      createdAt,
      expiresAt: createdAt + this.config.sessionTtlSeconds * 1000,
    }
    if (input.secureTokenId !== undefined) record.secureTokenId = input.secureTokenId
    this.sessions.set(record.token, record)
    this.counters.sessionsCreated++
    return record
  }

  /** The live session for a token (undefined when unknown, evicted or expired). */
  findSession(token: string): SessionRecord | undefined {
    return this.sessions.get(token)
  }

  /** Why a token cannot be used: 'unknown' | 'expired', or the live record. */
  lookupSession(token: string): { status: 'ok'; session: SessionRecord } | { status: 'unknown' | 'expired' } {
    const record = this.sessions.peek(token)
    if (!record) return { status: 'unknown' }
    if (record.expiresAt <= this.now()) return { status: 'expired' }
    return { status: 'ok', session: record }
  }

  /**
   * Binds a session token to one Hosted Fields instance. The same instance may initialise again (a reload of
   * the same form); another instance gets 'already-used'.
   */
  markSessionInitialized(
    token: string,
    instanceId: string,
  ): { status: 'ok'; session: SessionRecord } | { status: 'unknown' | 'expired' | 'already-used' } {
    const found = this.lookupSession(token)
    if (found.status !== 'ok') return found
    const session = found.session
    if (session.initializedBy !== undefined && session.initializedBy !== instanceId) {
      return { status: 'already-used' }
    }
    session.initializedBy = instanceId
    return { status: 'ok', session }
  }

  // ---- single-use tokens ---------------------------------------------------------------------------------

  /**
   * What the simulated library's submit does: checks the session and the card (Luhn, expiry) and returns a
   * single-use token valid for 30 minutes (single use). Throws SandboxInputError naming the bad parameters.
   */
  issueSingleUseToken(input: { sessionToken: string; card: CardInput }): {
    token: string
    expiresAt: string
  } {
    const errors: ProblemError[] = []
    const found = this.lookupSession(input.sessionToken)
    if (found.status !== 'ok') {
      errors.push({
        parameter: 'sessionToken',
        detail:
          found.status === 'expired'
            ? 'The session token has expired.'
            : 'The provided session token is invalid.',
        message: found.status === 'expired' ? 'Session token expired' : 'Invalid session token',
      })
    }
    const name = input.card.cardholderName.trim()
    if (name.length === 0 || name.length > 100) {
      errors.push({
        parameter: 'cardholderName',
        detail: 'cardholderName must be 1 to 100 characters',
        message: 'Invalid cardholder name',
      })
    }
    const digits = input.card.cardNumber.replace(/[\s-]/g, '')
    if (!luhnValid(digits)) {
      errors.push({
        parameter: 'cardNumber',
        detail: 'cardNumber must be 12 to 19 digits and pass the Luhn check',
        message: 'Invalid card number',
      })
    }
    const expiry = parseExpiry(input.card.expiryDate)
    if (!expiry || expiryInPast(expiry, this.now())) {
      errors.push({
        parameter: 'expiryDate',
        detail: expiry ? 'The card has expired' : 'expiryDate must be MM/YY',
        message: 'Invalid expiry date',
      })
    }
    if (errors.length > 0 || found.status !== 'ok' || !expiry) throw new SandboxInputError(errors)
    const session = found.session
    const now = this.now()
    const record: SingleUseTokenRecord = {
      token: newToken(),
      sessionToken: session.token,
      processingTerminalId: session.processingTerminalId,
      scenario: session.scenario,
      source: {
        type: 'card',
        cardholderName: name,
        cardNumber: maskCardNumber(digits),
        expiryDate: `${String(expiry.month).padStart(2, '0')}${String(expiry.year % 100).padStart(2, '0')}`,
        cardType: cardType(digits),
      },
      createdAt: now,
      expiresAt: now + this.config.singleUseTokenTtlSeconds * 1000,
    }
    if (session.secureTokenId !== undefined) record.secureTokenId = session.secureTokenId
    this.singleUseTokens.set(record.token, record)
    this.counters.singleUseTokensIssued++
    return { token: record.token, expiresAt: new Date(record.expiresAt).toISOString() }
  }

  /**
   * Consumes a single-use token for a secure-token call on `processingTerminalId`. Used twice, expired,
   * unknown, from another terminal or not from a tokenization session → SandboxInputError on `token`.
   */
  consumeSingleUseToken(token: string, processingTerminalId: string): SingleUseTokenRecord {
    const record = this.singleUseTokens.peek(token)
    const fail = (detail: string): never => {
      throw new SandboxInputError([{ parameter: 'token', detail, message: 'Invalid single-use token' }])
    }
    if (!record) return fail('The single-use token is not valid.')
    if (record.usedAt !== undefined) return fail('The single-use token has already been used.')
    if (record.expiresAt <= this.now()) return fail('The single-use token has expired.')
    if (record.processingTerminalId !== processingTerminalId) {
      return fail('The single-use token was issued for another processing terminal.')
    }
    if (record.scenario !== 'tokenization') {
      return fail('The single-use token was not issued by a tokenization session.')
    }
    record.usedAt = this.now()
    return record
  }

  secureTokenKey(processingTerminalId: string, secureTokenId: string): string {
    return `${processingTerminalId}\n${secureTokenId}`
  }
}
