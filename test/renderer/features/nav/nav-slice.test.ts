import { describe, expect, it } from 'vitest'
import { startedStore } from '../../../support/renderer-transport'

describe('navigation', () => {
  it('starts on the Session screen and switches screens', async () => {
    const { store } = await startedStore()
    expect(store.getState().nav.view).toBe('session')
    store.getState().nav.go('batch')
    expect(store.getState().nav.view).toBe('batch')
  })
})
