import { describe, expect, it } from 'vitest'
import { startedStore } from '../../../support/renderer-transport'
import { sessionCreated } from '../../session-created'

const created = sessionCreated({ token: 'a'.repeat(42) + 'abc123', journalId: 'j-live' })

describe('Event log across a reload', () => {
  it('restores the live session (card form spent) and its events, newest first', async () => {
    const { store } = await startedStore({
      'eventLog:restore': () => ({
        ok: true,
        value: {
          session: created,
          events: [
            { name: 'page:ready', payload: null, at: '2026-01-01T10:00:01.000Z' },
            { name: 'fieldValidityChange', payload: { field: 'cardNumber' }, at: '2026-01-01T10:00:02.000Z' },
          ],
          evicted: 0,
          retention: 5000,
        },
      }),
    })
    const s = store.getState()
    expect(s.session.created?.token).toBe(created.token)
    expect(s.eventLog.restoredToken).toBe(created.token)
    expect(s.eventLog.entries.map((e) => e.name)).toEqual(['fieldValidityChange', 'page:ready'])
    expect(s.eventLog.entries.every((e) => e.restored)).toBe(true)
    expect(s.eventLog.restoredCount).toBe(2)
  })

  it('restores on a reload of the same tab only: a new tab (no mark in its sessionStorage) starts fresh', async () => {
    const restore = () => ({
      ok: true as const,
      value: { session: created, events: [], evicted: 0, retention: 5000 },
    })
    const tabStorage = new Map<string, string>()
    const tab = {
      getItem: (key: string) => tabStorage.get(key) ?? null,
      setItem: (key: string, value: string) => void tabStorage.set(key, value),
    }
    const first = await startedStore({ 'eventLog:restore': restore }, null, tab)
    expect(first.store.getState().session.created).toBeNull()
    const reloaded = await startedStore({ 'eventLog:restore': restore }, null, tab)
    expect(reloaded.store.getState().session.created?.token).toBe(created.token)
  })

  it('forwards the live page’s events to main in one batch, named by the journalId', async () => {
    const { store, requests } = await startedStore({
      'session:create': () => ({ ok: true, value: created }),
      'eventLog:record': (r) => ({ ok: true, value: { recorded: r.events.length } }),
    })
    await store.getState().session.submit()
    store.getState().eventLog.reset(created.token)
    store.getState().eventLog.add({ name: 'page:ready', payload: null, at: '2026-01-01T10:00:01.000Z' })
    store
      .getState()
      .eventLog.add({ name: 'fieldValidityChange', payload: null, at: '2026-01-01T10:00:02.000Z' })
    await new Promise((done) => setTimeout(done, 150))
    const sent = requests('eventLog:record')
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      journalId: 'j-live',
      events: [{ name: 'page:ready' }, { name: 'fieldValidityChange' }],
    })
    expect(JSON.stringify(sent)).not.toContain(created.token)
  })
})
