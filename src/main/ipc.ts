/**
 * Binds every channel of the contract to ipcMain.handle: sender check first, then the shared dispatch
 * (schema validation, handler, errors as Results).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../shared/channels'
import { err } from '../shared/result'
import type { Logger } from '../core/app-types'
import { dispatch, type Handlers } from '../core/dispatch'
import { isTrustedSender } from './security'

function senderOf(event: IpcMainInvokeEvent): { url: string; isMainFrame: boolean } {
  const frame = event.senderFrame
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame }
}

export function bindChannels(handlers: Handlers, logger: Logger): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const sender = senderOf(event)
      if (!isTrustedSender(sender)) {
        logger.log('warn', 'IPC call from an untrusted sender refused', { channel, url: sender.url })
        return err({
          kind: 'forbidden',
          message: `${channel} refused: the caller is not the console window`,
          hint: 'Only the console page may call the main process.',
        })
      }
      return dispatch(handlers, channel, payload, (name, error) =>
        logger.log('error', 'handler threw', { channel: name, error: String(error) }),
      )
    })
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
  }
}
