/**
 * The Electron shell: app lifecycle, the window, the app:// protocol and the security wiring. Everything with
 * logic lives in Electron-free modules (security.ts, window-state.ts, and src/core) that are tested
 * without a binary; this file only connects them to Electron's APIs.
 */
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeTheme,
  net,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron'
import { EVENT_CHANNEL } from '../shared/channels'
import { createConsole } from '../core/console-app'
import { bindChannels } from './ipc'
import { createFileLogger } from '../core/services/storage/file-log'
import { DOCS_URL, aboutText, applicationMenuTemplate } from './menu'
import { loadJsonFile, writeJsonFileAtomic } from '../core/services/storage/json-file'
import { SavedWindowState, restoreBounds, toSavedState } from './window-state'
import {
  APP_ORIGIN,
  APP_SCHEME,
  appUrlToRelativePath,
  bluetoothPairingResponse,
  denyDeviceChooser,
  frameAllowList,
  isAllowedFrameUrl,
  isAllowedRedirect,
  isAllowedTopNavigation,
  isDevicePermissionGranted,
  isPermissionCheckGranted,
  isPermissionRequestGranted,
  mainWindowOptions,
  resolveAppFile,
  windowOpenDecision,
} from './security'
import { MIME_TYPES, appContentSecurityPolicy } from '../core/services/servers/page-policy'
import { startTestPageServer } from '../core/services/servers/testpage-server'
import { dataDirOverride } from './data-dir'
import { pageWindowEngine } from './page-window'
import { safeStorageFallback } from './safe-storage'
import { gatewayHostResponder } from './gateway-host'

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])
app.enableSandbox()
// Tests and development builds point the app at another data folder (HFC_DATA_DIR); a packaged build only with
// the explicit --hfc-data-dir=<absolute path> switch (data-dir.ts).
const dataDirOverridden = dataDirOverride({
  isPackaged: app.isPackaged,
  env: process.env,
  argv: process.argv,
})
if (dataDirOverridden) app.setPath('userData', dataDirOverridden)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // A start-up failure (e.g. a folder where settings.json should be: its message names the file) is shown, not
  // left as an unhandled rejection with no window.
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    dialog.showErrorBox('Hosted Fields Session Console could not start', message)
    app.exit(1)
  })
}

async function main(): Promise<void> {
  await app.whenReady()
  const rendererDir = join(__dirname, '../renderer')
  const dataDir = app.getPath('userData')
  const logger = createFileLogger(dataDir)
  const testPage = await startTestPageServer({
    rendererDir,
    consoleOrigins: [APP_ORIGIN],
    onError: (error) => logger.log('error', 'test page server failed', { error: String(error) }),
  })
  // Merchant pages are checked in hidden windows of their own partitions, never in this app's window.
  const pageEngine = pageWindowEngine({
    createWindow: (options) => new BrowserWindow(options), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- pageWindowOptions() (hidden, sandboxed, context-isolated, no preload, own partition) asserted by test/build/shell-smoke.test.ts; window.open is denied for every webContents
    sessionOf: (partition) => session.fromPartition(partition),
  })
  const consoleApp = await createConsole({
    dataDir,
    transport: 'electron',
    appVersion: app.getVersion(),
    testPageOrigin: testPage.origin,
    logger,
    pageEngine,
    consoleOrigins: () => [APP_ORIGIN],
    safeStorage: safeStorageFallback(safeStorage, process.platform),
    // This shell maps Payroc's gateway host in the test page's session (below), so Payroc's own script can run
    // against the sandbox.
    library: { hostMapping: true },
  })
  const csp = appContentSecurityPolicy(testPage.origin)
  // Frames the test page may load: itself plus the frame-src of its own CSP for every environment's CDN (the
  // same function writes that CSP), read at each navigation so a custom environment added later is included.
  const frameSources = (): string[] =>
    frameAllowList({ testPageOrigin: testPage.origin, cdnBases: consoleApp.cdnBases() })

  protocol.handle(APP_SCHEME, async (request) => {
    const relative = appUrlToRelativePath(request.url)
    // The real path, inside out/renderer: a symlink (anywhere on the way) that leads out of it is not found.
    const file = relative ? await resolveAppFile(rendererDir, relative) : null
    if (!relative || !file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      const type = MIME_TYPES[extname(relative).slice(1)] ?? 'application/octet-stream'
      return new Response(body, {
        headers: {
          'content-type': type,
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })

  // Permissions and devices: denied unless the app's own main frame asks for the one permission it uses.
  const appSession = session.defaultSession
  appSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionRequestGranted(permission, details)),
  )
  appSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckGranted(permission, requestingOrigin, details),
  )
  appSession.setDevicePermissionHandler((details) => isDevicePermissionGranted(details))
  appSession.setBluetoothPairingHandler((_details, callback) => callback(bluetoothPairingResponse()))
  // Without a listener that prevents the default, Electron picks the first HID / serial / USB device itself.
  // (DEVICE_CHOOSERS lists these events with the "none" answer of each; the unit test covers every one.)
  appSession.on('select-hid-device', denyDeviceChooser('select-hid-device'))
  appSession.on('select-serial-port', denyDeviceChooser('select-serial-port'))
  appSession.on('select-usb-device', denyDeviceChooser('select-usb-device'))

  // Payroc's own script in the Sandbox environment: while the user has chosen it, the app session's https
  // requests go through gatewayHostResponder (Payroc's UAT hosts → the user's copy and the sandbox, while Sandbox
  // is selected; everything else to the network untouched). Not chosen: no handler at all.
  const gatewayHost = gatewayHostResponder({
    mapping: () => consoleApp.library.mapping(),
    scriptCopy: (libVersion) => consoleApp.library.scriptCopy(libVersion),
    through: (request) => net.fetch(request, { bypassCustomProtocolHandlers: true }),
  })
  let gatewayHostMapped = false
  const followLibraryChoice = (): void => {
    const chosen = consoleApp.library.mapping().chosen
    if (chosen === gatewayHostMapped) return
    if (chosen) appSession.protocol.handle('https', gatewayHost)
    else appSession.protocol.unhandle('https')
    gatewayHostMapped = chosen
    logger.log(
      'info',
      chosen ? "Payroc's gateway host mapped to the sandbox" : 'gateway host mapping removed',
    )
  }
  followLibraryChoice()
  const stopFollowingLibrary = consoleApp.library.onChange(followLibraryChoice)

  app.on('web-contents-created', (_event, contents) => {
    // A merchant page under check navigates as it likes inside its fenced partition (page-window.ts).
    const pageUnderCheck = (): boolean => pageEngine.owns(contents.id)
    contents.on('will-navigate', (event, url) => {
      if (!pageUnderCheck() && !isAllowedTopNavigation(url)) event.preventDefault()
    })
    contents.on('will-frame-navigate', (event) => {
      if (pageUnderCheck()) return
      if (!event.isMainFrame && !isAllowedFrameUrl(event.url, frameSources())) event.preventDefault()
    })
    // A redirect is a navigation too: the main window only lands on the app, frames only on the allow-list.
    contents.on('will-redirect', (event) => {
      if (pageUnderCheck()) return
      if (!isAllowedRedirect({ url: event.url, isMainFrame: event.isMainFrame }, frameSources()))
        event.preventDefault()
    })
    contents.on('select-bluetooth-device', denyDeviceChooser('select-bluetooth-device'))
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url)
      if (decision.openExternally) void shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK -- only https URLs on the isAllowedExternalUrl() allow-list get here (unit-tested)
      return { action: decision.action }
    })
  })

  const unbind = bindChannels(consoleApp.dispatch, logger)
  // Follow the OS theme (the renderer uses prefers-color-scheme, which tracks nativeTheme).
  nativeTheme.themeSource = 'system'
  const windowStateFile = join(dataDir, 'window-state.json')
  const saved = await loadJsonFile(windowStateFile, SavedWindowState.nullable(), () => null, logger)
  const restored = restoreBounds(
    saved.data,
    screen.getAllDisplays().map((display) => display.workArea),
  )
  // contextIsolation, sandbox and no Node come from mainWindowOptions(), unit-tested without a binary.
  const windowOptions = mainWindowOptions({
    preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK -- exposes only the contract's channels, no ipcRenderer (test/build/bundles.test.ts)
    bounds: restored,
    devTools: !app.isPackaged,
  })
  const window = new BrowserWindow(windowOptions) // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- options asserted in test/main/security.test.ts; middle-click windows are denied by setWindowOpenHandler
  const unsubscribe = consoleApp.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event)
  })
  window.once('ready-to-show', () => {
    if (restored.maximized) window.maximize()
    window.show()
  })
  const rememberBounds = (): void => {
    void writeJsonFileAtomic(
      windowStateFile,
      toSavedState(window.getNormalBounds(), window.isMaximized()),
    ).catch((error: unknown) =>
      logger.log('warn', 'could not save the window state', { error: String(error) }),
    )
  }
  window.on('close', rememberBounds)

  const about = (): void => {
    const text = aboutText({
      appName: app.getName(),
      version: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
    })
    void dialog.showMessageBox(window, { type: 'info', ...text, buttons: ['OK'] })
  }
  const template = applicationMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    devTools: !app.isPackaged,
    actions: {
      about,
      openDocs: () => void shell.openExternal(DOCS_URL), // eng-disable OPEN_EXTERNAL_JS_CHECK -- a constant https URL on the allow-list
      openDataFolder: () => void shell.openPath(dataDir),
    },
  })
  // MenuItemSpec is Electron's MenuItemConstructorOptions minus its types; roles are checked by the unit test.
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as Parameters<typeof Menu.buildFromTemplate>[0]))
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  await window.loadURL(`${APP_ORIGIN}/index.html`)

  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    unsubscribe()
    stopFollowingLibrary()
    unbind()
    void consoleApp.close()
    void testPage.close()
  })
}
