import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  BATCH_DEFAULT_CONCURRENCY,
  BATCH_MAX_CONCURRENCY,
  type BatchRow,
  type BatchSnapshot,
} from '@shared/diagnostics'
import { startedStore } from '../../../support/renderer-transport'
import { clampConcurrency, DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '@renderer/features/batch/batch-slice'

const row = (line: number, verdict: BatchRow['verdict']): BatchRow => ({
  line,
  input: String(5550000 + line),
  processingTerminalId: String(5550000 + line),
  verdict,
  hint: verdict === 'ok' ? 'fine' : '',
  ...(verdict === 'ok' ? { status: 201 } : {}),
})

function snapshotOf(rows: BatchRow[], state: BatchSnapshot['state'] = 'running'): BatchSnapshot {
  return {
    batchId: 'b1',
    environmentId: 'sandbox',
    state,
    rows,
    done: rows.filter((r) => r.verdict !== 'pending').length,
    total: rows.length,
    failures: 0,
    startedAt: '2026-01-01T10:00:00.000Z',
  }
}

afterEach(() => vi.useRealTimers())

describe('batch slice', () => {
  it('mirrors the shared concurrency limits and clamps input to them', () => {
    expect(DEFAULT_CONCURRENCY).toBe(BATCH_DEFAULT_CONCURRENCY)
    expect(MAX_CONCURRENCY).toBe(BATCH_MAX_CONCURRENCY)
    expect(clampConcurrency(0)).toBe(1)
    expect(clampConcurrency(99)).toBe(16)
    expect(clampConcurrency(Number.NaN)).toBe(4)
  })

  it('refuses an empty list without calling main', async () => {
    const { store, requests } = await startedStore()
    await store.getState().batch.start()
    expect(store.getState().batch.error?.kind).toBe('validation')
    expect(requests('batch:start')).toEqual([])
  })

  it('starts, follows push events, fills rows from snapshots and stops listening when main says it is over', async () => {
    vi.useFakeTimers()
    let current = snapshotOf([row(1, 'pending'), row(2, 'pending')])
    const fake = await startedStore({
      'batch:start': () => ({ ok: true, value: { batchId: 'b1', total: 2, invalid: 0 } }),
      'batch:get': () => ({ ok: true, value: current }),
    })
    const { store, requests, emit, listenerCount } = fake
    store.getState().batch.setInput('5550001\n5550002')
    store.getState().batch.setConcurrency(40)
    await store.getState().batch.start()
    expect(requests('batch:start')).toEqual([
      {
        environmentId: 'sandbox',
        profile: 'default',
        input: '5550001\n5550002',
        concurrency: 16,
        scenario: 'payment',
      },
    ])
    expect(store.getState().batch.progress?.rows).toHaveLength(2)
    expect(listenerCount()).toBe(1)

    emit({
      type: 'batch',
      batchId: 'b1',
      state: 'running',
      done: 1,
      total: 2,
      failures: 0,
      etaMs: 50,
      latest: row(1, 'ok'),
    })
    expect(store.getState().batch.progress?.done).toBe(1)
    expect(store.getState().batch.progress?.rows[0]?.verdict).toBe('ok')

    // The poll picks up a row no event carried.
    current = snapshotOf([row(1, 'ok'), row(2, 'ok')], 'completed')
    await vi.advanceTimersByTimeAsync(1000)
    const progress = store.getState().batch.progress
    expect(progress?.state).toBe('completed')
    expect(progress?.rows.map((r) => r.verdict)).toEqual(['ok', 'ok'])
    expect(listenerCount()).toBe(0)
    const polls = requests('batch:get').length
    await vi.advanceTimersByTimeAsync(5000)
    expect(requests('batch:get')).toHaveLength(polls)
  })

  it('asks for the production confirmation first and sends confirmProduction after yes', async () => {
    const { store, requests } = await startedStore({
      'batch:start': () => ({ ok: true, value: { batchId: 'b1', total: 1, invalid: 0 } }),
      'batch:get': () => ({ ok: true, value: snapshotOf([row(1, 'ok')], 'completed') }),
    })
    await store.getState().environment.select('production')
    store.getState().batch.setInput('1234001')
    await store.getState().batch.start()
    expect(store.getState().batch.confirming).toBe(true)
    expect(requests('batch:start')).toEqual([])
    await store.getState().batch.confirm()
    expect(requests('batch:start')).toEqual([
      {
        environmentId: 'production',
        profile: 'default',
        input: '1234001',
        concurrency: 4,
        scenario: 'payment',
        confirmProduction: true,
      },
    ])
  })

  it('cancels a running batch with the snapshot main returns', async () => {
    const { store } = await startedStore({
      'batch:start': () => ({ ok: true, value: { batchId: 'b1', total: 2, invalid: 0 } }),
      'batch:get': () => ({ ok: true, value: snapshotOf([row(1, 'pending'), row(2, 'pending')]) }),
      'batch:cancel': () => ({
        ok: true,
        value: snapshotOf([row(1, 'ok'), row(2, 'cancelled')], 'cancelled'),
      }),
    })
    store.getState().batch.setInput('5550001\n5550002')
    await store.getState().batch.start()
    await store.getState().batch.cancel()
    expect(store.getState().batch.progress?.state).toBe('cancelled')
    expect(store.getState().batch.progress?.rows[1]?.verdict).toBe('cancelled')
  })
})
