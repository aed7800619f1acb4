import { lazy, Suspense, useEffect, useId } from 'react'
import type { HistoryEntry } from '@shared/diagnostics'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { ExportCsvButton } from '@renderer/components/ExportCsvButton'
import { formatMs, formatTime } from '@renderer/components/format'
import { useStore } from '@renderer/store-context'
import { historyOutcomeLabel } from '@shared/attempt-verdict'
import { verdictOf } from '@renderer/features/session/attempt'

const Inspector = lazy(() =>
  import('@renderer/features/journal/Inspector').then((m) => ({ default: m.Inspector })),
)

function Filters() {
  const id = useId()
  const filter = useStore((s) => s.history.filter)
  const setFilter = useStore((s) => s.history.setFilter)
  const environments = useStore((s) => s.environment.list)
  return (
    <div className="filters" role="search">
      <div className="field">
        <label htmlFor={`${id}-terminal`}>Filter history</label>
        <input
          id={`${id}-terminal`}
          type="search"
          placeholder="Processing terminal ID"
          value={filter.terminal}
          onChange={(e) => setFilter({ terminal: e.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-env`}>Filter by environment</label>
        <select
          id={`${id}-env`}
          value={filter.environmentId}
          onChange={(e) => setFilter({ environmentId: e.target.value })}
        >
          <option value="">All environments</option>
          {environments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>Filter by outcome</label>
        <select
          id={`${id}-outcome`}
          value={filter.outcome}
          onChange={(e) =>
            setFilter({
              outcome: e.target.value === 'ok' || e.target.value === 'error' ? e.target.value : '',
            })
          }
        >
          <option value="">All outcomes</option>
          <option value="ok">Created</option>
          <option value="error">Failed</option>
        </select>
      </div>
    </div>
  )
}

function Row({ entry, environmentName }: { entry: HistoryEntry; environmentName: string }) {
  const rerun = useStore((s) => s.history.rerun)
  const inspect = useStore((s) => s.history.inspect)
  const busy = useStore((s) => s.history.rerunning === entry.id)
  const tone = entry.verdict?.tone ?? (entry.outcome === 'ok' ? 'success' : 'error')
  return (
    <tr data-outcome={entry.outcome}>
      <td>
        <time dateTime={entry.at}>{formatTime(entry.at)}</time>
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
      <td>{entry.expiresAt ? <time dateTime={entry.expiresAt}>{formatTime(entry.expiresAt)}</time> : ''}</td>
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

function HistoryTable() {
  const entries = useStore((s) => s.history.entries)
  const status = useStore((s) => s.history.status)
  const environments = useStore((s) => s.environment.list)
  const filtered = useStore((s) => Object.values(s.history.filter).some((v) => v.trim() !== ''))
  if (entries.length === 0) {
    if (status === 'idle' || status === 'loading') return <p className="muted">Loading history…</p>
    return (
      <p className="empty">
        {filtered
          ? 'No sessions match this filter.'
          : 'No sessions yet. Every session you create — or try to create — on the Session screen is listed here.'}
      </p>
    )
  }
  const nameOf = (id: string) => environments.find((e) => e.id === id)?.name ?? id
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
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
          {entries.map((entry) => (
            <Row key={entry.id} entry={entry} environmentName={nameOf(entry.environmentId)} />
          ))}
        </tbody>
      </table>
    </div>
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
