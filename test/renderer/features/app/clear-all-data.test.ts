import { describe, expect, it } from 'vitest'
import { startedStore } from '../../../support/renderer-transport'
import { describeCleared } from '@renderer/features/settings/settings-slice'

describe('navigation and settings', () => {
  it('starts on the Session screen and switches screens', async () => {
    const { store } = await startedStore()
    expect(store.getState().nav.view).toBe('session')
    store.getState().nav.go('batch')
    expect(store.getState().nav.view).toBe('batch')
  })

  it('clears all data only after the confirm step, then resets the screens to the Sandbox', async () => {
    const { store, requests } = await startedStore({
      'app:clearAllData': () => ({ ok: true, value: { historyEntries: 3, keychainEntries: 1 } }),
    })
    await store.getState().env.select('production')
    store.getState().history.inspect('j1')
    store.getState().settings.askClear()
    expect(store.getState().settings.confirmingClear).toBe(true)
    expect(requests('app:clearAllData')).toEqual([])
    await store.getState().settings.clearAllData()
    const s = store.getState()
    expect(requests('app:clearAllData')).toHaveLength(1)
    expect(s.settings.confirmingClear).toBe(false)
    expect(s.settings.cleared).toEqual({ historyEntries: 3, keychainEntries: 1 })
    expect(s.history.inspecting).toBeNull()
    expect(s.env.environmentId).toBe('sandbox')
  })

  it('says what was removed', () => {
    expect(describeCleared({ historyEntries: 1, keychainEntries: 0 })).toBe(
      'Removed 1 history entry, the saved settings and 0 keychain entries.',
    )
  })
})
