/**
 * The live session and its Event log, kept in main's memory so a reload of the console (F5, a crashed
 * renderer, the preview's tab reopened) restores the token card and the log. A session token serves one
 * library instance, so a restored card form is marked spent and the renderer offers "Create a new session".
 *
 * Retention: the newest EVENT_LOG_RETENTION events of the current session (shared/retention.ts); a new session
 * starts an empty log. Single-use tokens in the events are kept masked (they are full only in the flow that
 * produced them, which a reload has ended). Cleared by "Clear all data".
 */
import type { LiveEvent, LiveState, SessionCreated } from '../../../shared/contract'
import { maskToken } from '../../../shared/redact'
import { EVENT_LOG_RETENTION, pushBounded } from '../../../shared/retention'

/** A submissionSuccess payload's single-use token, masked (everything else is kept as the page sent it). */
function withMaskedTokens(event: LiveEvent): LiveEvent {
  const payload = event.payload
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return event
  const record = payload as Record<string, unknown>
  if (typeof record['token'] !== 'string') return event
  return { ...event, payload: { ...record, token: maskToken(record['token']) } }
}

export class LiveSession {
  private session: SessionCreated | null = null
  private events: LiveEvent[] = []
  private evicted = 0

  constructor(private readonly retention = EVENT_LOG_RETENTION) {}

  /** A create succeeded: it is the live session now, with an empty log. */
  setSession(created: SessionCreated): void {
    this.session = created
    this.events = []
    this.evicted = 0
  }

  /** Events of the live session's page (named by its journalId); events for another session (an earlier page) are dropped. */
  append(journalId: string, events: readonly LiveEvent[]): number | undefined {
    if (!this.session || this.session.journalId !== journalId) return undefined
    for (const event of events)
      this.evicted += pushBounded(this.events, withMaskedTokens(event), this.retention)
    return events.length
  }

  snapshot(): LiveState {
    return {
      session: this.session,
      events: [...this.events],
      evicted: this.evicted,
      retention: this.retention,
    }
  }

  /** "Clear all data": how many events went. */
  clear(): number {
    const count = this.events.length
    this.session = null
    this.events = []
    this.evicted = 0
    return count
  }
}
