import { lazy, Suspense, useId, useState } from 'react'
import type { PreflightStatus, PreflightStep } from '@shared/diagnostics'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { formatMs, formatTime } from '@renderer/components/format'
import { useStore } from '@renderer/store-context'

const Inspector = lazy(() =>
  import('@renderer/features/journal/Inspector').then((m) => ({ default: m.Inspector })),
)

const STATUS: Record<PreflightStatus, { icon: string; label: string }> = {
  pass: { icon: '✓', label: 'Pass' },
  fail: { icon: '✕', label: 'Fail' },
  warn: { icon: '!', label: 'Warning' },
  skipped: { icon: '–', label: 'Skipped' },
}

function Step({ step, onInspect }: { step: PreflightStep; onInspect(id: string): void }) {
  const { icon, label } = STATUS[step.status]
  return (
    <li className="step" data-status={step.status} data-step={step.id}>
      <span className="step-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="step-body">
        <p className="step-line">
          <strong className="step-title">{step.title}</strong>
          <span className={`step-status ${step.status}`}>{label}</span>
          <span className="muted">{formatMs(step.durationMs)}</span>
          {step.journalId && (
            <button
              type="button"
              className="small"
              onClick={() => step.journalId && onInspect(step.journalId)}
            >
              Inspect
            </button>
          )}
        </p>
        {step.detail && <p className="step-detail">{step.detail}</p>}
        {step.hint && <p className="step-hint">{step.hint}</p>}
      </div>
    </li>
  )
}

function Report() {
  const report = useStore((s) => s.preflight.report)
  const [inspecting, setInspecting] = useState<string | null>(null)
  if (!report) return null
  const failed = report.steps.filter((s) => s.status === 'fail').length
  const warned = report.steps.filter((s) => s.status === 'warn').length
  return (
    <>
      <section className="card" aria-labelledby="preflight-steps-title">
        <div className="card-head">
          <h2 id="preflight-steps-title">Steps</h2>
          <span className="muted">
            {report.environmentId} · terminal <code>{report.processingTerminalId}</code> · library{' '}
            {report.libVersion} · {formatTime(report.startedAt)}
          </span>
        </div>
        <p className={`preflight-summary ${failed ? 'bad' : warned ? 'warn' : 'good'}`}>
          {failed
            ? `${failed} step${failed === 1 ? '' : 's'} failed — start with the first failure below.`
            : warned
              ? `No failures; ${warned} warning${warned === 1 ? '' : 's'}.`
              : 'Every step passed or was skipped.'}
        </p>
        <ol className="steps">
          {report.steps.map((step) => (
            <Step key={step.id} step={step} onInspect={setInspecting} />
          ))}
        </ol>
      </section>
      {inspecting && (
        <Suspense fallback={null}>
          <Inspector journalId={inspecting} onClose={() => setInspecting(null)} />
        </Suspense>
      )}
    </>
  )
}

export function PreflightScreen() {
  const id = useId()
  const form = useStore((s) => s.preflight.form)
  const setField = useStore((s) => s.preflight.setField)
  const run = useStore((s) => s.preflight.run)
  const running = useStore((s) => s.preflight.running)
  const error = useStore((s) => s.preflight.error)
  const confirming = useStore((s) => s.preflight.confirming)
  const confirm = useStore((s) => s.preflight.confirm)
  const cancelConfirm = useStore((s) => s.preflight.cancelConfirm)
  const environment = useStore((s) => s.environment.list.find((e) => e.id === s.environment.environmentId))
  const profile = useStore((s) => s.environment.profile)

  return (
    <main className="screen" aria-labelledby="preflight-title">
      <section className="card">
        <h2 id="preflight-title">Preflight</h2>
        <p className="note">
          Checks <strong>{environment?.name ?? 'the environment'}</strong> (profile <code>{profile}</code>)
          step by step: keychain, API key, identity host, key accepted, payment and tokenization sessions,
          library script and clock skew. Change the environment on the Session screen.
        </p>
        <form
          noValidate
          className="preflight-form"
          onSubmit={(e) => {
            e.preventDefault()
            void run()
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-terminal`}>Processing terminal ID</label>
            <input
              id={`${id}-terminal`}
              value={form.processingTerminalId}
              onChange={(e) => setField('processingTerminalId', e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lib`}>Library version</label>
            <input
              id={`${id}-lib`}
              value={form.libVersion}
              placeholder={environment?.defaultLibVersion}
              onChange={(e) => setField('libVersion', e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-lib-hint`}
            />
            <p className="field-hint" id={`${id}-lib-hint`}>
              Empty: the environment's default ({environment?.defaultLibVersion ?? 'unknown'}).
            </p>
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={running} aria-busy={running}>
              Run preflight
            </button>
            {running && (
              <span className="pending" role="status">
                Running…
              </span>
            )}
          </div>
        </form>
        {error && <ErrorPanel error={error} />}
      </section>
      <Report />
      <ConfirmDialog
        open={confirming}
        title="Confirm production call"
        confirmLabel="Open sessions in production"
        onConfirm={() => void confirm()}
        onCancel={cancelConfirm}
      >
        <p>
          Two steps open a real payment and tokenization session on Payroc <strong>production</strong> for
          terminal <code>{form.processingTerminalId.trim() || '(none)'}</code>. Cancel runs the other steps
          only.
        </p>
      </ConfirmDialog>
    </main>
  )
}
