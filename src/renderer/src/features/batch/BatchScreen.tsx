import { lazy, Suspense, useEffect, useId, useRef, useState, type ChangeEvent } from 'react'
import type { BatchScenario } from '@shared/diagnostics'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { ExportCsvButton } from '@renderer/components/ExportCsvButton'
import { formatEta } from '@renderer/components/format'
import { useStore } from '@renderer/store-context'
import { countInputLines } from './batch-progress'
import { BatchResults, VerdictSummary } from './BatchResults'
import { TerminalIdsField } from './TerminalIdsField'
import { clampConcurrency, MAX_CONCURRENCY } from './batch-slice'

const Inspector = lazy(() =>
  import('@renderer/features/journal/Inspector').then((m) => ({ default: m.Inspector })),
)

const SCENARIO_CHOICES: { value: BatchScenario; label: string }[] = [
  { value: 'payment', label: 'Payment' },
  { value: 'tokenization', label: 'Tokenization' },
  { value: 'both', label: 'Both' },
]
const WHAT_IS_OPENED: Record<BatchScenario, string> = {
  payment: 'a real payment session',
  tokenization:
    'a real tokenization session and asks the terminal configuration whether secure tokens work, as the card form would',
  both: 'a real payment session and a real tokenization session (with the secure-token check)',
}

function InputForm() {
  const id = useId()
  const concurrency = useStore((s) => s.batch.concurrency)
  const setInput = useStore((s) => s.batch.setInput)
  const setConcurrency = useStore((s) => s.batch.setConcurrency)
  const scenario = useStore((s) => s.batch.scenario)
  const setScenario = useStore((s) => s.batch.setScenario)
  const start = useStore((s) => s.batch.start)
  const starting = useStore((s) => s.batch.starting)
  const running = useStore((s) => s.batch.progress?.state === 'running')
  const environmentName = useStore(
    (s) =>
      s.environment.list.find((e) => e.id === s.environment.environmentId)?.name ??
      s.environment.environmentId,
  )
  const profile = useStore((s) => s.environment.profile)
  const [importMessage, setImportMessage] = useState('')

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    if (file.size > 1_000_000)
      return setImportMessage(`${file.name} is over 1 MB; split it into smaller lists.`)
    const text = await file.text()
    setInput(text)
    setImportMessage(`Imported ${file.name}: ${countInputLines(text)} entries.`)
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void start()
      }}
    >
      <p className="note" role="note">
        Each check opens {WHAT_IS_OPENED[scenario]} for the terminal in <strong>{environmentName}</strong>{' '}
        (profile <code>{profile}</code>) — harmless: an unused session simply expires. Change the environment
        on the Session screen.
      </p>
      <div className="batch-inputs">
        <TerminalIdsField id={id} />
        <div className="batch-side">
          <div className="field">
            <label htmlFor={`${id}-file`}>Import a .txt or .csv file</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".txt,.csv,text/plain,text/csv"
              onChange={(e) => void onFile(e)}
            />
            <p className="field-hint" role="status">
              {importMessage}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-scenario`}>Scenario</label>
            <select
              id={`${id}-scenario`}
              value={scenario}
              onChange={(e) => setScenario(e.target.value as BatchScenario)}
              aria-describedby={`${id}-scenario-hint`}
            >
              {SCENARIO_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
            <p className="field-hint" id={`${id}-scenario-hint`}>
              Both: one row per terminal and scenario.
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-concurrency`}>Concurrency</label>
            <input
              id={`${id}-concurrency`}
              type="number"
              min={1}
              max={MAX_CONCURRENCY}
              step={1}
              value={concurrency}
              onChange={(e) => setConcurrency(e.target.valueAsNumber)}
              onBlur={() => setConcurrency(clampConcurrency(concurrency))}
              aria-describedby={`${id}-concurrency-hint`}
            />
            <p className="field-hint" id={`${id}-concurrency-hint`}>
              Checks at a time, 1–{MAX_CONCURRENCY}.
            </p>
          </div>
          <button type="submit" className="primary" disabled={starting || running}>
            Run check
          </button>
        </div>
      </div>
    </form>
  )
}

function Progress() {
  const progress = useStore((s) => s.batch.progress)
  const cancel = useStore((s) => s.batch.cancel)
  const exportCsv = useStore((s) => s.batch.exportCsv)
  const inspect = useStore((s) => s.batch.inspect)
  if (!progress) return null
  const { done, total, failures, state, etaMs, rows } = progress
  const eta = state === 'running' ? formatEta(etaMs) : ''
  // Main counts cancelled rows as done; after a cancel the bar and text show what was really checked.
  const cancelled = state === 'cancelled' ? rows.filter((row) => row.verdict === 'cancelled').length : 0
  const checked = done - cancelled
  return (
    <section className="card" aria-labelledby="batch-results-title">
      <div className="card-head">
        <h2 id="batch-results-title">Results</h2>
        <span className={`batch-state ${state}`} data-testid="batch-state">
          {state === 'running' ? 'Running' : state === 'completed' ? 'Completed' : 'Cancelled'}
        </span>
        <div className="spacer" />
        <button type="button" onClick={() => void cancel()} disabled={state !== 'running'}>
          Cancel
        </button>
        <ExportCsvButton exportCsv={exportCsv} disabled={state === 'running'} />
      </div>
      <div className="progress-row">
        <progress aria-label="Batch progress" max={Math.max(total, 1)} value={checked} />
        <p className="progress-text" data-testid="batch-progress-text">
          <strong>
            {checked}/{total}
          </strong>{' '}
          done{cancelled > 0 ? ` · ${cancelled} cancelled` : ''} · {failures} failure
          {failures === 1 ? '' : 's'}
          {eta ? ` · ${eta}` : ''}
        </p>
      </div>
      <VerdictSummary rows={rows} />
      <BatchResults rows={rows} onOpen={inspect} />
    </section>
  )
}

function ProductionConfirm() {
  const confirming = useStore((s) => s.batch.confirming)
  const confirm = useStore((s) => s.batch.confirm)
  const cancel = useStore((s) => s.batch.cancelConfirm)
  return (
    <ConfirmDialog
      open={confirming}
      title="Confirm production call"
      confirmLabel="Run check in production"
      onConfirm={() => void confirm()}
      onCancel={cancel}
    >
      <p>
        The batch check opens a real Hosted Fields session on Payroc <strong>production</strong> for every
        terminal in the list. Real merchants, real records.
      </p>
    </ConfirmDialog>
  )
}

function RowInspector() {
  const inspecting = useStore((s) => s.batch.inspecting)
  const inspect = useStore((s) => s.batch.inspect)
  const box = useRef<HTMLDivElement>(null)
  // The Inspector opens below a possibly long table: bring it into view and move the focus there.
  useEffect(() => {
    if (!inspecting) return
    box.current?.scrollIntoView({ block: 'start' })
    box.current?.focus({ preventScroll: true })
  }, [inspecting])
  if (!inspecting) return null
  return (
    <div className="batch-inspector" ref={box} tabIndex={-1}>
      <Suspense fallback={<p className="muted">Loading the Inspector…</p>}>
        <Inspector journalId={inspecting} onClose={() => inspect(null)} />
      </Suspense>
    </div>
  )
}

export function BatchScreen() {
  const error = useStore((s) => s.batch.error)
  return (
    <main className="screen" aria-labelledby="batch-title">
      <section className="card">
        <h2 id="batch-title">Batch check</h2>
        <InputForm />
        {error && <ErrorPanel error={error} />}
      </section>
      <Progress />
      <RowInspector />
      <ProductionConfirm />
    </main>
  )
}
