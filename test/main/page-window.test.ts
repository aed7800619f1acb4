import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { debuggerTransport, pageCheckPartition, pageWindowOptions } from '../../src/main/page-window'

describe('the hidden page-check window', () => {
  it('has no preload, a sandbox, context isolation, no Node and a partition of its own', () => {
    const partition = pageCheckPartition()
    expect(partition).toMatch(/^merchant-page-check-/)
    expect(partition.startsWith('persist:')).toBe(false)
    expect(pageCheckPartition()).not.toBe(partition)
    const options = pageWindowOptions(partition)
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({
      partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    })
    expect(options.webPreferences?.preload).toBeUndefined()
  })

  it('turns webContents.debugger into the recorder transport: commands sent, only subscribed events delivered', async () => {
    const sent: [string, unknown][] = []
    const target = Object.assign(new EventEmitter(), {
      sendCommand: (method: string, params?: unknown) => {
        sent.push([method, params])
        return Promise.resolve({ ok: method })
      },
    })
    const transport = debuggerTransport(target as never)
    expect(await transport.send('Network.enable', { maxPostDataSize: 1 })).toEqual({ ok: 'Network.enable' })
    expect(sent).toEqual([['Network.enable', { maxPostDataSize: 1 }]])
    const seen: string[] = []
    const stop = transport.subscribe(['Network.requestWillBeSent'], (method, params) =>
      seen.push(`${method} ${JSON.stringify(params)}`),
    )
    target.emit('message', {}, 'Network.requestWillBeSent', { requestId: '1' })
    target.emit('message', {}, 'Page.frameNavigated', { frame: {} })
    stop()
    target.emit('message', {}, 'Network.requestWillBeSent', { requestId: '2' })
    expect(seen).toEqual(['Network.requestWillBeSent {"requestId":"1"}'])
    expect(target.listenerCount('message')).toBe(0)
  })
})
