/**
 * Pure bookkeeping of a running batch check: push events and batch:get snapshots are folded into one view.
 * Rows keep their object identity unless they changed, so a memoised table row re-renders only when its own
 * verdict arrives — a 1,000-row table is never rebuilt for one event.
 */
import type {
  BatchProgressEvent,
  BatchRow,
  BatchSnapshot,
  BatchState,
  BatchVerdict,
} from '@shared/diagnostics'

export interface BatchProgress {
  batchId: string
  state: BatchState
  done: number
  total: number
  failures: number
  etaMs?: number | undefined
  rows: BatchRow[]
}

const sameRow = (a: BatchRow, b: BatchRow): boolean =>
  a.verdict === b.verdict &&
  a.status === b.status &&
  a.durationMs === b.durationMs &&
  a.hint === b.hint &&
  a.message === b.message &&
  a.journalId === b.journalId

/** A row's identity: its input line and, with "both", its scenario (one line can give two rows). */
export const rowKey = (row: Pick<BatchRow, 'line' | 'scenario'>): string =>
  `${row.line}:${row.scenario ?? ''}`
const sameKey = (a: BatchRow | undefined, b: BatchRow): boolean =>
  a !== undefined && a.line === b.line && a.scenario === b.scenario

/** Replaces the row with the same line (and scenario) when it changed; the same array when nothing did. */
export function withRow(rows: BatchRow[], row: BatchRow): BatchRow[] {
  // Rows are in input order and `line` is 1-based and dense: with one scenario the index is nearly always
  // line − 1, with both it is 2·(line − 1) (+1 for tokenization); otherwise search.
  const both = row.scenario !== undefined && rows[1]?.line === rows[0]?.line
  let index = both ? 2 * (row.line - 1) + (row.scenario === 'tokenization' ? 1 : 0) : row.line - 1
  if (!sameKey(rows[index], row)) index = rows.findIndex((r) => sameKey(r, row))
  const current = rows[index]
  if (index < 0 || !current) return rows
  // A late event must not undo a verdict a newer snapshot already delivered.
  if (current.verdict !== 'pending' && row.verdict === 'pending') return rows
  if (sameRow(current, row)) return rows
  const next = rows.slice()
  next[index] = row
  return next
}

/** A push event: counters always; the row it carries, if any. Events of other batches are ignored. */
export function applyEvent(progress: BatchProgress, event: BatchProgressEvent): BatchProgress {
  if (event.batchId !== progress.batchId) return progress
  // Counters only move forward (events and snapshots can cross on the way).
  const done = Math.max(progress.done, event.done)
  const finished = progress.state !== 'running'
  return {
    ...progress,
    state: finished ? progress.state : event.state,
    done,
    total: event.total,
    failures: Math.max(progress.failures, event.failures),
    etaMs: event.state === 'running' ? event.etaMs : undefined,
    rows: event.latest ? withRow(progress.rows, event.latest) : progress.rows,
  }
}

/** A full snapshot: the source of truth for every row; unchanged rows keep their identity. */
export function applySnapshot(progress: BatchProgress | null, snapshot: BatchSnapshot): BatchProgress {
  if (progress && progress.batchId !== snapshot.batchId) return progress
  const previous = progress?.rows ?? []
  let changed = previous.length !== snapshot.rows.length
  const rows = snapshot.rows.map((row, index) => {
    const old = previous[index]
    if (
      old &&
      sameKey(old, row) &&
      (sameRow(old, row) || (row.verdict === 'pending' && old.verdict !== 'pending'))
    )
      return old
    changed = true
    return row
  })
  // A finished run stays finished even when an older snapshot (sent before the end) arrives late.
  const state = progress && progress.state !== 'running' ? progress.state : snapshot.state
  return {
    batchId: snapshot.batchId,
    state,
    done: Math.max(progress?.done ?? 0, snapshot.done),
    total: snapshot.total,
    failures: state === 'running' ? Math.max(progress?.failures ?? 0, snapshot.failures) : snapshot.failures,
    etaMs: state === 'running' ? progress?.etaMs : undefined,
    rows: changed ? rows : previous,
  }
}

export type VerdictCounts = Partial<Record<BatchVerdict, number>>

export function countVerdicts(rows: readonly BatchRow[]): VerdictCounts {
  const counts: VerdictCounts = {}
  for (const row of rows) counts[row.verdict] = (counts[row.verdict] ?? 0) + 1
  return counts
}

const SEPARATOR = /[\r\n,;]/
const BLANK = /\s/

/**
 * Ids one per line/comma, for a quick "how many will be checked" before starting (main parses for real): the
 * parts between separators that are not blank. One pass without building the parts (a 10,000-line list would
 * otherwise make 10,000 strings on every visit of the screen).
 */
export function countInputLines(text: string): number {
  let count = 0
  let filled = false
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code === 10 || code === 13 || code === 44 || code === 59) {
      if (filled) count += 1
      filled = false
    } else if (!filled && (code > 32 && code < 127 ? true : !BLANK.test(text.charAt(i)))) filled = true
  }
  return filled ? count + 1 : count
}

/** Above this many characters (about 1,000 IDs) the screen opens with the list folded (TerminalIdsField). */
export const LONG_LIST_CHARS = 8_000
export const isLongList = (text: string): boolean => text.length > LONG_LIST_CHARS

/** The first `count` entries of a list, for its folded summary; reads only the start of the text. */
export function firstEntries(text: string, count: number): string {
  const found: string[] = []
  let from = 0
  while (found.length < count && from < text.length) {
    let to = from
    while (to < text.length && to - from < 40 && !SEPARATOR.test(text.charAt(to))) to += 1
    const part = text.slice(from, to).trim()
    if (part !== '') found.push(part)
    while (to < text.length && !SEPARATOR.test(text.charAt(to))) to += 1
    from = to + 1
  }
  return found.join(', ')
}
