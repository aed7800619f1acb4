import { describe, expect, it } from 'vitest'
import { environment, startedStore } from '../../../support/renderer-transport'

describe('environment slice', () => {
  it('keeps the list environment:list answered at start and reloads it on refresh', async () => {
    let environments = [environment('sandbox', 'sandbox')]
    const { store, count } = await startedStore({
      'environment:list': () => ({ ok: true, value: { environments, sandboxUrl: 'http://127.0.0.1:4010' } }),
    })
    expect(store.getState().environment.list.map((e) => e.id)).toEqual(['sandbox'])
    environments = [...environments, environment('custom:shop', 'custom')]
    await store.getState().environment.refresh()
    expect(store.getState().environment.list.map((e) => e.id)).toEqual(['sandbox', 'custom:shop'])
    expect(count('environment:list')).toBe(2)
  })

  it('records the pre-warm outcome pushed by the main process', async () => {
    const { store } = await startedStore()
    store.getState().app.handleEvent({
      type: 'prewarm',
      environmentId: 'sandbox',
      profile: 'default',
      ok: false,
      message: 'identity down',
    })
    expect(store.getState().environment.prewarm).toEqual({
      environmentId: 'sandbox',
      profile: 'default',
      ok: false,
      message: 'identity down',
    })
  })
})
