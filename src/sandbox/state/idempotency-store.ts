/** Stored answers by scoped Idempotency-Key, and the requests holding a key whose answer is not known yet. */
import type { Reply } from '../problem-replies'
import { ExpiringStore } from './expiring-store'

export interface IdempotencyRecord {
  method: string
  uri: string
  body: string
  /** The stored answer; a created session is kept compactly in `session` instead (rebuilt on replay). */
  reply?: Reply
  session?: { token: string; processingTerminalId: string; expiresAt: number }
  expiresAt: number
}

export interface InFlightRequest {
  method: string
  uri: string
  body: string
  done: Promise<void>
}

export class IdempotencyStore extends ExpiringStore<IdempotencyRecord> {
  /** Requests holding an Idempotency-Key whose answer is not known yet (scoped key → waiters). */
  readonly inFlight = new Map<string, InFlightRequest>()
}
