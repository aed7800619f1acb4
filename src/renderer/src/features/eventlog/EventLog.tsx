import { useMemo } from 'react'
import { useStore } from '@renderer/store-context'
import { formatMmSs } from '@renderer/features/session/countdown'
import { useCountdown } from '@renderer/features/session/useCountdown'
import type { LogEntry, SingleUseToken } from './eventlog-slice'

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
})

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
    <li className="event" data-event={entry.name} data-failed={failed || undefined}>
      <div className="event-head">
        <time dateTime={entry.at}>{timeFormat.format(new Date(entry.at))}</time>
        <strong className="event-name">{entry.name}</strong>
        {detail && <span className="event-type">{detail}</span>}
      </div>
      {success && typeof success.token === 'string' && <SingleUseTokenView token={success} />}
      {entry.hint && (
        <p className="event-hint">
          <span className="hint-label">What to do:</span> {entry.hint}
        </p>
      )}
      <pre className="event-payload">{JSON.stringify(entry.payload, null, 2)}</pre>
    </li>
  )
}

/** Every event of the current test page, newest first; cleared when a new session replaces the page. */
export function EventLog() {
  const entries = useStore((s) => s.eventLog.entries)
  return (
    <section className="card eventlog-card" aria-labelledby="eventlog-title">
      <h2 id="eventlog-title">Event log</h2>
      {entries.length === 0 ? (
        <p className="empty">Library events of the test page appear here, newest first.</p>
      ) : (
        // Focusable: the list scrolls, so keyboard users must be able to reach and scroll it.
        <ol className="eventlog" aria-label="Events, newest first" tabIndex={0}>
          {entries.map((entry) => (
            <EventRow key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  )
}
