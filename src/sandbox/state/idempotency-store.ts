/**
 * Stored answers by scoped Idempotency-Key (in an ExpiringStore), and the requests holding a key whose answer
 * is not known yet (the in-flight map); idempotent-replay.ts uses both.
 */
import type { Reply } from '../problem-replies'

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
