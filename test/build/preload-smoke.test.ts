// Preload smoke test — NOT Electron: the BUILT preload bundle (out/preload/index.js) run in plain Node with a
// recording stand-in for the `electron` module (test/support/electron-stand-in.ts). It checks the surface the
// page gets; that contextBridge really isolates it is only provable in Electron (SECURITY.md).
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, EVENT_CHANNEL } from '../../src/shared/channels'
import { createElectronStandIn, loadBundleWithStandIn, type StandIn } from '../support/electron-stand-in'

const preloadBundle = join(resolve(__dirname, '../../out'), 'preload/index.js')

let electron: StandIn
let api: Record<string, unknown>

beforeAll(() => {
  expect(existsSync(preloadBundle), `${preloadBundle} missing: run npm run build first`).toBe(true)
  electron = createElectronStandIn()
  loadBundleWithStandIn(preloadBundle, electron)
  const [first] = electron.exposed
  api = (first?.api ?? {}) as Record<string, unknown>
})

const fn = (name: string) => {
  const value = api[name]
  if (typeof value !== 'function') throw new Error(`consoleApi.${name} is not a function`)
  return value as (...args: unknown[]) => unknown
}

describe('preload in a Node stand-in for electron (NOT Electron)', () => {
  it('exposes exactly one object, consoleApi, and it is frozen', () => {
    expect(electron.exposed.map((e) => e.key)).toEqual(['consoleApi'])
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('has one function per channel of src/shared/channels.ts plus onEvent, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onEvent'].sort())
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function')
  })

  it('touches only contextBridge and ipcRenderer of electron, and hands neither to the page', () => {
    // ipcRenderer is read lazily, on the first call; whatever has been read so far is one of the two.
    for (const name of electron.accessed) expect(['contextBridge', 'ipcRenderer'], name).toContain(name)
    for (const value of Object.values(api)) {
      expect(value).not.toBe(electron.module.ipcRenderer)
      expect(value).not.toBe(electron.module.contextBridge)
    }
  })

  it('each channel function calls ipcRenderer.invoke with its own channel and the payload, and returns its answer', async () => {
    for (const channel of CHANNELS) {
      const payload = { probe: channel }
      const before = electron.calls('ipcRenderer.invoke').length
      await expect(fn(channel)(payload)).resolves.toEqual({ standIn: true, channel })
      const calls = electron.calls('ipcRenderer.invoke').slice(before)
      expect(calls.map((c) => c.args)).toEqual([[channel, payload]])
    }
    expect([...electron.accessed].sort()).toEqual(['contextBridge', 'ipcRenderer'])
  })

  it('onEvent forwards only the payload of the event channel and unsubscribes', () => {
    const seen: unknown[] = []
    const unsubscribe = fn('onEvent')((payload: unknown) => seen.push(payload))
    expect(electron.rendererListenerCount(EVENT_CHANNEL)).toBe(1)
    electron.emitRenderer(
      EVENT_CHANNEL,
      { sender: 'the IpcRendererEvent must not reach the page' },
      { type: 'x' },
    )
    expect(seen).toEqual([{ type: 'x' }])
    expect(typeof unsubscribe).toBe('function')
    ;(unsubscribe as () => void)()
    expect(electron.rendererListenerCount(EVENT_CHANNEL)).toBe(0)
    expect(() => fn('onEvent')('not a function')).toThrow(TypeError)
  })
})
