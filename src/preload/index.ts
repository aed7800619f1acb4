/**
 * The only bridge between the app page and main: one function per contract channel (generated from the
 * channel list, so a new channel is one line in src/shared/channels.ts) and one event subscription.
 * No ipcRenderer, no Node, no Electron object reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENT_CHANNEL } from '../shared/channels'

const api: Record<string, unknown> = {}
for (const channel of CHANNELS) {
  api[channel] = (payload: unknown) => ipcRenderer.invoke(channel, payload)
}
api['onEvent'] = (listener: (event: unknown) => void) => {
  if (typeof listener !== 'function') throw new TypeError('onEvent needs a function')
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
  ipcRenderer.on(EVENT_CHANNEL, forward)
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, forward)
  }
}

contextBridge.exposeInMainWorld('consoleApi', Object.freeze(api))
