import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  FUSES,
  appUrlToRelativePath,
  isAllowedExternalUrl,
  isAllowedTopNavigation,
  isTrustedSender,
  mainWindowOptions,
  windowOpenDecision,
} from '../../src/main/security'
import { appContentSecurityPolicy } from '../../src/core/services/servers/page-policy'

const options = mainWindowOptions({
  preload: '/app/out/preload/index.js',
  bounds: { width: 1280, height: 800 },
  devTools: false,
})

describe('Electron security checklist, window options', () => {
  it('isolates the page context and sandboxes the renderer', () => {
    expect(options.webPreferences.contextIsolation).toBe(true)
    expect(options.webPreferences.sandbox).toBe(true)
  })
  it('gives web content no Node.js integration anywhere', () => {
    expect(options.webPreferences.nodeIntegration).toBe(false)
    expect(options.webPreferences.nodeIntegrationInWorker).toBe(false)
    expect(options.webPreferences.nodeIntegrationInSubFrames).toBe(false)
  })
  it('keeps webSecurity on and refuses insecure content, experimental features and <webview>', () => {
    expect(options.webPreferences.webSecurity).toBe(true)
    expect(options.webPreferences.allowRunningInsecureContent).toBe(false)
    expect(options.webPreferences.experimentalFeatures).toBe(false)
    expect(options.webPreferences.webviewTag).toBe(false)
    expect(options.webPreferences.navigateOnDragDrop).toBe(false)
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
  })
  it('holds the 1024×700 minimum the layout is designed for', () => {
    expect(options.minWidth).toBe(1024)
    expect(options.minHeight).toBe(700)
  })
})

describe('Electron security checklist, content security policy', () => {
  const csp = appContentSecurityPolicy('http://127.0.0.1:4321')
  it('allows scripts only from the app itself, no inline or eval', () => {
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
  })
  it('frames only the test page origin and forbids plugins, base and framing', () => {
    expect(csp).toContain('frame-src http://127.0.0.1:4321')
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("default-src 'none'")
  })
})

describe('Electron security checklist, navigation and new windows', () => {
  it('lets the main window navigate only within the app origin', () => {
    expect(isAllowedTopNavigation(`${APP_ORIGIN}/index.html`)).toBe(true)
    expect(isAllowedTopNavigation('https://evil.example/')).toBe(false)
    expect(isAllowedTopNavigation('file:///etc/passwd')).toBe(false)
    expect(isAllowedTopNavigation('app://other/index.html')).toBe(false)
    expect(isAllowedTopNavigation('not a url')).toBe(false)
  })
  it('denies every new window and opens only allow-listed https links externally', () => {
    expect(windowOpenDecision('https://docs.payroc.com/api')).toEqual({
      action: 'deny',
      openExternally: true,
    })
    expect(windowOpenDecision('https://evil.example/')).toEqual({ action: 'deny', openExternally: false })
    expect(isAllowedExternalUrl('http://docs.payroc.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@docs.payroc.com/')).toBe(false)
    expect(isAllowedExternalUrl('file:///bin/sh')).toBe(false)
    expect(isAllowedExternalUrl('https://docs.payroc.com.evil.example/')).toBe(false)
  })
})

describe('Electron security checklist, permissions and IPC senders', () => {
  it('accepts IPC only from the app page main frame', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isMainFrame: true })).toBe(true)
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isMainFrame: false })).toBe(false)
    expect(isTrustedSender({ url: 'http://127.0.0.1:4321/testpage.html', isMainFrame: true })).toBe(false)
    expect(isTrustedSender({ url: '', isMainFrame: true })).toBe(false)
  })
})

describe('Electron security checklist, custom protocol and fuses', () => {
  it('maps app:// URLs inside the renderer folder and refuses traversal', () => {
    expect(appUrlToRelativePath(`${APP_ORIGIN}/`)).toBe('index.html')
    expect(appUrlToRelativePath(`${APP_ORIGIN}/assets/index-abc.js`)).toBe('assets/index-abc.js')
    // The URL parser resolves dot segments first, so this stays inside the renderer folder.
    expect(appUrlToRelativePath(`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`)).toBe('etc/passwd')
    expect(appUrlToRelativePath(`${APP_ORIGIN}/a/%252e%252e/b`)).toBe('a/%2e%2e/b')
    expect(appUrlToRelativePath(`${APP_ORIGIN}/a%5c..%5cb`)).toBeNull()
    expect(appUrlToRelativePath(`${APP_ORIGIN}/%E0%A4%A`)).toBeNull()
    expect(appUrlToRelativePath('app://other/index.html')).toBeNull()
  })
  it('turns off run-as-node, NODE_OPTIONS and inspect arguments in packaged builds', () => {
    expect(FUSES.runAsNode).toBe(false)
    expect(FUSES.enableNodeOptionsEnvironmentVariable).toBe(false)
    expect(FUSES.enableNodeCliInspectArguments).toBe(false)
    expect(FUSES.onlyLoadAppFromAsar).toBe(true)
  })
})
