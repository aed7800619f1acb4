/**
 * Electron's security checklist as pure functions over plain inputs, so every item is unit-tested on machines
 * without an Electron binary. src/main/index.ts only wires these into BrowserWindow / session / app events.
 */

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

const originOf = (url: string): string | null => {
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

/** `will-frame-navigate`: subframes may only be the test page and the frames it legitimately loads. */
export function isAllowedFrameNavigation(url: string, allowedFrameOrigins: readonly string[]): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true
  const origin = originOf(url)
  return origin !== null && (origin === APP_ORIGIN || allowedFrameOrigins.includes(origin))
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

/** Permission requests: denied by default; the app page may write to the clipboard (Copy token). */
export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  const fromApp = originOf(requestingUrl) === APP_ORIGIN
  return fromApp && (permission === 'clipboard-sanitized-write' || permission === 'clipboard-write')
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
