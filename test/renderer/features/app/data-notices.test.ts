import { describe, expect, it } from 'vitest'
import { startedStore } from '../../../support/renderer-transport'

const info = (dataNotices?: string[]) => ({
  ok: true as const,
  value: {
    name: 'Console',
    version: '0.1.0',
    transport: 'web' as const,
    testPageOrigin: 'http://127.0.0.1:5181',
    sandboxUrl: 'http://127.0.0.1:4010',
    dataDir: '/tmp/data',
    ...(dataNotices ? { dataNotices } : {}),
  },
})

describe('data-folder notices', () => {
  it('holds the notices app:info reports until dismissed', async () => {
    const notice =
      'settings.json does not have the expected content (selected: expected object). Its content was kept as /tmp/data/settings.json.corrupt-2026-12-02T01-02-03-456Z. All 23 custom environments in it were recovered.'
    const { store } = await startedStore({ 'app:info': () => info([notice]) })
    expect(store.getState().app.dataNotices).toEqual([notice])
    store.getState().app.dismissDataNotices()
    expect(store.getState().app.dataNotices).toEqual([])
  })

  it('has none when the data folder loaded cleanly', async () => {
    const { store } = await startedStore({ 'app:info': () => info() })
    expect(store.getState().app.dataNotices).toEqual([])
  })
})
