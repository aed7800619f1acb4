import type { AppError } from '@shared/result'

interface Props {
  error: AppError
  /** `errors[]` parameters already shown next to their form fields. */
  shownWithFields?: readonly string[]
}

/** A failed call in plain words: status and problem title, detail, the gateway's errors[] and what to do. */
export function ErrorPanel({ error, shownWithFields = [] }: Props) {
  const { status, problem } = error
  const title = problem?.title ?? error.message
  const items = (problem?.errors ?? []).filter(
    (item) => !item.parameter || !shownWithFields.includes(item.parameter),
  )
  return (
    <div className="error-panel" role="alert">
      <p className="error-title">
        {status !== undefined && <span className="status-badge">{status}</span>}
        <strong>{title}</strong>
      </p>
      {problem?.detail && <p className="error-detail">{problem.detail}</p>}
      {problem && !error.message.includes(problem.detail) && <p className="error-message">{error.message}</p>}
      {items.length > 0 && (
        <ul className="error-items">
          {items.map((item, index) => (
            <li key={index}>
              {item.parameter && <code>{item.parameter}</code>} {item.message ?? item.detail}
            </li>
          ))}
        </ul>
      )}
      <p className="error-hint">
        <span className="hint-label">What to do:</span> {error.hint}
      </p>
      {error.journalId && <p className="error-journal">Journal entry {error.journalId}</p>}
    </div>
  )
}
