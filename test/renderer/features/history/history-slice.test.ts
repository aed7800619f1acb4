import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '@shared/diagnostics'
import type { AppError } from '@shared/result'
import { startedStore } from '../../../support/renderer-transport'
import { sessionCreated } from '../../session-created'
import { describeRerun, toHistoryFilter } from '@renderer/features/history/history-slice'
import { visibleEntries } from '@renderer/features/history/history-filter'

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

const created = sessionCreated({ token: 'a'.repeat(42) + 'abc123', journalId: 'j-new' })

describe('history slice', () => {
  it('leaves a blank box out of the export request', () => {
    expect(toHistoryFilter({ query: '  ' })).toEqual({})
    expect(toHistoryFilter({ query: ' 555 uat ' })).toEqual({ query: '555 uat' })
  })

  it('one box filters over terminal, token suffix, status, kind, environment, profile and outcome', () => {
    const entries = [
      entry('a', { processingTerminalId: '1234001', tokenSuffix: 'abc123', status: 201 }),
      entry('b', {
        environmentId: 'uat',
        profile: 'merchant-b',
        outcome: 'error',
        errorKind: 'forbidden',
        status: 403,
        processingTerminalId: '9999123',
      }),
    ]
    const label = (id: string) => ({ sandbox: 'Sandbox', uat: 'UAT' })[id]
    const ids = (query: string) => visibleEntries(entries, query, label).map((e) => e.id)
    expect(ids('')).toEqual(['a', 'b'])
    expect(ids('1234')).toEqual(['a'])
    expect(ids('abc123')).toEqual(['a'])
    expect(ids('xxxxxxxxxxabc123')).toEqual(['a'])
    expect(ids('403')).toEqual(['b'])
    expect(ids('forbidden')).toEqual(['b'])
    expect(ids('UAT merchant-b')).toEqual(['b'])
    expect(ids('sandbox 403')).toEqual([])
    expect(ids('payment')).toEqual(['a', 'b'])
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
    store.getState().history.setFilter({ query: '1234 ok' })
    await store.getState().history.load()
    // The list is loaded whole and filtered in the renderer; the export sends the box's words.
    expect(requests('history:list').at(-1)).toEqual({})
    expect(store.getState().history.filter).toEqual({ query: '1234 ok' })
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
