import type { SliceFactory } from '@renderer/app-store'
import type { LoggedEvent } from '@renderer/testpage/protocol'
import { EVENT_LOG_RETENTION } from '@shared/retention'
import { hintForEvent } from './event-hints'

export interface LogEntry extends LoggedEvent {
  id: number
  hint?: string
  /** Came back from main's memory after a reload (its page is gone; single-use tokens are masked). */
  restored?: boolean
}

/** The latest submissionSuccess: a single-use token (30 minutes, one use), shown in full in this flow only. */
export interface SingleUseToken {
  token: string
  expiresAt: string
}

export interface EventLogSlice {
  eventLog: {
    /** The session token whose page the log belongs to; a new one clears it. */
    sessionToken: string | null
    /** Newest first. */
    entries: LogEntry[]
    lastSuccess: SingleUseToken | null
    /** The session restored after a reload: its card form was spent before it (one library instance). */
    restoredToken: string | null
    restoredCount: number
    add(event: LoggedEvent): void
    reset(sessionToken: string | null): void
    /** After a reload: main's live session and its Event log come back; the card form is marked spent. */
    restore(): Promise<void>
  }
}

/**
 * The bounded, documented retention (shared/retention.ts): the newest 5,000 events of the current session,
 * here and in main's copy, which a reload restores.
 */
export const MAX_LOG_ENTRIES = EVENT_LOG_RETENTION
/** Events go to main in batches: a burst of field events is one call. */
const RECORD_DELAY_MS = 100
const RECORD_BATCH = 200

export function singleUseTokenOf(event: LoggedEvent): SingleUseToken | null {
  if (event.name !== 'submissionSuccess') return null
  const payload = event.payload as { token?: unknown; expiresAt?: unknown } | null
  if (typeof payload?.token !== 'string' || typeof payload.expiresAt !== 'string') return null
  return { token: payload.token, expiresAt: payload.expiresAt }
}

export const createEventLogSlice: SliceFactory<EventLogSlice> =
  ({ transport }) =>
  (set, get) => {
    let nextId = 1
    const patch = (partial: Partial<EventLogSlice['eventLog']>): void =>
      set((s) => ({ eventLog: { ...s.eventLog, ...partial } }))
    const toEntry = (event: LoggedEvent, restored = false): LogEntry => {
      const hint = hintForEvent(event.name, event.payload)
      return { ...event, id: nextId++, ...(hint ? { hint } : {}), ...(restored ? { restored } : {}) }
    }

    // Main keeps a copy so a reload restores the log; the session is named by its journalId (no token sent).
    let pending: { journalId: string; events: LoggedEvent[] } | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = (): void => {
      timer = undefined
      const batch = pending
      pending = null
      if (!batch) return
      for (let i = 0; i < batch.events.length; i += RECORD_BATCH)
        void transport.call('eventLog:record', {
          journalId: batch.journalId,
          events: batch.events.slice(i, i + RECORD_BATCH),
        })
    }
    const forward = (event: LoggedEvent): void => {
      const created = get().session.created
      const token = get().eventLog.sessionToken
      if (!created || created.token !== token) return
      if (pending && pending.journalId !== created.journalId) flush()
      pending ??= { journalId: created.journalId, events: [] }
      pending.events.push(event)
      timer ??= setTimeout(flush, RECORD_DELAY_MS)
    }

    return {
      eventLog: {
        sessionToken: null,
        entries: [],
        lastSuccess: null,
        restoredToken: null,
        restoredCount: 0,
        add(event) {
          const entry = toEntry(event)
          const success = singleUseTokenOf(event)
          const entries = get().eventLog.entries
          const next = [entry, ...entries]
          if (next.length > MAX_LOG_ENTRIES) next.length = MAX_LOG_ENTRIES
          patch({ entries: next, ...(success ? { lastSuccess: success } : {}) })
          forward(event)
        },
        reset(sessionToken) {
          if (get().eventLog.sessionToken === sessionToken) return
          patch({ sessionToken, entries: [], lastSuccess: null, restoredToken: null, restoredCount: 0 })
        },
        async restore() {
          const live = await transport.call('eventLog:restore', {})
          if (!live.ok || !live.value.session) return
          // Something newer already happened in this renderer (a create before the answer): keep it.
          if (get().session.created) return
          const { session, events } = live.value
          // Loaded only when there is something to restore: the first paint does not carry them.
          const [{ parseLoggedEvent }, { nextLibraryOutcome }] = await Promise.all([
            import('@renderer/testpage/protocol'),
            import('@renderer/features/testpage/library-outcome'),
          ])
          if (get().session.created) return
          // The same check as a live page's events: only known event names, bounded payloads.
          const entries = events
            .map((event) => parseLoggedEvent(event))
            .filter((event): event is LoggedEvent => event !== null)
            .map((event) => toEntry(event, true))
            .reverse()
          patch({
            sessionToken: session.token,
            entries,
            lastSuccess: null,
            restoredToken: session.token,
            restoredCount: entries.length,
          })
          get().session.adopt(session)
          // The Outcome says what the card form said before the reload (folded here, not re-reported to History).
          const attempt = get().session.attempt
          if (!attempt) return
          let library = attempt.library
          for (const entry of [...entries].reverse()) library = nextLibraryOutcome(library, entry) ?? library
          set((s) => ({ session: { ...s.session, attempt: { ...attempt, library } } }))
        },
      },
    }
  }
