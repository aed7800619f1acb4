import type { SliceFactory } from '@renderer/app-store'
import type { LoggedEvent } from '@renderer/testpage/protocol'
import { hintForEvent } from './event-hints'

export interface LogEntry extends LoggedEvent {
  id: number
  hint?: string
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
    add(event: LoggedEvent): void
    reset(sessionToken: string | null): void
  }
}

/** A long-open page cannot grow the console's memory without bound. */
export const MAX_LOG_ENTRIES = 500

export function singleUseTokenOf(event: LoggedEvent): SingleUseToken | null {
  if (event.name !== 'submissionSuccess') return null
  const payload = event.payload as { token?: unknown; expiresAt?: unknown } | null
  if (typeof payload?.token !== 'string' || typeof payload.expiresAt !== 'string') return null
  return { token: payload.token, expiresAt: payload.expiresAt }
}

export const createEventLogSlice: SliceFactory<EventLogSlice> = () => (set, get) => {
  let nextId = 1
  const patch = (partial: Partial<EventLogSlice['eventLog']>): void =>
    set((s) => ({ eventLog: { ...s.eventLog, ...partial } }))
  return {
    eventLog: {
      sessionToken: null,
      entries: [],
      lastSuccess: null,
      add(event) {
        const hint = hintForEvent(event.name, event.payload)
        const entry: LogEntry = { ...event, id: nextId++, ...(hint ? { hint } : {}) }
        const success = singleUseTokenOf(event)
        patch({
          entries: [entry, ...get().eventLog.entries].slice(0, MAX_LOG_ENTRIES),
          ...(success ? { lastSuccess: success } : {}),
        })
      },
      reset(sessionToken) {
        if (get().eventLog.sessionToken === sessionToken) return
        patch({ sessionToken, entries: [], lastSuccess: null })
      },
    },
  }
}
