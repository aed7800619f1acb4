import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '@shared/contract'
import { startedStore } from '../../../support/renderer-transport'

const journal: JournalEntry = {
  id: 'j1',
  operation: 'create-session',
  environmentId: 'sandbox',
  profile: 'default',
  startedAt: '2026-01-01T10:00:00.000Z',
  durationMs: 3,
  outcome: 'error',
  status: 403,
  attempts: [],
}

describe('journal slice', () => {
  it('fetches a journal entry once and serves it from memory afterwards', async () => {
    const { store, requests } = await startedStore({ 'journal:get': () => ({ ok: true, value: journal }) })
    await store.getState().journal.load('j1')
    await store.getState().journal.load('j1')
    expect(requests('journal:get')).toEqual([{ id: 'j1' }])
    expect(store.getState().journal.entries['j1']).toEqual({ state: 'ready', entry: journal })
  })

  it('retries an entry whose fetch failed', async () => {
    let fail = true
    const { store, requests } = await startedStore({
      'journal:get': () =>
        fail
          ? {
              ok: false,
              error: { kind: 'validation', message: 'There is no journal entry j1.', hint: 'gone' },
            }
          : { ok: true, value: journal },
    })
    await store.getState().journal.load('j1')
    expect(store.getState().journal.entries['j1']?.state).toBe('failed')
    fail = false
    await store.getState().journal.load('j1')
    expect(store.getState().journal.entries['j1']?.state).toBe('ready')
    expect(requests('journal:get')).toHaveLength(2)
  })

  it('asks main for the cURL of the last attempt unless one is named', async () => {
    const { store, requests } = await startedStore({
      'journal:curl': (r) => ({ ok: true, value: { command: `curl #${r.attempt ?? 'last'}` } }),
    })
    expect(await store.getState().journal.curl('j1')).toEqual({ ok: true, value: { command: 'curl #last' } })
    expect(await store.getState().journal.curl('j1', 2)).toEqual({ ok: true, value: { command: 'curl #2' } })
    expect(requests('journal:curl')).toEqual([{ id: 'j1' }, { id: 'j1', attempt: 2 }])
  })
})
