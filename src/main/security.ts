/**
 * Electron's security checklist as pure functions over plain inputs, so every item is unit-tested on machines
 * without an Electron binary: window options, navigation, redirects, new windows, permissions and devices
 * (denied by default), IPC senders, the app:// file lookup (symlink-safe) and the frame allow-list derived from
 * the test page's own CSP. src/main/index.ts only wires these into BrowserWindow / session / app events.
 */
import { realpath, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { testPageContentSecurityPolicy } from '../core/services/servers/testpage-server'

/** The app's own pages are served from this privileged custom scheme, never file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'console'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export interface WebPreferencesLike {
  preload?: string
  contextIsolation: boolean
  sandbox: boolean
  nodeIntegration: boolean
  nodeIntegrationInWorker: boolean
  nodeIntegrationInSubFrames: boolean
  webSecurity: boolean
  allowRunningInsecureContent: boolean
  experimentalFeatures: boolean
  webviewTag: boolean
  navigateOnDragDrop: boolean
  safeDialogs: boolean
  spellcheck: boolean
  devTools: boolean
}

export interface WindowBounds {
  width: number
  height: number
  x?: number
  y?: number
}

export function mainWindowOptions(input: { preload: string; bounds: WindowBounds; devTools: boolean }): {
  width: number
  height: number
  x?: number
  y?: number
  minWidth: number
  minHeight: number
  show: boolean
  title: string
  webPreferences: WebPreferencesLike
} {
  return {
    ...input.bounds,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Hosted Fields Session Console',
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  }
}

/** The origin of a URL; custom schemes (app://) get scheme + host instead of Chromium's opaque "null". */
export const originOf = (url: string): string | null => {
  try {
    const parsed = new URL(url)
    // Custom schemes have an opaque origin ("null"); rebuild it from scheme + host.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`
  } catch {
    return null
  }
}

/** `will-navigate` on the main window: it only ever shows the app's own page. */
export function isAllowedTopNavigation(url: string): boolean {
  return originOf(url) === APP_ORIGIN
}

/** Links the app may open in the system browser; everything else is refused. */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [
  'https://docs.payroc.com',
  'https://developer.payroc.com',
  'https://www.electronjs.org',
]

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (
      parsed.protocol === 'https:' &&
      !parsed.username &&
      !parsed.password &&
      EXTERNAL_ALLOW_LIST.some((allowed) => parsed.origin === allowed)
    )
  } catch {
    return false
  }
}

/** `setWindowOpenHandler`: never a new Electron window; allow-listed links go to the system browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) }
}

/** IPC: only the app's own top-level page may call a channel (never the test page or any subframe). */
export function isTrustedSender(sender: { url: string; isMainFrame: boolean }): boolean {
  return sender.isMainFrame && originOf(sender.url) === APP_ORIGIN
}

/** Fuses to flip in packaged builds (electron-builder `electronFuses`). */
export const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  // Playwright's _electron launcher needs --inspect: keep it only where tests run the packaged app.
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const

/** Path inside out/renderer for an app:// URL, or null when it escapes the folder or is malformed. */
export function appUrlToRelativePath(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const segments = pathname.split('/').filter((s) => s.length > 0)
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) return null
  return segments.join('/')
}

// ── Frames ──────────────────────────────────────────────────────────────────────────────────────────────

/** The sources of one directive (e.g. `frame-src`) of a CSP string. */
export function directiveSources(policy: string, directive: string): string[] {
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name?.toLowerCase() === directive) return sources
  }
  return []
}

/**
 * Every origin a frame in the window may show: the test page itself, plus the `frame-src` of the test page's
 * policy for each environment's CDN (and for no CDN) — the same function that writes the test page's CSP, so
 * the allow-list cannot name fewer hosts than the page is allowed to frame (Production's and custom CDNs'
 * library frames used to be blocked in the desktop app).
 */
export function frameAllowList(input: { testPageOrigin: string; cdnBases: readonly string[] }): string[] {
  const sources = new Set<string>([input.testPageOrigin])
  for (const cdn of [null, ...input.cdnBases]) {
    const origin = cdn === null ? null : originOf(cdn)
    for (const source of directiveSources(testPageContentSecurityPolicy(origin, "'none'"), 'frame-src'))
      sources.add(source)
  }
  return [...sources]
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' }

/** CSP host-source matching for `scheme://host[:port]` sources, `*.` host wildcards and `:*` ports. */
export function matchesSource(url: string, source: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(\*\.)?([^:/*]+)(?::(\d+|\*))?\/?$/i.exec(source)
  if (!match) return false
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  const [, scheme = '', wildcard, host = '', port] = match
  if (target.protocol !== `${scheme.toLowerCase()}:`) return false
  const hostname = target.hostname
  const hostOk = wildcard ? hostname.endsWith(`.${host.toLowerCase()}`) : hostname === host.toLowerCase()
  const targetPort = target.port || DEFAULT_PORTS[target.protocol] || ''
  const portOk = port === '*' || (port ?? DEFAULT_PORTS[target.protocol]) === targetPort
  return hostOk && portOk
}

/** `will-frame-navigate` / frame redirects: blank frames, the app, or a source of the allow-list. */
export function isAllowedFrameUrl(url: string, allowList: readonly string[]): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true
  if (originOf(url) === APP_ORIGIN) return true
  return allowList.some((source) => matchesSource(url, source))
}

/** `will-redirect`: the main window only ever lands on the app; frames only on the allow-list. */
export function isAllowedRedirect(
  details: { url: string; isMainFrame: boolean },
  allowList: readonly string[],
): boolean {
  return details.isMainFrame ? isAllowedTopNavigation(details.url) : isAllowedFrameUrl(details.url, allowList)
}

// ── Permissions and devices ─────────────────────────────────────────────────────────────────────────────

/** The only permission the app uses (Copy token), from its own top-level page. */
const APP_PERMISSIONS = new Set(['clipboard-sanitized-write'])

/** setPermissionRequestHandler: denied unless the app's main frame asks for a permission it uses. */
export function isPermissionRequestGranted(
  permission: string,
  details: { requestingUrl?: string; isMainFrame: boolean },
): boolean {
  return (
    details.isMainFrame &&
    originOf(details.requestingUrl ?? '') === APP_ORIGIN &&
    APP_PERMISSIONS.has(permission)
  )
}

/** setPermissionCheckHandler: the same rule for the synchronous checks (e.g. navigator.permissions). */
export function isPermissionCheckGranted(
  permission: string,
  requestingOrigin: string,
  details: { isMainFrame: boolean },
): boolean {
  return details.isMainFrame && originOf(requestingOrigin) === APP_ORIGIN && APP_PERMISSIONS.has(permission)
}

/** setDevicePermissionHandler: no HID, serial or USB device, for anyone. */
export const isDevicePermissionGranted = (_details: { deviceType: string; origin: string }): boolean => false

/** setBluetoothPairingHandler: never pair. */
export const bluetoothPairingResponse = (): { confirmed: false } => ({ confirmed: false })

/**
 * Device choosers: without a listener that calls `preventDefault`, Electron picks the FIRST device for
 * HID/USB/Bluetooth. Each listener cancels with the value its callback documents as "none".
 */
export const DEVICE_CHOOSERS = {
  session: { 'select-hid-device': null, 'select-serial-port': '', 'select-usb-device': undefined },
  webContents: { 'select-bluetooth-device': '' },
} as const

export type DeviceChooserEvent =
  keyof (typeof DEVICE_CHOOSERS)['session'] | keyof (typeof DEVICE_CHOOSERS)['webContents']

/** A listener for `event` that refuses to choose: prevents the default pick, answers "no device". */
export function denyDeviceChooser(
  event: DeviceChooserEvent,
): (electronEvent: { preventDefault(): void }, ...rest: unknown[]) => void {
  const none: string | null | undefined =
    event === 'select-bluetooth-device' ? '' : DEVICE_CHOOSERS.session[event]
  return (electronEvent, ...rest) => {
    electronEvent.preventDefault()
    const callback = rest.at(-1)
    if (typeof callback === 'function') (callback as (id?: string | null) => void)(none)
  }
}

// ── app:// files ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The real path of `relative` (from appUrlToRelativePath) inside `rendererDir`, or null when it is missing,
 * not a regular file, or a symlink (anywhere on the way) that leads out of the renderer folder.
 */
export async function resolveAppFile(rendererDir: string, relative: string): Promise<string | null> {
  try {
    const realRoot = await realpath(rendererDir)
    const file = await realpath(resolve(realRoot, relative))
    if (!file.startsWith(realRoot + sep)) return null
    return (await stat(file)).isFile() ? file : null
  } catch {
    return null
  }
}
