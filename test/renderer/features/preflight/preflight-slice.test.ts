import { describe, expect, it } from 'vitest'
import type { PreflightReport } from '@shared/diagnostics'
import { startedStore } from '../../../support/renderer-transport'

const report = (request: { processingTerminalId: string; libVersion: string }): PreflightReport => ({
  steps: [
    { id: 'keychain', title: 'Keychain available', status: 'pass', durationMs: 1, detail: 'ok', hint: '' },
  ],
  startedAt: '2026-01-01T10:00:00.000Z',
  environmentId: 'sandbox',
  profile: 'default',
  ...request,
})

describe('preflight slice', () => {
  it('defaults to terminal 1234001 and the environment’s library version', async () => {
    const { store, requests } = await startedStore({
      'preflight:run': (r) => ({ ok: true, value: report(r) }),
    })
    await store.getState().preflight.run()
    expect(requests('preflight:run')).toEqual([
      {
        environmentId: 'sandbox',
        profile: 'default',
        processingTerminalId: '1234001',
        libVersion: '1.7.0.261457',
      },
    ])
    expect(store.getState().preflight.report?.steps[0]?.status).toBe('pass')
    expect(store.getState().preflight.running).toBe(false)
  })

  it('in production asks first; yes opens sessions, cancel runs the steps that create nothing', async () => {
    const { store, requests } = await startedStore({
      'preflight:run': (r) => ({ ok: true, value: report(r) }),
    })
    await store.getState().environment.select('production')
    await store.getState().preflight.run()
    expect(store.getState().preflight.confirming).toBe(true)
    expect(requests('preflight:run')).toEqual([])
    await store.getState().preflight.confirm()
    expect(requests('preflight:run').at(-1)).toMatchObject({
      environmentId: 'production',
      confirmProduction: true,
    })
    await store.getState().preflight.run()
    store.getState().preflight.cancelConfirm()
    await Promise.resolve()
    expect(requests('preflight:run').at(-1)).not.toHaveProperty('confirmProduction')
  })

  it('keeps the error when main refuses', async () => {
    const { store } = await startedStore({
      'preflight:run': () => ({
        ok: false,
        error: { kind: 'validation', message: 'bad terminal', hint: 'fix it' },
      }),
    })
    await store.getState().preflight.run()
    expect(store.getState().preflight.error?.message).toBe('bad terminal')
  })
})
