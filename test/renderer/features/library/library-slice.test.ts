import { describe, expect, it } from 'vitest'
import type { LibraryStatus } from '@shared/contract'
import { payrocScriptFor } from '@renderer/features/testpage/session-for-page'
import { startedStore } from '../../../support/renderer-transport'

const BUILD = '1.7.0.261457'
const status = (over: Partial<LibraryStatus> = {}): LibraryStatus => ({
  source: 'simulated',
  libVersion: null,
  hostMapping: true,
  buildsFile: '/data/payroc-library-builds.json',
  builds: [
    {
      libVersion: BUILD,
      environment: 'uat',
      integrity: 'sha384-x',
      downloadUrl: `https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-${BUILD}.js`,
      copy: null,
    },
  ],
  ...over,
})
const verified = (over: Partial<LibraryStatus> = {}): LibraryStatus => {
  const base = status(over)
  return {
    ...base,
    builds: base.builds.map((b) => ({ ...b, copy: { file: '/data/copy.js', verified: true } })),
  }
}

describe('library slice', () => {
  it('imports a file and shows the verification result; a refusal shows main’s message', async () => {
    let refuse = true
    const { store, requests } = await startedStore({
      'library:status': () => ({ ok: true, value: status() }),
      'library:importScript': () =>
        refuse
          ? {
              ok: false,
              error: {
                kind: 'validation',
                message: 'Script file: The script does not match the SRI',
                hint: '',
              },
            }
          : {
              ok: true,
              value: {
                status: verified(),
                imported: { libVersion: BUILD, integrity: 'sha384-x', from: 'file' },
              },
            },
    })
    await store.getState().library.load()
    expect(store.getState().library.status?.source).toBe('simulated')
    await store.getState().library.importScript(BUILD, 'file', '/tmp/x.js')
    expect(store.getState().library.notice).toEqual({
      ok: false,
      text: 'Script file: The script does not match the SRI',
    })
    refuse = false
    await store.getState().library.importScript(BUILD, 'download')
    expect(requests('library:importScript')).toEqual([
      { libVersion: BUILD, from: 'file', path: '/tmp/x.js' },
      { libVersion: BUILD, from: 'download' },
    ])
    expect(store.getState().library.notice?.ok).toBe(true)
    expect(store.getState().library.notice?.text).toContain(`matches ${BUILD} (sha384-x)`)
    expect(store.getState().library.status?.builds[0]?.copy?.verified).toBe(true)
    expect(store.getState().library.busy).toBe(false)
  })

  it('sets the source through main and keeps main’s answer', async () => {
    const { store, requests } = await startedStore({
      'library:setSource': () => ({ ok: true, value: verified({ source: 'payroc', libVersion: BUILD }) }),
    })
    await store.getState().library.setSource('payroc', BUILD)
    expect(requests('library:setSource')).toEqual([{ source: 'payroc', libVersion: BUILD }])
    expect(store.getState().library.status).toMatchObject({ source: 'payroc', libVersion: BUILD })
  })
})

describe('which script the Sandbox’s test page loads', () => {
  it('Payroc’s own, from the UAT CDN URL with the build’s SRI, only in Sandbox with host mapping and a copy', () => {
    const chosen = verified({ source: 'payroc', libVersion: BUILD })
    expect(payrocScriptFor('sandbox', chosen)).toEqual({
      libVersion: BUILD,
      integrity: 'sha384-x',
      cdnBase: 'https://cdn.uat.payroc.com',
    })
    expect(payrocScriptFor('uat', chosen)).toBeNull()
    expect(payrocScriptFor('sandbox', { ...chosen, hostMapping: false })).toBeNull()
    expect(payrocScriptFor('sandbox', status({ source: 'payroc', libVersion: BUILD }))).toBeNull()
    expect(payrocScriptFor('sandbox', verified())).toBeNull()
    expect(payrocScriptFor('sandbox', null)).toBeNull()
  })
})
