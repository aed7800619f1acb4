import { describe, expect, it } from 'vitest'
import { describeCleared } from '@renderer/features/app/app-slice'
import { startedStore } from '../../../support/renderer-transport'

describe('clear all data', () => {
  it('clears all data only after the confirm step, then resets the screens to the Sandbox', async () => {
    const { store, requests } = await startedStore({
      'app:clearAllData': () => ({ ok: true, value: { historyEntries: 3, keychainEntries: 1 } }),
    })
    await store.getState().environment.select('production')
    store.getState().history.inspect('j1')
    store.getState().app.askClear()
    expect(store.getState().app.confirmingClear).toBe(true)
    expect(requests('app:clearAllData')).toEqual([])
    await store.getState().app.clearAllData()
    const s = store.getState()
    expect(requests('app:clearAllData')).toHaveLength(1)
    expect(s.app.confirmingClear).toBe(false)
    expect(s.app.cleared).toEqual({ historyEntries: 3, keychainEntries: 1 })
    expect(s.history.inspecting).toBeNull()
    expect(s.environment.environmentId).toBe('sandbox')
  })

  it('says what was removed', () => {
    expect(describeCleared({ historyEntries: 1, keychainEntries: 0 })).toBe(
      'Removed 1 history entry, the saved settings and 0 keychain entries.',
    )
  })
})
