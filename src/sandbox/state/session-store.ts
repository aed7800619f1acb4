/** Hosted-fields sessions: created by the session route, looked up and bound by the simulated library. */
import type { Scenario } from '../../shared/payroc'
import { ExpiringStore } from './expiring-store'
import { newToken } from './random-tokens'

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

export interface NewSession {
  processingTerminalId: string
  scenario: Scenario
  libVersion: string
  secureTokenId?: string
  apiKeyId: string
}

export type SessionLookup = { status: 'ok'; session: SessionRecord } | { status: 'unknown' | 'expired' }
export type SessionBinding =
  { status: 'ok'; session: SessionRecord } | { status: 'unknown' | 'expired' | 'already-used' }

/** How long an expired session is remembered (count-capped like every store). */
export const SESSION_RETAIN_MS = 60 * 60 * 1000

export class SessionStore extends ExpiringStore<SessionRecord> {
  constructor(cap: number, now: () => number) {
    // Expired sessions are kept an hour so the library can say "expired" rather than "invalid".
    super(cap, now, SESSION_RETAIN_MS)
  }

  create(input: NewSession, ttlSeconds: number): SessionRecord {
    const createdAt = this.now()
    const record: SessionRecord = {
      token: newToken(),
      processingTerminalId: input.processingTerminalId,
      scenario: input.scenario,
      libVersion: input.libVersion,
      apiKeyId: input.apiKeyId,
      createdAt,
      expiresAt: createdAt + ttlSeconds * 1000,
    }
    if (input.secureTokenId !== undefined) record.secureTokenId = input.secureTokenId
    this.set(record.token, record)
    return record
  }

  /** Why a token cannot be used: 'unknown' | 'expired', or the live record. */
  lookup(token: string): SessionLookup {
    const record = this.peek(token)
    if (!record) return { status: 'unknown' }
    if (record.expiresAt <= this.now()) return { status: 'expired' }
    return { status: 'ok', session: record }
  }

  /**
   * Binds a session token to one Hosted Fields instance. The same instance may initialise again (a reload of
   * the same form); another instance gets 'already-used'.
   */
  bind(token: string, instanceId: string): SessionBinding {
    const found = this.lookup(token)
    if (found.status !== 'ok') return found
    const session = found.session
    if (session.initializedBy !== undefined && session.initializedBy !== instanceId) {
      return { status: 'already-used' }
    }
    session.initializedBy = instanceId
    return { status: 'ok', session }
  }
}
