import { describe, expect, it } from 'vitest'
import type { BatchRow, BatchSnapshot } from '@shared/diagnostics'
import {
  applyEvent,
  applySnapshot,
  countInputLines,
  countVerdicts,
  firstEntries,
  isLongList,
  LONG_LIST_CHARS,
  rowKey,
  withRow,
  type BatchProgress,
} from '@renderer/features/batch/batch-progress'

const pending = (line: number): BatchRow => ({
  line,
  input: String(5550000 + line),
  processingTerminalId: String(5550000 + line),
  verdict: 'pending',
  hint: '',
})
const ok = (line: number): BatchRow => ({
  ...pending(line),
  verdict: 'ok',
  status: 201,
  hint: 'fine',
  durationMs: 5,
})

const snapshot = (rows: BatchRow[], extra: Partial<BatchSnapshot> = {}): BatchSnapshot => ({
  batchId: 'b1',
  environmentId: 'sandbox',
  state: 'running',
  rows,
  done: rows.filter((r) => r.verdict !== 'pending').length,
  total: rows.length,
  failures: 0,
  startedAt: '2026-01-01T10:00:00.000Z',
  ...extra,
})

const start = (n: number): BatchProgress =>
  applySnapshot(null, snapshot(Array.from({ length: n }, (_, i) => pending(i + 1))))

describe('batch progress folding', () => {
  it('moves the counters and replaces only the row an event carries', () => {
    const before = start(1000)
    const after = applyEvent(before, {
      type: 'batch',
      batchId: 'b1',
      state: 'running',
      done: 1,
      total: 1000,
      failures: 0,
      etaMs: 9000,
      latest: ok(500),
    })
    expect(after.done).toBe(1)
    expect(after.etaMs).toBe(9000)
    expect(after.rows[499]?.verdict).toBe('ok')
    // Every other row is the very same object: memoised table rows do not re-render.
    const same = after.rows.filter((row, i) => row === before.rows[i]).length
    expect(same).toBe(999)
  })

  it('ignores events of another batch', () => {
    const before = start(3)
    const event = {
      type: 'batch' as const,
      batchId: 'other',
      state: 'completed' as const,
      done: 3,
      total: 3,
      failures: 3,
    }
    expect(applyEvent(before, event)).toBe(before)
  })

  it('never moves counters backwards when an older event arrives late', () => {
    let progress = start(10)
    progress = applyEvent(progress, {
      type: 'batch',
      batchId: 'b1',
      state: 'running',
      done: 6,
      total: 10,
      failures: 2,
    })
    progress = applyEvent(progress, {
      type: 'batch',
      batchId: 'b1',
      state: 'running',
      done: 4,
      total: 10,
      failures: 1,
    })
    expect(progress.done).toBe(6)
    expect(progress.failures).toBe(2)
  })

  it('keeps a finished run finished when a snapshot taken before the end arrives', () => {
    let progress = start(2)
    progress = applyEvent(progress, {
      type: 'batch',
      batchId: 'b1',
      state: 'completed',
      done: 2,
      total: 2,
      failures: 0,
    })
    progress = applySnapshot(progress, snapshot([ok(1), pending(2)]))
    expect(progress.state).toBe('completed')
    expect(progress.etaMs).toBeUndefined()
  })

  it('does not turn a delivered verdict back into pending', () => {
    const progress = applyEvent(start(2), {
      type: 'batch',
      batchId: 'b1',
      state: 'running',
      done: 1,
      total: 2,
      failures: 0,
      latest: ok(2),
    })
    expect(withRow(progress.rows, pending(2))).toBe(progress.rows)
    expect(applySnapshot(progress, snapshot([pending(1), pending(2)])).rows[1]?.verdict).toBe('ok')
  })

  it('returns the same rows array for a snapshot that changes nothing', () => {
    const progress = start(5)
    expect(applySnapshot(progress, snapshot(progress.rows.map((r) => ({ ...r })))).rows).toBe(progress.rows)
  })

  it('fills every row from a snapshot, keeping the unchanged ones', () => {
    const progress = start(3)
    const next = applySnapshot(progress, snapshot([ok(1), pending(2), ok(3)], { done: 2 }))
    expect(next.rows.map((r) => r.verdict)).toEqual(['ok', 'pending', 'ok'])
    expect(next.rows[1]).toBe(progress.rows[1])
    expect(next.done).toBe(2)
  })

  it('counts verdicts and input entries', () => {
    expect(countVerdicts([ok(1), ok(2), { ...pending(3), verdict: 'invalid' }])).toEqual({
      ok: 2,
      invalid: 1,
    })
    expect(countInputLines('1234001\n\n1234002, 1234003\r\n  \n')).toBe(3)
  })

  it('counts entries as the split on separators would, blanks (unicode ones too) not counted', () => {
    const splitCount = (text: string): number =>
      text.split(/[\r\n,;]+/).filter((part) => part.trim() !== '').length
    for (const text of [
      '',
      ' ',
      ',;,',
      '1234001',
      '1234001,',
      ',1234001',
      'a;b;;c',
      '1234001\u00a0\n\u2003\n\t1234002\t',
      'x\u00a0y\r\r\nz',
      'é,ü',
    ])
      expect(countInputLines(text), JSON.stringify(text)).toBe(splitCount(text))
  })

  it('a list over LONG_LIST_CHARS is long; its summary reads the first entries only', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => String(5550000 + i)).join('\n')
    expect(isLongList(list)).toBe(true)
    expect(isLongList('x'.repeat(LONG_LIST_CHARS))).toBe(false)
    expect(firstEntries(list, 3)).toBe('5550000, 5550001, 5550002')
    expect(firstEntries('\n 1234001 ,, 1234002;', 3)).toBe('1234001, 1234002')
    expect(firstEntries('y'.repeat(100), 1)).toBe('y'.repeat(40))
  })
})

describe('rows of a "both" batch: one line, two scenarios', () => {
  const both = (line: number, scenario: 'payment' | 'tokenization'): BatchRow => ({
    ...pending(line),
    scenario,
  })
  const rows = [both(1, 'payment'), both(1, 'tokenization'), both(2, 'payment'), both(2, 'tokenization')]
  it('an event replaces only the row with its line AND scenario', () => {
    const done: BatchRow = { ...both(2, 'tokenization'), verdict: 'no-secure-tokens', hint: 'h', status: 201 }
    const next = withRow(rows, done)
    expect(next[3]).toBe(done)
    expect(next[2]).toBe(rows[2])
    expect(next.filter((r) => r.verdict === 'pending')).toHaveLength(3)
  })
  it('keys differ per scenario', () => {
    expect(rowKey(both(1, 'payment'))).not.toBe(rowKey(both(1, 'tokenization')))
  })
})
