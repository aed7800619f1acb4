import { describe, expect, it } from 'vitest'
import type { MerchantPageCheckRequest, MerchantPageCheckResult } from '@shared/contract'
import { startedStore } from '../../../support/renderer-transport'

const RESULT: MerchantPageCheckResult = {
  report: {
    url: 'http://127.0.0.1:5300/good.html',
    environment: 'sandbox',
    checks: [{ id: 'script', verdict: 'pass', summary: 'Loaded.', evidence: ['GET … → 200'], hint: '' }],
  },
  durationMs: 1200,
  engine: 'chromium',
}

describe('merchant page slice', () => {
  it('checks the URL in the selected environment unless another is chosen, and keeps the report', async () => {
    const { store, requests } = await startedStore({
      'merchantPage:check': () => ({ ok: true, value: RESULT }),
    })
    store.getState().merchantPage.setUrl('  http://127.0.0.1:5300/good.html ')
    await store.getState().merchantPage.check()
    store.getState().merchantPage.setEnvironment('production')
    await store.getState().merchantPage.check()
    const sent = requests('merchantPage:check') as MerchantPageCheckRequest[]
    expect(sent.map(({ url, environmentId }) => ({ url, environmentId }))).toEqual([
      { url: 'http://127.0.0.1:5300/good.html', environmentId: 'sandbox' },
      { url: 'http://127.0.0.1:5300/good.html', environmentId: 'production' },
    ])
    // Read-only: never a Production confirmation.
    expect(sent.every((request) => !('confirmProduction' in request))).toBe(true)
    expect(store.getState().merchantPage.result).toEqual(RESULT)
    expect(store.getState().merchantPage.running).toBe(false)
  })

  it("shows the running check's progress events and ignores those of other checks", async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const { store, emit, requests } = await startedStore({
      'merchantPage:check': async () => {
        await gate
        return { ok: true, value: RESULT }
      },
    })
    store.getState().merchantPage.setUrl('http://127.0.0.1:5300/good.html')
    const running = store.getState().merchantPage.check()
    await Promise.resolve()
    const checkId = (requests('merchantPage:check') as MerchantPageCheckRequest[])[0]?.checkId
    expect(checkId).toBeTruthy()
    emit({ type: 'merchantPage', checkId: 'someone-else', step: 'load', fraction: 0.9, message: 'Other' })
    emit({ type: 'merchantPage', checkId, step: 'load', fraction: 0.2, message: 'Loading the page' })
    expect(store.getState().merchantPage.progress).toEqual({ fraction: 0.2, message: 'Loading the page' })
    release()
    await running
    expect(store.getState().merchantPage.progress).toBeNull()
  })

  it('keeps the error of a check that could not run', async () => {
    const { store } = await startedStore({
      'merchantPage:check': () => ({
        ok: false,
        error: { kind: 'validation', message: 'url must be an http:// or https:// address', hint: 'Fix it.' },
      }),
    })
    await store.getState().merchantPage.check()
    expect(store.getState().merchantPage.error?.message).toMatch(/url must be/)
    expect(store.getState().merchantPage.result).toBeNull()
  })
})
