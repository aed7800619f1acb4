import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '@shared/diagnostics'
import type { AppError } from '@shared/result'
import { startedStore } from '../../../support/renderer-transport'
import { describeRerun, toHistoryFilter } from '@renderer/features/history/history-slice'

const entry = (id: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  at: '2026-01-01T10:00:00.000Z',
  environmentId: 'sandbox',
  profile: 'default',
  processingTerminalId: '1234001',
  scenario: 'payment',
  libVersion: '1.7.0.261457',
  outcome: 'ok',
  durationMs: 12,
  attempts: 1,
  journalId: `j-${id}`,
  ...extra,
})

const created = {
  environmentId: 'sandbox',
  processingTerminalId: '1234001',
  scenario: 'payment' as const,
  libVersion: '1.7.0.261457',
  token: 'a'.repeat(42) + 'abc123',
  expiresAt: '2026-01-01T10:10:00.000Z',
  receivedAt: '2026-01-01T10:00:00.000Z',
  idempotencyKey: '93dd93ff-fdb5-4765-9158-e2dc3ae288b7',
  attempts: 1,
  durationMs: 4,
  journalId: 'j-new',
}

describe('history slice', () => {
  it('leaves blank filter fields out of the request', () => {
    expect(toHistoryFilter({ terminal: '  ', environmentId: '', outcome: '' })).toEqual({})
    expect(toHistoryFilter({ terminal: ' 555 ', environmentId: 'sandbox', outcome: 'error' })).toEqual({
      terminal: '555',
      environmentId: 'sandbox',
      outcome: 'error',
    })
  })

  it('filters through history:list and keeps the corrupt-file notice until dismissed', async () => {
    let first = true
    const { store, requests } = await startedStore({
      'history:list': () => {
        const notice = first ? 'The history file was corrupt; a copy was kept aside.' : undefined
        first = false
        return { ok: true, value: { entries: [entry('h1')], ...(notice ? { notice } : {}) } }
      },
    })
    await store.getState().history.load()
    expect(store.getState().history.notice).toContain('corrupt')
    store.getState().history.setFilter({ terminal: '1234', outcome: 'ok' })
    await store.getState().history.load()
    expect(requests('history:list').at(-1)).toEqual({ terminal: '1234', outcome: 'ok' })
    // Main hands the notice out once; the slice keeps it for the user.
    expect(store.getState().history.notice).toContain('corrupt')
    store.getState().history.dismissNotice()
    expect(store.getState().history.notice).toBeNull()
  })

  it('shows only the newest answer when filter requests overtake each other', async () => {
    const answers: ((value: { ok: true; value: { entries: HistoryEntry[] } }) => void)[] = []
    const { store } = await startedStore({
      'history:list': () => new Promise((resolve) => answers.push(resolve)),
    })
    const older = store.getState().history.load()
    const newer = store.getState().history.load()
    answers[1]?.({ ok: true, value: { entries: [entry('new')] } })
    answers[0]?.({ ok: true, value: { entries: [entry('old')] } })
    await Promise.all([older, newer])
    expect(store.getState().history.entries.map((e) => e.id)).toEqual(['new'])
  })

  it('re-runs, reloads the list and opens the new entry in the Inspector', async () => {
    let entries = [entry('h1')]
    const { store, requests } = await startedStore({
      'history:list': () => ({ ok: true, value: { entries } }),
      'history:rerun': () => {
        entries = [entry('h2', { rerunOf: 'h1', journalId: 'j-new' }), ...entries]
        return { ok: true, value: created }
      },
    })
    await store.getState().history.load()
    await store.getState().history.rerun('h1')
    expect(requests('history:rerun')).toEqual([{ id: 'h1' }])
    const s = store.getState().history
    expect(s.entries).toHaveLength(2)
    expect(s.lastRerun).toMatchObject({ ok: true, sourceId: 'h1', journalId: 'j-new' })
    expect(s.lastRerun?.message).toContain('…abc123')
    expect(s.inspecting).toBe('j-new')
  })

  it('asks before re-running a production entry, then sends confirmProduction', async () => {
    const { store, requests } = await startedStore({
      'history:list': () => ({
        ok: true,
        value: { entries: [entry('p1', { environmentId: 'production' })] },
      }),
      'history:rerun': () => ({ ok: true, value: created }),
    })
    await store.getState().history.load()
    await store.getState().history.rerun('p1')
    expect(store.getState().history.confirmingRerun).toBe('p1')
    expect(requests('history:rerun')).toEqual([])
    store.getState().history.cancelRerun()
    expect(store.getState().history.confirmingRerun).toBeNull()
    await store.getState().history.rerun('p1')
    await store.getState().history.confirmRerun()
    expect(requests('history:rerun')).toEqual([{ id: 'p1', confirmProduction: true }])
  })

  it('says in one line why a re-run failed', () => {
    const error: AppError = {
      kind: 'forbidden',
      status: 403,
      message: 'The gateway answered 403.',
      hint: 'Use the merchant’s key.',
      journalId: 'j9',
    }
    expect(describeRerun({ ok: false, error })).toEqual({
      ok: false,
      message: 'Re-run failed (403): The gateway answered 403. Use the merchant’s key.',
      journalId: 'j9',
    })
  })
})
