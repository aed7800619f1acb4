import { useDeferredValue, useMemo, useState } from 'react'
import { useStore } from '@renderer/store-context'
import { formatMmSs } from '@renderer/features/session/countdown'
import { useCountdown } from '@renderer/features/session/useCountdown'
import { useWindowedRows } from '@renderer/components/useWindowedRows'
import { When } from '@renderer/components/When'
import { EVENT_LOG_RETENTION } from '@shared/retention'
import type { LogEntry, SingleUseToken } from './eventlog-slice'

/** The single-use token in full (this is the flow that produced it) with its 30-minute countdown. */
function SingleUseTokenView({ token }: { token: SingleUseToken }) {
  const created = useStore((s) => s.session.created)
  // The session's exchange tells the gateway's clock skew; the single-use token comes from the same gateway.
  const clock = useMemo(
    () => ({
      expiresAt: token.expiresAt,
      receivedAt: created?.receivedAt ?? new Date().toISOString(),
      serverDate: created?.serverDate,
    }),
    [token.expiresAt, created?.receivedAt, created?.serverDate],
  )
  const { remaining } = useCountdown(clock)
  return (
    <div className="single-use-token">
      <span className="countdown-label">Single-use token</span>
      <code className="token" data-testid="single-use-token">
        {token.token}
      </code>
      <span className="single-use-expiry">
        <span id="single-use-expires-label">Expires in</span>{' '}
        <span role="timer" aria-labelledby="single-use-expires-label">
          {remaining > 0 ? formatMmSs(remaining) : 'expired'}
        </span>{' '}
        · valid 30 minutes, one use
      </span>
    </div>
  )
}

function payloadType(entry: LogEntry): string | undefined {
  const payload = entry.payload as { type?: unknown; field?: unknown } | null
  const parts = [payload?.type, payload?.field].filter((p): p is string => typeof p === 'string')
  return parts.length > 0 ? parts.join(' · ') : undefined
}

function EventRow({ entry }: { entry: LogEntry }) {
  const failed = entry.name === 'error' || entry.name.endsWith('Failed') || entry.name.endsWith('Error')
  const success = entry.name === 'submissionSuccess' ? (entry.payload as SingleUseToken) : null
  const detail = payloadType(entry)
  return (
    <li className="event" data-event={entry.name} data-failed={failed || undefined} data-window-row="">
      <div className="event-head">
        <When at={entry.at} precise />
        <strong className="event-name">{entry.name}</strong>
        {detail && <span className="event-type">{detail}</span>}
      </div>
      {success && typeof success.token === 'string' && !entry.restored && (
        <SingleUseTokenView token={success} />
      )}
      {entry.hint && (
        <p className="event-hint">
          <span className="hint-label">What to do:</span> {entry.hint}
        </p>
      )}
      <pre className="event-payload">{JSON.stringify(entry.payload, null, 2)}</pre>
    </li>
  )
}

/** The events whose name, type or field contain every word of the box ("error", "cardNumber"). */
export function filterEvents(entries: readonly LogEntry[], query: string): readonly LogEntry[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (terms.length === 0) return entries
  return entries.filter((entry) => {
    const text = `${entry.name} ${payloadType(entry) ?? ''}`.toLowerCase()
    return terms.every((term) => text.includes(term))
  })
}

/** Every event of the current test page, newest first; cleared when a new session replaces the page. */
export function EventLog() {
  const entries = useStore((s) => s.eventLog.entries)
  const restored = useStore((s) => s.eventLog.restoredCount)
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const shown = useMemo(() => filterEvents(entries, deferredQuery), [entries, deferredQuery])
  const { containerRef, onScroll, start, end, padTop, padBottom } = useWindowedRows<HTMLOListElement>(
    shown.length,
    { estimate: 120, overscan: 4 },
  )
  const filtering = deferredQuery.trim() !== ''
  return (
    <section className="card eventlog-card" aria-labelledby="eventlog-title">
      <h2 id="eventlog-title">Event log</h2>
      {restored > 0 && (
        <p className="muted" data-testid="eventlog-restored">
          {restored} event{restored === 1 ? '' : 's'} restored after a reload (single-use tokens masked).
        </p>
      )}
      {entries.length > 0 && (
        <div className="field eventlog-filter">
          <label htmlFor="eventlog-filter">Filter events</label>
          <input
            id="eventlog-filter"
            type="search"
            value={query}
            placeholder="Event name or field, e.g. error"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
          />
          {filtering && (
            <p className="muted" role="status" data-testid="eventlog-match-count">
              {shown.length} of {entries.length} events match
            </p>
          )}
        </div>
      )}
      {entries.length === 0 ? (
        <p className="empty">Library events of the test page appear here, newest first.</p>
      ) : (
        // Focusable: the list scrolls, so keyboard users must be able to reach and scroll it.
        <ol
          className="eventlog"
          aria-label="Events, newest first"
          tabIndex={0}
          ref={containerRef}
          onScroll={onScroll}
        >
          {padTop > 0 && <li aria-hidden="true" className="window-spacer" style={{ height: padTop }} />}
          {shown.slice(start, end).map((entry) => (
            <EventRow key={entry.id} entry={entry} />
          ))}
          {padBottom > 0 && <li aria-hidden="true" className="window-spacer" style={{ height: padBottom }} />}
        </ol>
      )}
      <p className="muted eventlog-retention">
        Keeps the newest {EVENT_LOG_RETENTION.toLocaleString('en')} events of the current session.
      </p>
    </section>
  )
}
