import { describe, expect, it } from 'vitest'
import { startedStore } from '../../../support/renderer-transport'

const exported = () =>
  startedStore({
    'bundle:export': () => ({
      ok: true,
      value: { filename: 'support-bundle-x.json', json: '{}', har: '{}' },
    }),
  })

describe('bundle slice', () => {
  it('exports the bundle of the entry with its environment and profile', async () => {
    const { store, requests } = await exported()
    await store.getState().bundle.export({ journalId: 'j1', environmentId: 'sandbox', profile: 'default' })
    expect(requests('bundle:export')).toEqual([
      { journalId: 'j1', environmentId: 'sandbox', profile: 'default' },
    ])
  })

  it('exports the environment bundle when no entry is named', async () => {
    const { store, requests } = await exported()
    await store.getState().bundle.export({ environmentId: 'sandbox', profile: 'default' })
    expect(requests('bundle:export')).toEqual([{ environmentId: 'sandbox', profile: 'default' }])
  })
})
