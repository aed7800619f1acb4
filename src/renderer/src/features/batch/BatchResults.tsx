import { memo, useCallback, useMemo, useState, type UIEvent } from 'react'
import type { BatchRow, BatchVerdict } from '@shared/diagnostics'
import { formatMs } from '@renderer/components/format'
import { countVerdicts, rowKey } from './batch-progress'
import { windowOf, ROW_HEIGHT_PX, VIEWPORT_ROWS } from './row-window'
import './batch-results.css'

export const VERDICT_LABEL: Record<BatchVerdict, string> = {
  pending: 'Pending',
  ok: 'OK',
  'no-secure-tokens': 'No secure tokens',
  unverified: 'Unverified',
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
  'no-secure-tokens': 'bad',
  unverified: 'bad',
  forbidden: 'bad',
  auth: 'bad',
  invalid: 'bad',
  duplicate: 'muted',
  'rate-limited': 'bad',
  error: 'bad',
  cancelled: 'muted',
}
const SCENARIO_LABEL = { payment: 'Payment', tokenization: 'Tokenization' } as const

const hintOf = (row: BatchRow): string =>
  `${row.duplicateOf !== undefined ? `Same as line ${row.duplicateOf}. ` : ''}${
    row.message && (row.verdict === 'invalid' || row.verdict === 'unverified') ? `${row.message}. ` : ''
  }${row.hint}`

const Row = memo(function Row({ row, onOpen }: { row: BatchRow; onOpen: (journalId: string) => void }) {
  const hint = hintOf(row)
  const terminal = row.processingTerminalId ?? row.input
  return (
    <tr data-verdict={row.verdict} style={{ height: ROW_HEIGHT_PX }}>
      <td className="num">{row.line}</td>
      <td>
        <code>{terminal}</code>
      </td>
      <td>{row.scenario ? SCENARIO_LABEL[row.scenario] : '—'}</td>
      <td className="num">{row.status ?? ''}</td>
      <td>
        <span className={`verdict ${TONE[row.verdict]}`}>{VERDICT_LABEL[row.verdict]}</span>
      </td>
      <td className="hint-cell batch-hint" title={hint}>
        {hint}
      </td>
      <td className="num">{formatMs(row.durationMs)}</td>
      <td className="row-actions">
        {row.journalId && (
          <button
            type="button"
            aria-label={`Inspect line ${row.line}${row.scenario ? ` ${row.scenario}` : ''} (${terminal})`}
            onClick={() => row.journalId && onOpen(row.journalId)}
          >
            Inspect
          </button>
        )}
      </td>
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

/**
 * The results table, windowed: only the rows in view (plus a margin) are in the DOM, between two spacer rows
 * of the right height, so 10,000 rows cost what 100 do. Rows have one fixed height (the hint is one line, the
 * full text in its title and in the Inspector).
 */
export function BatchResults({
  rows,
  onOpen,
}: {
  rows: readonly BatchRow[]
  onOpen: (journalId: string) => void
}) {
  const [failuresOnly, setFailuresOnly] = useState(false)
  const [scrollTop, setScrollTop] = useState(0)
  const visible = useMemo(
    () => (failuresOnly ? rows.filter((r) => TONE[r.verdict] === 'bad') : rows),
    [rows, failuresOnly],
  )
  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    setScrollTop(event.currentTarget.scrollTop)
  }, [])
  const { start, end, before, after } = windowOf(visible.length, scrollTop)
  return (
    <>
      <div className="results-tools">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={failuresOnly}
            onChange={(e) => {
              setFailuresOnly(e.target.checked)
              setScrollTop(0)
            }}
          />
          Only failures
        </label>
        <span className="muted" data-testid="batch-row-count">
          {visible.length} row{visible.length === 1 ? '' : 's'}
        </span>
      </div>
      <div
        className="table-wrap batch-table-wrap"
        style={{ maxHeight: ROW_HEIGHT_PX * (VIEWPORT_ROWS + 1) }}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label="Batch results, scrollable"
        key={failuresOnly ? 'failures' : 'all'}
      >
        <table
          className="data-table batch-table"
          aria-label="Batch results"
          aria-rowcount={visible.length + 1}
        >
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Terminal</th>
              <th scope="col">Scenario</th>
              <th scope="col">HTTP status</th>
              <th scope="col">Verdict</th>
              <th scope="col">Hint</th>
              <th scope="col">Duration</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {before > 0 && (
              <tr aria-hidden="true" className="spacer-row" style={{ height: before }}>
                <td colSpan={8} />
              </tr>
            )}
            {visible.slice(start, end).map((row) => (
              <Row key={rowKey(row)} row={row} onOpen={onOpen} />
            ))}
            {after > 0 && (
              <tr aria-hidden="true" className="spacer-row" style={{ height: after }}>
                <td colSpan={8} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  )
}
