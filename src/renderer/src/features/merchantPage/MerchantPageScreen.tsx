import { useId } from 'react'
import type { PageCheck, Verdict } from '@shared/contract'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { formatMs } from '@renderer/components/format'
import { useStore } from '@renderer/store-context'

const VERDICT: Record<Verdict, { icon: string; label: string; status: string }> = {
  pass: { icon: '✓', label: 'Pass', status: 'pass' },
  fail: { icon: '✕', label: 'Fail', status: 'fail' },
  warn: { icon: '!', label: 'Warning', status: 'warn' },
  skip: { icon: '–', label: 'Skipped', status: 'skipped' },
}

function Check({ check }: { check: PageCheck }) {
  const { icon, label, status } = VERDICT[check.verdict]
  return (
    <li className="step" data-status={status} data-check={check.id}>
      <span className="step-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="step-body">
        <p className="step-line">
          <strong className="step-title">{check.id}</strong>
          <span className={`step-status ${status}`}>{label}</span>
        </p>
        <p className="step-detail">{check.summary}</p>
        {check.evidence.length > 0 && (
          <ul className="page-evidence" aria-label={`Evidence for ${check.id}`}>
            {check.evidence.map((item, index) => (
              <li key={index}>
                <code>{item}</code>
              </li>
            ))}
          </ul>
        )}
        {check.verdict !== 'pass' && check.hint && <p className="step-hint">{check.hint}</p>}
      </div>
    </li>
  )
}

function Report() {
  const result = useStore((s) => s.merchantPage.result)
  if (!result) return null
  const { report } = result
  const failed = report.checks.filter((c) => c.verdict === 'fail').length
  const warned = report.checks.filter((c) => c.verdict === 'warn').length
  return (
    <section className="card" role="region" aria-label="Page check report">
      <div className="card-head">
        <h2>Page check report</h2>
        <span className="muted">
          <code>{report.url}</code> · {report.environment} · {formatMs(result.durationMs)} · {result.engine}
        </span>
      </div>
      <p className={`preflight-summary ${failed ? 'bad' : warned ? 'warn' : 'good'}`}>
        {failed
          ? `${failed} check${failed === 1 ? '' : 's'} failed — start with the first failure below.`
          : warned
            ? `No failures; ${warned} warning${warned === 1 ? '' : 's'}.`
            : 'Every check passed or was skipped.'}
      </p>
      <ol className="steps">
        {report.checks.map((check) => (
          <Check key={check.id} check={check} />
        ))}
      </ol>
      {result.screenshotPng && (
        <figure className="page-screenshot">
          <img
            src={`data:image/png;base64,${result.screenshotPng}`}
            alt={`Screenshot of ${report.url} as the check loaded it`}
          />
          <figcaption className="muted">The page as the isolated browser loaded it.</figcaption>
        </figure>
      )}
    </section>
  )
}

export function MerchantPageScreen() {
  const id = useId()
  const url = useStore((s) => s.merchantPage.url)
  const setUrl = useStore((s) => s.merchantPage.setUrl)
  const chosen = useStore((s) => s.merchantPage.environmentId || s.environment.environmentId)
  const setEnvironment = useStore((s) => s.merchantPage.setEnvironment)
  const environments = useStore((s) => s.environment.list)
  const running = useStore((s) => s.merchantPage.running)
  const progress = useStore((s) => s.merchantPage.progress)
  const error = useStore((s) => s.merchantPage.error)
  const check = useStore((s) => s.merchantPage.check)
  const samples = useStore((s) => s.app.info?.samplePages ?? [])

  return (
    <main className="screen" aria-labelledby={`${id}-title`}>
      <section className="card">
        <h2 id={`${id}-title`}>Merchant page</h2>
        <p className="note">
          Loads a merchant's checkout page in an isolated browser (no access to this console, its keys or its
          bridge), watches its Hosted Fields integration and judges the script, build, SRI, CSP, secrets,
          selectors, initialisation and session token.
        </p>
        <form
          noValidate
          className="preflight-form"
          onSubmit={(e) => {
            e.preventDefault()
            void check()
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-url`}>Page URL</label>
            <input
              id={`${id}-url`}
              type="url"
              value={url}
              placeholder="https://shop.example/checkout"
              onChange={(e) => setUrl(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-env`}>Environment the page should use</label>
            <select id={`${id}-env`} value={chosen} onChange={(e) => setEnvironment(e.target.value)}>
              {environments.map((env) => (
                <option key={env.id} value={env.id}>
                  {env.name}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={running} aria-busy={running}>
              Check page
            </button>
          </div>
        </form>
        {running && progress && (
          <div className="page-progress" role="status">
            <progress max={1} value={progress.fraction} aria-label="Page check progress" />
            <span>{progress.message}…</span>
          </div>
        )}
        {error && <ErrorPanel error={error} />}
        {samples.length > 0 && (
          <details className="page-samples">
            <summary>Sample pages served by the sandbox</summary>
            <ul>
              {samples.map((sample) => (
                <li key={sample.name}>
                  <button
                    type="button"
                    className="small"
                    onClick={() => {
                      setUrl(sample.url)
                      setEnvironment('sandbox')
                    }}
                    aria-label={`Use the ${sample.name} sample page`}
                  >
                    {sample.name}
                  </button>{' '}
                  <span className="muted">{sample.what}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <Report />
    </main>
  )
}
