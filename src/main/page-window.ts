/**
 * The desktop app's engine for the merchant page check: a hidden BrowserWindow in a session partition of its
 * own (in memory, fresh per check: no cookies, storage or credentials of the console), sandboxed, context
 * isolated, with no preload and therefore no bridge, driven through `webContents.debugger` (CDP). Requests are
 * fenced by the same isolation policy as the Node engine (session.webRequest); permissions are all denied.
 * `debuggerTransport` and `pageWindowOptions` are pure and unit-tested; core only sees the PageEngine seam.
 */
import { randomUUID } from 'node:crypto'
import type { BrowserWindow, BrowserWindowConstructorOptions, Debugger, Session } from 'electron'
import type { CdpTransport } from '../core/services/merchant-page/cdp-recorder'
import { refusal, type IsolationPolicy } from '../core/services/merchant-page/isolation'
import { loadFailure, type EnginePage, type PageEngine } from '../core/services/merchant-page/page-engine'
import { bluetoothPairingResponse, denyDeviceChooser, isDevicePermissionGranted } from './security'

/** What the transport needs of `webContents.debugger`. */
export type DebuggerLike = Pick<Debugger, 'sendCommand' | 'on' | 'removeListener'>

export function debuggerTransport(target: DebuggerLike): CdpTransport {
  return {
    send: (method, params) => target.sendCommand(method, params),
    subscribe(methods, listener) {
      const wanted = new Set(methods)
      // Electron's 'message' event: (event, method, params, sessionId).
      const onMessage = (_event: unknown, method: string, params: Record<string, unknown>): void => {
        if (wanted.has(method)) listener(method, params ?? {})
      }
      target.on('message', onMessage)
      return () => void target.removeListener('message', onMessage)
    },
  }
}

/** A partition name of its own per check; no `persist:` prefix, so Electron keeps it in memory only. */
export const pageCheckPartition = (): string => `merchant-page-check-${randomUUID()}`

export function pageWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1024,
    height: 900,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      backgroundThrottling: false,
    },
  }
}

export interface PageWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow
  sessionOf(partition: string): Session
}

/** The engine, plus which webContents are its own (the shell's navigation policies leave those alone). */
export function pageWindowEngine(deps: PageWindowDeps): PageEngine & { owns(contentsId: number): boolean } {
  const mine = new Set<number>()
  return {
    name: 'hidden window',
    owns: (contentsId) => mine.has(contentsId),
    async open(policy: IsolationPolicy): Promise<EnginePage> {
      const partition = pageCheckPartition()
      const session = deps.sessionOf(partition)
      session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
      session.setPermissionCheckHandler(() => false)
      // No device for a checked page either: no HID / serial / USB grant, no pairing, every chooser picks none.
      session.setDevicePermissionHandler((details) => isDevicePermissionGranted(details))
      session.setBluetoothPairingHandler((_details, callback) => callback(bluetoothPairingResponse()))
      session.on('select-hid-device', denyDeviceChooser('select-hid-device'))
      session.on('select-serial-port', denyDeviceChooser('select-serial-port'))
      session.on('select-usb-device', denyDeviceChooser('select-usb-device'))
      session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) =>
        callback({ cancel: refusal(policy, details.url) !== undefined }),
      )
      const window = deps.createWindow(pageWindowOptions(partition))
      const contents = window.webContents
      mine.add(contents.id)
      contents.setWindowOpenHandler(() => ({ action: 'deny' }))
      contents.debugger.attach('1.3')
      let status = 0
      contents.on('did-navigate', (_event, _url, httpResponseCode) => {
        status = httpResponseCode
      })
      let closed = false
      return {
        transport: debuggerTransport(contents.debugger),
        async navigate(url, timeoutMs) {
          let timer: NodeJS.Timeout | undefined
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('Timeout')), timeoutMs)
          })
          try {
            await Promise.race([window.loadURL(url), timeout])
            return status >= 400 ? { ok: false, reason: `the page answered HTTP ${status}` } : { ok: true }
          } catch (error) {
            return loadFailure(error, timeoutMs)
          } finally {
            clearTimeout(timer)
          }
        },
        async close() {
          if (closed) return
          closed = true
          mine.delete(contents.id)
          try {
            contents.debugger.detach()
          } catch {
            // already detached (the window went first)
          }
          if (!window.isDestroyed()) window.destroy()
          await session.clearStorageData().catch(() => undefined)
        },
      }
    },
  }
}
