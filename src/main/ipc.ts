/**
 * Binds every channel of the contract to ipcMain.handle: sender check first, then core's dispatch (schema
 * validation, policies, handler, errors as Results, scrubbed answers).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../shared/channels'
import { err } from '../shared/result'
import type { Logger } from '../core/app-types'
import type { Dispatch } from '../core/dispatch'
import { isTrustedSender } from './security'

function senderOf(event: IpcMainInvokeEvent): { url: string; isMainFrame: boolean } {
  const frame = event.senderFrame
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame }
}

export function bindChannels(dispatch: Dispatch, logger: Logger): () => void {
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
      return dispatch(channel, payload)
    })
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
  }
}
