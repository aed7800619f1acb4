import { useEffect, useId, useState } from 'react'
import type { JournalAttempt, JournalEntry } from '@shared/contract'
import { ActionStatus, type ActionState } from '@renderer/components/ActionStatus'
import { copyToClipboard } from '@renderer/components/clipboard'
import { formatMs, formatTime } from '@renderer/components/format'
import { ExportBundleButton } from '@renderer/features/bundle/ExportBundleButton'
import { useStore } from '@renderer/store-context'
import './inspector.css'

/** JSON bodies are shown indented; anything else as it came. */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

function Headers({ headers }: { headers: Record<string, string> }) {
  const names = Object.keys(headers)
  if (names.length === 0) return <p className="muted">No headers.</p>
  return (
    <dl className="headers">
      {names.map((name) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{headers[name]}</dd>
        </div>
      ))}
    </dl>
  )
}

function Exchange({
  label,
  headers,
  body,
}: {
  label: string
  headers: Record<string, string>
  body?: string | undefined
}) {
  return (
    <details className="exchange">
      <summary>{label}</summary>
      <Headers headers={headers} />
      {body ? <pre className="body">{pretty(body)}</pre> : <p className="muted">No body.</p>}
    </details>
  )
}

function Attempt({ attempt }: { attempt: JournalAttempt }) {
  const status = attempt.response?.status
  const failed = attempt.error !== undefined || (status !== undefined && status >= 400)
  return (
    <li className="attempt" data-failed={failed || undefined}>
      <p className="attempt-line">
        <span className="attempt-n">#{attempt.n}</span>
        <code>{attempt.method}</code> <code className="url">{attempt.url}</code>
        <span className={`status-pill${failed ? ' bad' : ''}`}>{status ?? attempt.error?.kind ?? '—'}</span>
        <span className="muted">{formatMs(attempt.durationMs)}</span>
      </p>
      {attempt.error && (
        <p className="attempt-error">
          {attempt.error.message}
          {attempt.error.code ? ` (${attempt.error.code})` : ''}
        </p>
      )}
      {attempt.hint && <p className="attempt-hint">{attempt.hint}</p>}
      {attempt.retry && (
        <p className="muted">
          Retried: {attempt.retry.reason}, after {formatMs(attempt.retry.delayMs)}.
        </p>
      )}
      <Exchange
        label="Request headers and body"
        headers={attempt.request.headers}
        body={attempt.request.body}
      />
      {attempt.response && (
        <Exchange
          label="Response headers and body"
          headers={attempt.response.headers}
          body={attempt.response.body}
        />
      )}
    </li>
  )
}

const safeLink = (type: string): string | undefined => (/^https:\/\//i.test(type) ? type : undefined)

function Problem({ entry }: { entry: JournalEntry }) {
  const problem = entry.error?.problem
  if (!problem) return null
  const href = problem.type ? safeLink(problem.type) : undefined
  return (
    <dl className="details problem">
      {problem.type && (
        <>
          <dt>Type</dt>
          <dd>
            {href ? (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {problem.type}
              </a>
            ) : (
              <code>{problem.type}</code>
            )}
          </dd>
        </>
      )}
      {problem.title && (
        <>
          <dt>Title</dt>
          <dd className="problem-title">{problem.title}</dd>
        </>
      )}
      {problem.detail && (
        <>
          <dt>Detail</dt>
          <dd>{problem.detail}</dd>
        </>
      )}
      {(problem.errors ?? []).length > 0 && (
        <>
          <dt>Errors</dt>
          <dd>
            <ul className="problem-errors">
              {(problem.errors ?? []).map((item, index) => (
                <li key={index}>
                  {item.parameter && <code>{item.parameter}</code>}
                  {item.parameter && ' → '}
                  {item.message ?? item.detail}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  )
}

type CopyVariant = 'replay' | 'freshKey'

function Actions({ entry, environmentName }: { entry: JournalEntry; environmentName: string }) {
  const curl = useStore((s) => s.journal.curl)
  const [copy, setCopy] = useState<ActionState>({ kind: 'idle' })
  const [copied, setCopied] = useState<CopyVariant | null>(null)
  const withScript = entry.operation !== 'authorize'

  const onCopy = async (variant: CopyVariant) => {
    const answer = await curl(entry.id)
    if (!answer.ok) return setCopy({ kind: 'failed', text: `${answer.error.message} ${answer.error.hint}` })
    const text = answer.value.script ? answer.value.script[variant] : answer.value.command
    const done = await copyToClipboard(text)
    setCopied(done ? variant : null)
    setCopy(
      done
        ? {
            kind: 'done',
            text: variant === 'freshKey' ? 'Copied, with a fresh Idempotency-Key' : 'Copied',
          }
        : { kind: 'failed', text: 'Copy failed — the clipboard refused' },
    )
  }

  return (
    <>
      <div className="inspector-actions">
        <button type="button" onClick={() => void onCopy('replay')}>
          Copy as cURL
        </button>
        {withScript && entry.idempotencyKey && (
          <button type="button" onClick={() => void onCopy('freshKey')}>
            Copy with a fresh Idempotency-Key
          </button>
        )}
        <ActionStatus state={copy} />
        <ExportBundleButton entry={entry} />
      </div>
      {withScript && (
        <div className="curl-note" data-testid="curl-note" data-copied={copied ?? undefined}>
          <p>
            <strong>Copy as cURL</strong> gives a two-step <code>sh</code> script. Set{' '}
            <code>PAYROC_API_KEY</code> to your API key for {environmentName} first (it is never in the
            script); step 1 exchanges it at the identity service for <code>PAYROC_BEARER</code>, step 2
            repeats this call with it.
          </p>
          {entry.idempotencyKey && (
            <p className="curl-warning" role="note">
              Replaying with the same Idempotency-Key returns the original answer (for a create: the same
              session token, no new session) while the gateway keeps the key; a changed body answers 409. For
              a new request, copy the variant with a fresh Idempotency-Key.
            </p>
          )}
        </div>
      )}
    </>
  )
}

const OPERATION: Record<JournalEntry['operation'], string> = {
  authorize: 'Identity (authorize)',
  'create-session': 'Create session',
  'secure-token:create': 'Save secure token',
  'secure-token:update': 'Update secure token',
  'secure-token:list': 'List secure tokens',
  'secure-token:get': 'Retrieve secure token',
  'secure-token:delete': 'Delete secure token',
  'secure-token:patch': 'Update secure token details',
  'payment:sale': 'Sale',
  'payment:capture': 'Capture',
  'payment:reverse': 'Reverse',
  'payment:refund': 'Refund',
  'bank-transfer:payment': 'Bank transfer payment',
  'bank-transfer:reverse': 'Reverse bank transfer',
  'bank-transfer:refund': 'Refund bank transfer',
  'card:bin-lookup': 'BIN lookup (surcharging)',
  'single-use-token:create': 'Create single-use token',
}

function EntryView({ entry }: { entry: JournalEntry }) {
  const environmentName = useStore(
    (s) => s.environment.list.find((e) => e.id === entry.environmentId)?.name ?? entry.environmentId,
  )
  return (
    <>
      {entry.error && (
        <p className="inspector-why" data-testid="inspector-why">
          <strong>Why it failed:</strong> {entry.error.message} {entry.error.hint}
        </p>
      )}
      <p className="inspector-meta">
        <span className={`status-pill${entry.outcome === 'error' ? ' bad' : ''}`}>
          {entry.status ?? (entry.outcome === 'ok' ? 'OK' : entry.errorKind)}
        </span>
        <span>{OPERATION[entry.operation]}</span>
        <span>{entry.environmentId}</span>
        <span>{formatTime(entry.startedAt)}</span>
        <span>{formatMs(entry.durationMs)}</span>
        <span>
          {entry.attempts.length} attempt{entry.attempts.length === 1 ? '' : 's'}
        </span>
        {entry.idempotencyKey && (
          <span>
            Idempotency-Key <code>{entry.idempotencyKey}</code>
          </span>
        )}
      </p>
      <Problem entry={entry} />
      <Actions entry={entry} environmentName={environmentName} />
      <ol className="attempts">
        {entry.attempts.map((attempt) => (
          <Attempt key={attempt.n} attempt={attempt} />
        ))}
      </ol>
    </>
  )
}

/** The raw exchange behind one journal entry, laid out for a support agent. */
export function Inspector({ journalId, onClose }: { journalId: string; onClose?: () => void }) {
  const id = useId()
  const load = useStore((s) => s.journal.load)
  const loaded = useStore((s) => s.journal.entries[journalId])
  useEffect(() => {
    void load(journalId)
  }, [journalId, load])

  return (
    <section className="card inspector" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>Inspector</h2>
        {onClose && (
          <button type="button" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      {!loaded || loaded.state === 'loading' ? (
        <p className="muted">Loading the journal entry…</p>
      ) : loaded.state === 'failed' ? (
        <p className="inspector-why">
          {loaded.error.message} {loaded.error.hint}
        </p>
      ) : (
        <EntryView entry={loaded.entry} />
      )}
    </section>
  )
}
