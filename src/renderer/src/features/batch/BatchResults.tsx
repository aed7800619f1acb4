import { memo, useMemo, useState } from 'react'
import type { BatchRow, BatchVerdict } from '@shared/diagnostics'
import { formatMs } from '@renderer/components/format'
import { countVerdicts } from './batch-progress'

/** The first rows rendered; the rest on request ("Show all"), so a 10,000-line paste stays responsive. */
export const ROW_CAP = 200

export const VERDICT_LABEL: Record<BatchVerdict, string> = {
  pending: 'Pending',
  ok: 'OK',
  forbidden: 'Forbidden',
  auth: 'Credentials',
  invalid: 'Invalid ID',
  duplicate: 'Duplicate',
  'rate-limited': 'Rate-limited',
  error: 'Error',
  cancelled: 'Cancelled',
}
const TONE: Record<BatchVerdict, string> = {
  pending: 'muted',
  ok: 'good',
  forbidden: 'bad',
  auth: 'bad',
  invalid: 'bad',
  duplicate: 'muted',
  'rate-limited': 'bad',
  error: 'bad',
  cancelled: 'muted',
}

const Row = memo(function Row({ row }: { row: BatchRow }) {
  return (
    <tr data-verdict={row.verdict}>
      <td className="num">{row.line}</td>
      <td>
        <code>{row.processingTerminalId ?? row.input}</code>
      </td>
      <td className="num">{row.status ?? ''}</td>
      <td>
        <span className={`verdict ${TONE[row.verdict]}`}>{VERDICT_LABEL[row.verdict]}</span>
      </td>
      <td className="hint-cell">
        {row.duplicateOf !== undefined ? `Same as line ${row.duplicateOf}. ` : ''}
        {row.message && row.verdict === 'invalid' ? `${row.message}. ` : ''}
        {row.hint}
      </td>
      <td className="num">{formatMs(row.durationMs)}</td>
    </tr>
  )
})

export function VerdictSummary({ rows }: { rows: readonly BatchRow[] }) {
  const counts = useMemo(() => countVerdicts(rows), [rows])
  const verdicts = (Object.keys(VERDICT_LABEL) as BatchVerdict[]).filter((v) => (counts[v] ?? 0) > 0)
  if (verdicts.length === 0) return null
  return (
    <ul className="verdict-summary" aria-label="Verdicts">
      {verdicts.map((v) => (
        <li key={v} className={`verdict ${TONE[v]}`} data-verdict={v}>
          {VERDICT_LABEL[v]}: {counts[v]}
        </li>
      ))}
    </ul>
  )
}

export function BatchResults({ rows }: { rows: readonly BatchRow[] }) {
  const [showAll, setShowAll] = useState(false)
  const [failuresOnly, setFailuresOnly] = useState(false)
  const visible = useMemo(
    () => (failuresOnly ? rows.filter((r) => TONE[r.verdict] === 'bad') : rows),
    [rows, failuresOnly],
  )
  const shown = showAll ? visible : visible.slice(0, ROW_CAP)
  return (
    <>
      <div className="results-tools">
        <label className="checkbox">
          <input type="checkbox" checked={failuresOnly} onChange={(e) => setFailuresOnly(e.target.checked)} />
          Only failures
        </label>
      </div>
      <div className="table-wrap">
        <table className="data-table" aria-label="Batch results">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Terminal</th>
              <th scope="col">HTTP status</th>
              <th scope="col">Verdict</th>
              <th scope="col">Hint</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <Row key={row.line} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length < visible.length && (
        <p className="show-more">
          Showing {shown.length} of {visible.length} rows.{' '}
          <button type="button" onClick={() => setShowAll(true)}>
            Show all {visible.length} rows
          </button>
        </p>
      )}
    </>
  )
}
