/**
 * A recording stand-in for the `electron` module — NOT Electron. It lets the BUILT shell bundles
 * (out/main/index.js, out/preload/index.js) run their startup path in plain Node, so a broken path, a missing
 * channel binding or a policy that is no longer installed shows up on machines without an Electron binary.
 * What it cannot prove (real Chromium, real sandboxing, real IPC) is listed in SECURITY.md.
 *
 * Every object is typed against Electron's own declarations: a member listed here that Electron lacks fails the
 * typecheck (`satisfies` with excess-property checks on `Pick<…>` of the Electron type), and a member the shell
 * calls that is missing here fails the smoke test (the module proxy throws "stand-in lacks …").
 * Adding a recorded API (safeStorage, webContents.debugger, …) is one builder here and one entry in `modules`.
 */
import NodeModule, { createRequire } from 'node:module'
import type {
  App,
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
  ContextBridge,
  CallbackResponse,
  Debugger,
  Dialog,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  Menu as ElectronMenu,
  OnBeforeRequestListenerDetails,
  NativeTheme,
  Protocol,
  Rectangle,
  SafeStorage,
  Screen,
  Session,
  Shell,
  WebRequest,
  WebRequestFilter,
  WebContents,
  WebFrameMain,
  WindowOpenHandlerResponse,
} from 'electron'

/** Electron's signature for each named method (the last overload for overloaded ones). */
type Methods<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : never
}
/** Event-emitter members (heavily overloaded in Electron's .d.ts): the name is checked, the listener loosened. */
type Emitter<T, K extends keyof T> = {
  [P in K]: (event: string, listener: (...args: never[]) => unknown) => unknown
}
/** Plain properties with Electron's own type. */
type Props<T, K extends keyof T> = Pick<T, K>

export interface Recorded {
  /** `<object>.<member>` (e.g. `app.enableSandbox`, `ipcMain.handle`). */
  api: string
  args: unknown[]
}

type Listener = (...args: never[]) => unknown

/** Listeners by event name, for the emitter-like stand-ins. */
class Listeners {
  readonly byEvent = new Map<string, Listener[]>()
  add(event: string, listener: Listener): void {
    this.byEvent.set(event, [...(this.byEvent.get(event) ?? []), listener])
  }
  /** Calls every listener of `event`; their results (promises included) are returned. */
  emit(event: string, ...args: unknown[]): unknown[] {
    // The listeners were registered by the shell with Electron's argument types; the test supplies them.
    return (this.byEvent.get(event) ?? []).map((listener) =>
      (listener as (...a: unknown[]) => unknown)(...args),
    )
  }
  count(event: string): number {
    return this.byEvent.get(event)?.length ?? 0
  }
}

export interface StandInOptions {
  /** What app.requestSingleInstanceLock() answers (false: another instance holds it). */
  singleInstanceLock?: boolean
  /** Work areas screen.getAllDisplays() reports (default: one 1920×1080 display). */
  displays?: Rectangle[]
}

export type StandIn = ReturnType<typeof createElectronStandIn>

export function createElectronStandIn(options: StandInOptions = {}) {
  const log: Recorded[] = []
  const record = (api: string, ...args: unknown[]): void => {
    log.push({ api, args })
  }
  let isReady = false
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => {
    markReady = resolve
  })
  const appEvents = new Listeners()
  const paths = new Map<string, string>()
  const accessed = new Set<string>()

  /** Electron throws for these after ready; so does the stand-in, so an order change is caught. */
  const beforeReadyOnly = (api: string): void => {
    if (isReady) throw new Error(`${api} can only be called before app is ready (stand-in, as Electron)`)
  }
  const afterReadyOnly = (api: string): void => {
    if (!isReady) throw new Error(`${api} can only be called after app is ready (stand-in, as Electron)`)
  }

  // ── app ──────────────────────────────────────────────────────────────────────────────────────────────
  const app = {
    enableSandbox() {
      record('app.enableSandbox')
      beforeReadyOnly('app.enableSandbox')
    },
    setPath(name: string, path: string) {
      record('app.setPath', name, path)
      paths.set(name, path)
    },
    getPath(name: Parameters<App['getPath']>[0]) {
      record('app.getPath', name)
      const path = paths.get(name)
      if (!path) throw new Error(`stand-in: app.getPath('${name}') was never set`)
      return path
    },
    requestSingleInstanceLock() {
      record('app.requestSingleInstanceLock')
      return options.singleInstanceLock ?? true
    },
    quit() {
      record('app.quit')
    },
    whenReady() {
      record('app.whenReady')
      return ready
    },
    getVersion() {
      return '0.0.0-stand-in'
    },
    getName() {
      return 'Hosted Fields Session Console'
    },
    on(event: string, listener: Listener) {
      record('app.on', event)
      appEvents.add(event, listener)
      return this
    },
    isPackaged: false,
  } satisfies Methods<
    App,
    | 'enableSandbox'
    | 'setPath'
    | 'getPath'
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'whenReady'
    | 'getVersion'
    | 'getName'
  > &
    Emitter<App, 'on'> &
    Props<App, 'isPackaged'>

  // ── protocol ─────────────────────────────────────────────────────────────────────────────────────────
  type ProtocolHandler = Parameters<Protocol['handle']>[1]
  const protocolHandlers = new Map<string, ProtocolHandler>()
  const protocol = {
    registerSchemesAsPrivileged(schemes: Parameters<Protocol['registerSchemesAsPrivileged']>[0]) {
      record('protocol.registerSchemesAsPrivileged', schemes)
      beforeReadyOnly('protocol.registerSchemesAsPrivileged')
    },
    handle(scheme: string, handler: ProtocolHandler) {
      record('protocol.handle', scheme)
      afterReadyOnly('protocol.handle')
      if (protocolHandlers.has(scheme)) throw new Error(`stand-in: protocol.handle('${scheme}') twice`)
      protocolHandlers.set(scheme, handler)
    },
  } satisfies Methods<Protocol, 'registerSchemesAsPrivileged' | 'handle'>

  // ── session ──────────────────────────────────────────────────────────────────────────────────────────
  type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0]
  type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0]
  type DevicePermissionHandler = Parameters<Session['setDevicePermissionHandler']>[0]
  type BluetoothPairingHandler = Parameters<Session['setBluetoothPairingHandler']>[0]
  const permissions: {
    request?: PermissionRequestHandler
    check?: PermissionCheckHandler
    device?: DevicePermissionHandler
    bluetoothPairing?: BluetoothPairingHandler
  } = {}
  const sessionEvents = new Listeners()
  // The app session's own protocol handlers (the gateway host mapping intercepts https there).
  const sessionProtocolHandlers = new Map<string, ProtocolHandler>()
  const sessionProtocol = {
    handle(scheme: string, handler: ProtocolHandler) {
      record('session.defaultSession.protocol.handle', scheme)
      afterReadyOnly('session.defaultSession.protocol.handle')
      if (sessionProtocolHandlers.has(scheme))
        throw new Error(`stand-in: session protocol.handle('${scheme}') twice without unhandle (as Electron)`)
      sessionProtocolHandlers.set(scheme, handler)
    },
    unhandle(scheme: string) {
      record('session.defaultSession.protocol.unhandle', scheme)
      sessionProtocolHandlers.delete(scheme)
    },
  } satisfies Methods<Protocol, 'handle' | 'unhandle'>
  const defaultSession = {
    protocol: sessionProtocol,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      record('session.defaultSession.setPermissionRequestHandler')
      permissions.request = handler
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      record('session.defaultSession.setPermissionCheckHandler')
      permissions.check = handler
    },
    setDevicePermissionHandler(handler: DevicePermissionHandler) {
      record('session.defaultSession.setDevicePermissionHandler')
      permissions.device = handler
    },
    setBluetoothPairingHandler(handler: BluetoothPairingHandler) {
      record('session.defaultSession.setBluetoothPairingHandler')
      permissions.bluetoothPairing = handler
    },
    on(event: string, listener: Listener) {
      record('session.defaultSession.on', event)
      sessionEvents.add(event, listener)
      return this
    },
  } satisfies Methods<
    Session,
    | 'setPermissionRequestHandler'
    | 'setPermissionCheckHandler'
    | 'setDevicePermissionHandler'
    | 'setBluetoothPairingHandler'
  > &
    Emitter<Session, 'on'> & { protocol: Methods<Protocol, 'handle' | 'unhandle'> }
  // session.fromPartition: the page check's own partitions (one fresh session per checked page).
  // onBeforeRequest is overloaded; the stand-in takes the (filter, listener) form the shell uses.
  type BeforeRequestListener = (
    details: OnBeforeRequestListenerDetails,
    callback: (response: CallbackResponse) => void,
  ) => void
  const partitions = new Map<
    string,
    {
      beforeRequest?: BeforeRequestListener
      permissionRequest?: PermissionRequestHandler
      devicePermission?: DevicePermissionHandler
      bluetoothPairing?: BluetoothPairingHandler
      events: Listeners
      cleared: boolean
    }
  >()
  const fromPartition = (partition: string) => {
    record('session.fromPartition', partition)
    const state: {
      beforeRequest?: BeforeRequestListener
      permissionRequest?: PermissionRequestHandler
      devicePermission?: DevicePermissionHandler
      bluetoothPairing?: BluetoothPairingHandler
      events: Listeners
      cleared: boolean
    } = { cleared: false, events: new Listeners() }
    partitions.set(partition, state)
    const webRequest = {
      onBeforeRequest(filter: WebRequestFilter, listener: BeforeRequestListener) {
        record('session.webRequest.onBeforeRequest', partition, filter)
        state.beforeRequest = listener
      },
    } satisfies Record<keyof Pick<WebRequest, 'onBeforeRequest'>, unknown>
    return {
      webRequest,
      setPermissionRequestHandler(handler: PermissionRequestHandler) {
        record('session.setPermissionRequestHandler', partition)
        state.permissionRequest = handler
      },
      setPermissionCheckHandler(handler: PermissionCheckHandler) {
        record('session.setPermissionCheckHandler', partition)
        void handler
      },
      setDevicePermissionHandler(handler: DevicePermissionHandler) {
        record('session.setDevicePermissionHandler', partition)
        state.devicePermission = handler
      },
      setBluetoothPairingHandler(handler: BluetoothPairingHandler) {
        record('session.setBluetoothPairingHandler', partition)
        state.bluetoothPairing = handler
      },
      on(event: string, listener: Listener) {
        record('session.on', partition, event)
        state.events.add(event, listener)
        return this
      },
      clearStorageData() {
        record('session.clearStorageData', partition)
        state.cleared = true
        return Promise.resolve()
      },
    } satisfies Methods<
      Session,
      | 'setPermissionRequestHandler'
      | 'setPermissionCheckHandler'
      | 'setDevicePermissionHandler'
      | 'setBluetoothPairingHandler'
      | 'clearStorageData'
    > &
      Emitter<Session, 'on'> & { webRequest: Record<keyof Pick<WebRequest, 'onBeforeRequest'>, unknown> }
  }
  const session = {
    defaultSession,
    fromPartition,
  }

  // ── ipcMain ──────────────────────────────────────────────────────────────────────────────────────────
  type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown
  const ipcHandlers = new Map<string, InvokeHandler>()
  const ipcMain = {
    handle(channel: string, listener: InvokeHandler) {
      record('ipcMain.handle', channel)
      // Electron throws on a second handler for the same channel; so do we.
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      ipcHandlers.set(channel, listener)
    },
    removeHandler(channel: string) {
      record('ipcMain.removeHandler', channel)
      ipcHandlers.delete(channel)
    },
  } satisfies Methods<IpcMain, 'handle' | 'removeHandler'>

  // ── BrowserWindow and its webContents ────────────────────────────────────────────────────────────────
  type WindowOpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse
  const windows: FakeWindow[] = []
  let nextId = 1

  /** What a webContents.debugger answers per CDP method (a test may replace it). */
  const cdp = {
    answer: (method: string): unknown =>
      method === 'Page.captureScreenshot' ? { data: Buffer.from('stand-in png').toString('base64') } : {},
  }
  function createDebugger(id: number) {
    const events = new Listeners()
    let attached = false
    const debuggerStandIn = {
      attach(protocolVersion?: string) {
        record('debugger.attach', id, protocolVersion)
        if (attached) throw new Error('stand-in: debugger already attached (as Electron)')
        attached = true
      },
      detach() {
        record('debugger.detach', id)
        attached = false
      },
      isAttached() {
        return attached
      },
      sendCommand(method: string, commandParams?: unknown) {
        record('debugger.sendCommand', method, commandParams)
        if (!attached) return Promise.reject(new Error('stand-in: debugger is not attached'))
        return Promise.resolve(cdp.answer(method))
      },
      on(event: string, listener: Listener) {
        record('debugger.on', event)
        events.add(event, listener)
        return this
      },
      removeListener(event: string, listener: Listener) {
        record('debugger.removeListener', event)
        events.byEvent.set(
          event,
          (events.byEvent.get(event) ?? []).filter((l) => l !== listener),
        )
        return this
      },
    } satisfies Methods<Debugger, 'attach' | 'detach' | 'isAttached' | 'sendCommand'> &
      Emitter<Debugger, 'on' | 'removeListener'>
    return { debuggerStandIn, events }
  }

  function createWebContents(id: number) {
    const events = new Listeners()
    const cdpTarget = createDebugger(id)
    const mainFrame = { url: '' } satisfies Props<WebFrameMain, 'url'>
    const state: { windowOpenHandler?: WindowOpenHandler } = {}
    const contents = {
      id,
      mainFrame,
      debugger: cdpTarget.debuggerStandIn,
      send(channel: string, ...args: unknown[]) {
        record('webContents.send', channel, ...args)
      },
      on(event: string, listener: Listener) {
        record('webContents.on', event)
        events.add(event, listener)
        return this
      },
      setWindowOpenHandler(handler: WindowOpenHandler) {
        record('webContents.setWindowOpenHandler')
        state.windowOpenHandler = handler
      },
    } satisfies Methods<WebContents, 'send' | 'setWindowOpenHandler'> &
      Emitter<WebContents, 'on'> &
      Props<WebContents, 'id'> & { mainFrame: Props<WebFrameMain, 'url'> } & {
        debugger: Methods<Debugger, 'attach' | 'detach' | 'isAttached' | 'sendCommand'>
      }
    return { contents, events, state, debuggerEvents: cdpTarget.events }
  }

  type FakeWebContents = ReturnType<typeof createWebContents>

  class FakeWindow
    implements
      Methods<
        ElectronBrowserWindow,
        | 'loadURL'
        | 'isDestroyed'
        | 'destroy'
        | 'maximize'
        | 'show'
        | 'getNormalBounds'
        | 'isMaximized'
        | 'isMinimized'
        | 'restore'
        | 'focus'
      >,
      Emitter<ElectronBrowserWindow, 'on' | 'once'>
  {
    readonly webContents: FakeWebContents['contents']
    readonly #events = new Listeners()
    readonly #webContents: FakeWebContents
    readonly #options: BrowserWindowConstructorOptions
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      record('new BrowserWindow', windowOptions)
      this.#options = windowOptions
      this.#webContents = createWebContents(nextId++)
      this.webContents = this.#webContents.contents
      windows.push(this)
      // As Electron does: every new webContents is announced before anything can load in it.
      appEvents.emit('web-contents-created', { preventDefault() {} }, this.webContents)
    }
    async loadURL(url: string) {
      record('BrowserWindow.loadURL', url)
      this.webContents.mainFrame.url = url
      this.#events.emit('ready-to-show', {})
    }
    #destroyed = false
    isDestroyed() {
      return this.#destroyed
    }
    destroy() {
      record('BrowserWindow.destroy', this.webContents.id)
      this.#destroyed = true
    }
    maximize() {
      record('BrowserWindow.maximize')
    }
    show() {
      record('BrowserWindow.show')
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: this.#options.width ?? 0, height: this.#options.height ?? 0 }
    }
    isMaximized() {
      return false
    }
    isMinimized() {
      return false
    }
    restore() {
      record('BrowserWindow.restore')
    }
    focus() {
      record('BrowserWindow.focus')
    }
    on(event: string, listener: Listener) {
      record('BrowserWindow.on', event)
      this.#events.add(event, listener)
      return this
    }
    once(event: string, listener: Listener) {
      record('BrowserWindow.once', event)
      this.#events.add(event, listener)
      return this
    }
    /** Test access to what the shell installed (not an Electron member; kept off the instance's own surface). */
    static inspect(window: FakeWindow) {
      return { options: window.#options, contents: window.#webContents, events: window.#events }
    }
  }

  // ── the rest of what the shell touches ───────────────────────────────────────────────────────────────
  const nativeTheme = { themeSource: 'system' } satisfies Props<NativeTheme, 'themeSource'>
  const screen = {
    getAllDisplays() {
      const areas = options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }]
      return areas.map((workArea) => ({ workArea }))
    },
  } satisfies Methods<Screen, 'getAllDisplays'>
  const shell = {
    openExternal(url: string) {
      record('shell.openExternal', url)
      return Promise.resolve()
    },
    openPath(path: string) {
      record('shell.openPath', path)
      return Promise.resolve('')
    },
  } satisfies Methods<Shell, 'openExternal' | 'openPath'>
  // Linux without a keyring by default: encryption works with the weak 'basic_text' backend.
  const safeStorage = {
    isEncryptionAvailable() {
      record('safeStorage.isEncryptionAvailable')
      return true
    },
    encryptString(plainText: string) {
      record('safeStorage.encryptString')
      return Buffer.from(`stand-in:${plainText}`, 'utf8')
    },
    decryptString(encrypted: Buffer) {
      record('safeStorage.decryptString')
      return encrypted.toString('utf8').replace(/^stand-in:/, '')
    },
    getSelectedStorageBackend() {
      record('safeStorage.getSelectedStorageBackend')
      return 'basic_text' as const
    },
  } satisfies Methods<
    SafeStorage,
    'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
  >
  const dialog = {
    showMessageBox(...args: unknown[]) {
      record('dialog.showMessageBox', ...args)
      return Promise.resolve({ response: 0, checkboxChecked: false })
    },
  } satisfies Methods<Dialog, 'showMessageBox'>
  const Menu = {
    buildFromTemplate(template: Parameters<(typeof ElectronMenu)['buildFromTemplate']>[0]) {
      record('Menu.buildFromTemplate', template)
      return { template }
    },
    setApplicationMenu(menu: unknown) {
      record('Menu.setApplicationMenu', menu)
    },
  } satisfies Methods<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>

  /** net.fetch: the network as Electron's net module reaches it. The stand-in has none: it records and answers. */
  const net = {
    fetch(input: string | Request, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }) {
      const url = typeof input === 'string' ? input : input.url
      record('net.fetch', url, init)
      return Promise.resolve(new Response('stand-in network', { status: 299 }))
    },
  } satisfies Methods<typeof import('electron').net, 'fetch'>

  // ── preload side ─────────────────────────────────────────────────────────────────────────────────────
  const exposed: { key: string; api: unknown }[] = []
  const contextBridge = {
    exposeInMainWorld(apiKey: string, api: unknown) {
      record('contextBridge.exposeInMainWorld', apiKey)
      exposed.push({ key: apiKey, api })
    },
  } satisfies Methods<ContextBridge, 'exposeInMainWorld'>
  const rendererEvents = new Listeners()
  const ipcRenderer = {
    invoke(channel: string, ...args: unknown[]) {
      record('ipcRenderer.invoke', channel, ...args)
      return Promise.resolve({ standIn: true, channel })
    },
    on(channel: string, listener: Listener) {
      record('ipcRenderer.on', channel)
      rendererEvents.add(channel, listener)
      return this
    },
    removeListener(channel: string, listener: Listener) {
      record('ipcRenderer.removeListener', channel)
      const kept = (rendererEvents.byEvent.get(channel) ?? []).filter((l) => l !== listener)
      rendererEvents.byEvent.set(channel, kept)
      return this
    },
  } satisfies Methods<IpcRenderer, 'invoke'> & Emitter<IpcRenderer, 'on' | 'removeListener'>

  /** The module's exports, by Electron's own export names. */
  const modules = {
    app,
    protocol,
    session,
    ipcMain,
    BrowserWindow: FakeWindow,
    nativeTheme,
    screen,
    shell,
    safeStorage,
    dialog,
    Menu,
    net,
    contextBridge,
    ipcRenderer,
  } satisfies Partial<Record<keyof typeof import('electron'), unknown>>

  /** What `require('electron')` returns: unknown members throw, so a new API the shell uses is named. */
  const module = new Proxy(modules, {
    get(target, name) {
      if (typeof name !== 'string') return undefined
      if (name === '__esModule') return false
      accessed.add(name)
      if (!(name in target))
        throw new Error(`electron stand-in lacks electron.${name}: add it to test/support/`)
      return target[name as keyof typeof target]
    },
  })

  return {
    module,
    log,
    accessed,
    /** Resolve app.whenReady() (Electron's 'ready'). */
    emitReady(): void {
      record('(ready)')
      isReady = true
      markReady()
    },
    emitApp: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    appListenerCount: (event: string) => appEvents.count(event),
    protocolHandler: (scheme: string) => protocolHandlers.get(scheme),
    /** A handler the shell installed on the app session's own protocol (undefined: none, or unhandled). */
    sessionProtocolHandler: (scheme: string) => sessionProtocolHandlers.get(scheme),
    ipcHandlers,
    permissions,
    /** Emits a defaultSession event (device choosers) to what the shell installed. */
    emitSession: (event: string, ...args: unknown[]) => sessionEvents.emit(event, ...args),
    partitions,
    cdp,
    windows: () => windows.map((window) => ({ window, ...FakeWindow.inspect(window) })),
    exposed,
    emitRenderer: (channel: string, ...args: unknown[]) => rendererEvents.emit(channel, ...args),
    rendererListenerCount: (channel: string) => rendererEvents.count(channel),
    indexOf: (api: string, firstArg?: unknown): number =>
      log.findIndex((entry) => entry.api === api && (firstArg === undefined || entry.args[0] === firstArg)),
    calls: (api: string): Recorded[] => log.filter((entry) => entry.api === api),
  }
}

/**
 * Loads a CommonJS bundle with `require('electron')` answered by `standIn` (and only inside that bundle's
 * require calls), through Node's own module loader — the bundle runs exactly as built.
 */
export function loadBundleWithStandIn(bundlePath: string, standIn: StandIn): unknown {
  // Node's internal loader hooks (stable for years, used by every require-mocking tool) are not in @types/node.
  const Module = NodeModule as typeof NodeModule & {
    _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string
    _cache: Record<string, unknown>
  }
  const id = '\0electron-stand-in'
  const original = Module._resolveFilename
  Module._resolveFilename = function (request: string, parent: unknown, ...rest: unknown[]) {
    if (request === 'electron') return id
    return original.call(this, request, parent, ...rest)
  }
  const entry = new Module(id)
  entry.exports = standIn.module
  entry.loaded = true
  Module._cache[id] = entry
  try {
    // The built CommonJS bundle, loaded by Node's own require, as Electron's main process loads it.
    return createRequire(bundlePath)(bundlePath)
  } finally {
    Module._resolveFilename = original
  }
}
