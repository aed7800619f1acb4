import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useId, useMemo } from 'react'
import type { HistoryEntry } from '@shared/diagnostics'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { ExportCsvButton } from '@renderer/components/ExportCsvButton'
import { formatMs, formatTime } from '@renderer/components/format'
import { useWindowedRows } from '@renderer/components/useWindowedRows'
import { When } from '@renderer/components/When'
import { searchableEntries, visibleEntries } from './history-filter'
import { useStore } from '@renderer/store-context'
import { historyOutcomeLabel } from '@shared/attempt-verdict'
import { verdictOf } from '@renderer/features/session/attempt'

const Inspector = lazy(() =>
  import('@renderer/features/journal/Inspector').then((m) => ({ default: m.Inspector })),
)

function Filters() {
  const id = useId()
  const query = useStore((s) => s.history.filter.query)
  const setFilter = useStore((s) => s.history.setFilter)
  return (
    <div className="filters" role="search">
      <div className="field history-search">
        <label htmlFor={`${id}-query`}>Filter history</label>
        <input
          id={`${id}-query`}
          type="search"
          placeholder="Terminal, token suffix, status, kind, environment or profile"
          aria-describedby={`${id}-query-help`}
          value={query}
          onChange={(e) => setFilter({ query: e.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
        <p id={`${id}-query-help`} className="field-help muted">
          Every word must match, e.g. <code>403 uat</code> or <code>merchant-b failed</code>; a pasted session
          token finds its entry by its last 6 characters.
        </p>
      </div>
    </div>
  )
}

function Row({
  entry,
  environmentName,
  rowIndex,
}: {
  entry: HistoryEntry
  environmentName: string
  rowIndex: number
}) {
  const rerun = useStore((s) => s.history.rerun)
  const inspect = useStore((s) => s.history.inspect)
  const busy = useStore((s) => s.history.rerunning === entry.id)
  const tone = entry.verdict?.tone ?? (entry.outcome === 'ok' ? 'success' : 'error')
  return (
    <tr data-outcome={entry.outcome} data-window-row="" aria-rowindex={rowIndex}>
      <td>
        <When at={entry.at} />
      </td>
      <td>{environmentName}</td>
      <td>{entry.profile}</td>
      <td>
        <code>{entry.processingTerminalId}</code>
      </td>
      <td>{entry.kind === 'library' ? `${entry.scenario} · card form` : entry.scenario}</td>
      <td>
        <span
          className={`verdict ${tone === 'success' ? 'good' : tone === 'error' ? 'bad' : ''}`}
          title={entry.verdict?.sentence ?? entry.message}
        >
          {entry.verdict
            ? historyOutcomeLabel(entry.verdict.historyOutcome)
            : entry.outcome === 'ok'
              ? 'Created'
              : 'Failed'}
        </span>
      </td>
      <td className="num">{entry.status ?? entry.errorKind ?? ''}</td>
      <td>{entry.tokenSuffix ? <code>…{entry.tokenSuffix}</code> : ''}</td>
      <td>{entry.expiresAt ? <When at={entry.expiresAt} /> : ''}</td>
      <td className="num">{formatMs(entry.durationMs)}</td>
      <td className="row-actions">
        <button
          type="button"
          onClick={() => void rerun(entry.id)}
          disabled={busy}
          aria-label={`Re-run ${entry.processingTerminalId} from ${formatTime(entry.at)}`}
        >
          Re-run
        </button>
        <button
          type="button"
          onClick={() => entry.journalId && inspect(entry.journalId)}
          disabled={!entry.journalId}
          aria-label={`Inspect ${entry.processingTerminalId} from ${formatTime(entry.at)}`}
        >
          Inspect
        </button>
      </td>
    </tr>
  )
}

/** The spacer rows of a windowed table: they stand in for the rows not rendered. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null
  return (
    <tr aria-hidden="true" className="window-spacer">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  )
}

const COLUMNS = 11

function HistoryTable() {
  const entries = useStore((s) => s.history.entries)
  const status = useStore((s) => s.history.status)
  const environments = useStore((s) => s.environment.list)
  const query = useStore((s) => s.history.filter.query)
  // Typing stays responsive at 1,000 entries: the table follows the box a frame later.
  const deferredQuery = useDeferredValue(query)
  const nameOf = useCallback(
    (id: string) => environments.find((e) => e.id === id)?.name ?? id,
    [environments],
  )
  // The words of each entry are built once per list, not per keystroke.
  const searchable = useMemo(() => searchableEntries(entries), [entries])
  const shown = useMemo(
    () => visibleEntries(searchable, deferredQuery, nameOf),
    [searchable, deferredQuery, nameOf],
  )
  const { containerRef, onScroll, start, end, padTop, padBottom } = useWindowedRows<HTMLDivElement>(
    shown.length,
    { estimate: 38, overscan: 6 },
  )
  if (shown.length === 0) {
    if (status === 'idle' || status === 'loading') return <p className="muted">Loading history…</p>
    return (
      <p className="empty">
        {query.trim() !== ''
          ? 'No sessions match this filter.'
          : 'No sessions yet. Every session you create — or try to create — on the Session screen is listed here.'}
      </p>
    )
  }
  return (
    <>
      {query.trim() !== '' && (
        <p className="muted" role="status" data-testid="history-match-count">
          {shown.length} of {entries.length} session{entries.length === 1 ? '' : 's'} match
        </p>
      )}
      <div className="table-wrap" ref={containerRef} onScroll={onScroll}>
        <table className="data-table" aria-rowcount={shown.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Time</th>
              <th scope="col">Environment</th>
              <th scope="col">Profile</th>
              <th scope="col">Terminal</th>
              <th scope="col">Scenario</th>
              <th scope="col">Outcome</th>
              <th scope="col">Status</th>
              <th scope="col">Token</th>
              <th scope="col">Expires at</th>
              <th scope="col">Duration</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <Spacer height={padTop} columns={COLUMNS} />
            {shown.slice(start, end).map((entry, offset) => (
              <Row
                key={entry.id}
                entry={entry}
                environmentName={nameOf(entry.environmentId)}
                rowIndex={start + offset + 2}
              />
            ))}
            <Spacer height={padBottom} columns={COLUMNS} />
          </tbody>
        </table>
      </div>
    </>
  )
}

function RerunDialog() {
  const confirming = useStore((s) => s.history.confirmingRerun)
  const entry = useStore((s) => s.history.entries.find((e) => e.id === s.history.confirmingRerun))
  const confirm = useStore((s) => s.history.confirmRerun)
  const cancel = useStore((s) => s.history.cancelRerun)
  return (
    <ConfirmDialog
      open={confirming !== null}
      title="Confirm production call"
      confirmLabel="Create in production"
      onConfirm={() => void confirm()}
      onCancel={cancel}
    >
      <p>
        Re-running creates a real Hosted Fields session on Payroc <strong>production</strong> for processing
        terminal <code>{entry?.processingTerminalId ?? '(unknown)'}</code>. Real merchants, real records.
      </p>
    </ConfirmDialog>
  )
}

export function HistoryScreen() {
  const load = useStore((s) => s.history.load)
  const error = useStore((s) => s.history.error)
  const notice = useStore((s) => s.history.notice)
  const dismiss = useStore((s) => s.history.dismissNotice)
  const lastRerun = useStore((s) => s.history.lastRerun)
  const attempt = useStore((s) => s.session.attempt)
  // A successful re-run is the current attempt: say its combined verdict once the card form has reported.
  const rerunVerdict = lastRerun?.ok ? verdictOf(attempt) : null
  const inspecting = useStore((s) => s.history.inspecting)
  const inspect = useStore((s) => s.history.inspect)
  const count = useStore((s) => s.history.entries.length)
  const exportCsv = useStore((s) => s.history.exportCsv)

  useEffect(() => {
    void load()
  }, [load])

  return (
    <main className="screen" aria-labelledby="history-title">
      <section className="card">
        <div className="card-head">
          <h2 id="history-title">History</h2>
          <span className="muted">{count > 0 ? `${count} session${count === 1 ? '' : 's'}` : ''}</span>
          <div className="spacer" />
          <ExportCsvButton exportCsv={exportCsv} />
        </div>
        {notice && (
          <div className="notice warning" role="alert">
            <p>{notice}</p>
            <button type="button" className="link-button" onClick={dismiss}>
              Dismiss
            </button>
          </div>
        )}
        <Filters />
        {error && <ErrorPanel error={error} />}
        <p
          role="status"
          className={
            lastRerun
              ? `rerun-result ${lastRerun.ok && rerunVerdict?.tone !== 'error' ? 'good' : 'bad'}`
              : 'rerun-result'
          }
        >
          {lastRerun?.message ?? ''}
          {rerunVerdict && rerunVerdict.tone !== 'pending' ? ` Outcome: ${rerunVerdict.sentence}` : ''}
        </p>
        <HistoryTable />
      </section>
      {inspecting && (
        <Suspense fallback={<p className="muted">Loading the Inspector…</p>}>
          <Inspector journalId={inspecting} onClose={() => inspect(null)} />
        </Suspense>
      )}
      <RerunDialog />
    </main>
  )
}
