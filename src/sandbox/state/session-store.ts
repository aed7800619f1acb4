/**
 * Hosted-fields sessions: created by the session route, looked up by the gateway-side Hosted Fields routes. The
 * records live in a plain ExpiringStore (every store is the same class, which keeps the hot path monomorphic).
 */
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
  /** Values the field frames posted (POST …/{token}/fields), kept until a single-use token is minted. */
  postedFields?: Record<string, string>
  /** Set once a single-use token was minted from the session: it is used up. */
  usedAt?: number
  /** That mint's Idempotency-Key and answer: a retry with the same key gets the same token. */
  minted?: { idempotencyKey: string; body: string }
}

export interface NewSession {
  processingTerminalId: string
  scenario: Scenario
  libVersion: string
  secureTokenId?: string
  apiKeyId: string
}

export type SessionLookup = { status: 'ok'; session: SessionRecord } | { status: 'unknown' | 'expired' }

/** How long an expired session is remembered (count-capped like every store). */
export const SESSION_RETAIN_MS = 60 * 60 * 1000

/** The sessions store: expired records are kept an hour so the library can say "expired" rather than "invalid". */
export const newSessionStore = (cap: number, now: () => number): ExpiringStore<SessionRecord> =>
  new ExpiringStore(cap, now, SESSION_RETAIN_MS)

export function createSession(
  store: ExpiringStore<SessionRecord>,
  input: NewSession,
  ttlSeconds: number,
  now: number,
): SessionRecord {
  const record: SessionRecord = {
    token: newToken(),
    processingTerminalId: input.processingTerminalId,
    scenario: input.scenario,
    libVersion: input.libVersion,
    apiKeyId: input.apiKeyId,
    createdAt: now,
    expiresAt: now + ttlSeconds * 1000,
  }
  if (input.secureTokenId !== undefined) record.secureTokenId = input.secureTokenId
  store.set(record.token, record)
  return record
}

/** Why a token cannot be used: 'unknown' | 'expired', or the live record. */
export function lookupSession(
  store: ExpiringStore<SessionRecord>,
  token: string,
  now: number,
): SessionLookup {
  const record = store.peek(token)
  if (!record) return { status: 'unknown' }
  if (record.expiresAt <= now) return { status: 'expired' }
  return { status: 'ok', session: record }
}
