import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { testPageContentSecurityPolicy } from '../../src/core/services/servers/testpage-server'
import {
  DEVICE_CHOOSERS,
  type DeviceChooserEvent,
  bluetoothPairingResponse,
  denyDeviceChooser,
  directiveSources,
  frameAllowList,
  isAllowedFrameUrl,
  isAllowedRedirect,
  isDevicePermissionGranted,
  isPermissionCheckGranted,
  isPermissionRequestGranted,
  matchesSource,
  resolveAppFile,
  APP_ORIGIN,
} from '../../src/main/security'

const TEST_PAGE = 'http://127.0.0.1:43121'
const SANDBOX = 'http://127.0.0.1:4010'
const CDNS = [SANDBOX, 'https://cdn.uat.payroc.com', 'https://cdn.payroc.com', 'https://cdn.custom.example']
const allowList = frameAllowList({ testPageOrigin: TEST_PAGE, cdnBases: CDNS })

describe('the frame allow-list, derived from the test page CSP', () => {
  it('holds every frame-src source the test page policy allows, for every environment’s CDN', () => {
    for (const cdn of [null, ...CDNS]) {
      for (const source of directiveSources(testPageContentSecurityPolicy(cdn, "'none'"), 'frame-src'))
        expect(allowList, `${cdn} → ${source}`).toContain(source)
    }
    expect(allowList).toContain(TEST_PAGE)
  })

  it('lets Production’s and a custom CDN’s library frames load (the old fixed list blocked them)', () => {
    const production = 'https://payments.worldnettps.com/hosted-fields/card'
    const custom = 'https://cdn.custom.example/fields/card.html'
    expect(isAllowedFrameUrl(production, allowList)).toBe(true)
    expect(isAllowedFrameUrl(custom, allowList)).toBe(true)
    for (const url of [
      `${TEST_PAGE}/testpage.html`,
      `${SANDBOX}/merchant/x`,
      'https://testpayments.worldnettps.com/a',
    ])
      expect(isAllowedFrameUrl(url, allowList), url).toBe(true)
  })

  it('refuses everything else', () => {
    for (const url of [
      'https://evil.example/',
      'https://worldnettps.com.evil.example/',
      'https://worldnettps.com/', // the wildcard needs a subdomain
      'http://payments.worldnettps.com/', // wrong scheme
      'https://payments.worldnettps.com:8443/',
      'http://127.0.0.1:9999/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(isAllowedFrameUrl(url, allowList), url).toBe(false)
    expect(isAllowedFrameUrl('about:blank', [])).toBe(true)
  })

  it('matches CSP host sources: scheme, *. wildcard, default and * ports; keywords never', () => {
    expect(matchesSource('https://a.b.example/x', 'https://*.example')).toBe(true)
    expect(matchesSource('https://example/x', 'https://*.example')).toBe(false)
    expect(matchesSource('https://x.example:443/', 'https://x.example')).toBe(true)
    expect(matchesSource('https://x.example:444/', 'https://x.example:*')).toBe(true)
    expect(matchesSource('http://127.0.0.1:4010/', 'http://127.0.0.1:4010')).toBe(true)
    expect(matchesSource('https://x.example/', "'self'")).toBe(false)
    expect(matchesSource('https://x.example/', '*')).toBe(false)
  })
})

describe('will-redirect', () => {
  it('keeps the main window on the app and frames on the allow-list', () => {
    expect(isAllowedRedirect({ url: `${APP_ORIGIN}/index.html`, isMainFrame: true }, allowList)).toBe(true)
    expect(isAllowedRedirect({ url: 'https://docs.payroc.com/', isMainFrame: true }, allowList)).toBe(false)
    expect(isAllowedRedirect({ url: `${TEST_PAGE}/testpage.html`, isMainFrame: true }, allowList)).toBe(false)
    expect(
      isAllowedRedirect({ url: 'https://payments.worldnettps.com/', isMainFrame: false }, allowList),
    ).toBe(true)
    expect(isAllowedRedirect({ url: 'https://evil.example/', isMainFrame: false }, allowList)).toBe(false)
  })
})

describe('permissions and devices are denied by default', () => {
  const fromApp = { requestingUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true }
  it('grants only the clipboard write (Copy token), only to the app’s main frame', () => {
    expect(isPermissionRequestGranted('clipboard-sanitized-write', fromApp)).toBe(true)
    expect(isPermissionRequestGranted('clipboard-sanitized-write', { ...fromApp, isMainFrame: false })).toBe(
      false,
    )
    expect(
      isPermissionRequestGranted('clipboard-sanitized-write', {
        requestingUrl: `${TEST_PAGE}/`,
        isMainFrame: true,
      }),
    ).toBe(false)
    expect(isPermissionCheckGranted('clipboard-sanitized-write', APP_ORIGIN, { isMainFrame: true })).toBe(
      true,
    )
    expect(isPermissionCheckGranted('clipboard-sanitized-write', APP_ORIGIN, { isMainFrame: false })).toBe(
      false,
    )
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'hid',
      'serial',
      'usb',
      'clipboard-read',
      'openExternal',
      'fileSystem',
    ]) {
      expect(isPermissionRequestGranted(permission, fromApp), permission).toBe(false)
      expect(isPermissionCheckGranted(permission, APP_ORIGIN, { isMainFrame: true }), permission).toBe(false)
    }
  })

  it('grants no device and never pairs', () => {
    for (const deviceType of ['hid', 'serial', 'usb'])
      expect(isDevicePermissionGranted({ deviceType, origin: APP_ORIGIN })).toBe(false)
    expect(bluetoothPairingResponse()).toEqual({ confirmed: false })
  })

  it('every device chooser prevents Electron’s default pick and answers "no device"', () => {
    const expected: Record<string, string | null | undefined> = {
      'select-hid-device': null,
      'select-serial-port': '',
      'select-usb-device': undefined,
      'select-bluetooth-device': '',
    }
    const events = [...Object.keys(DEVICE_CHOOSERS.session), ...Object.keys(DEVICE_CHOOSERS.webContents)]
    expect(events.sort()).toEqual(Object.keys(expected).sort())
    for (const name of events) {
      const preventDefault = vi.fn()
      const callback = vi.fn()
      denyDeviceChooser(name as DeviceChooserEvent)({ preventDefault }, [{ deviceId: 'd1' }], callback)
      expect(preventDefault, name).toHaveBeenCalledOnce()
      expect(callback, name).toHaveBeenCalledWith(expected[name])
    }
  })
})

describe('app:// files are resolved symlink-safe', () => {
  let root: string
  let renderer: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'hfc-appfiles-'))
    renderer = path.join(root, 'renderer')
    await mkdir(path.join(renderer, 'assets'), { recursive: true })
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html>')
    await writeFile(path.join(root, 'secret.txt'), 'outside')
    await mkdir(path.join(root, 'outside-dir'))
    await writeFile(path.join(root, 'outside-dir', 'x.js'), 'outside')
    await symlink(path.join(root, 'secret.txt'), path.join(renderer, 'assets', 'leak.js'))
    await symlink(path.join(root, 'outside-dir'), path.join(renderer, 'linked'))
    await symlink(path.join(renderer, 'index.html'), path.join(renderer, 'alias.html'))
    await mkdir(`${renderer}-sibling`)
    await writeFile(path.join(`${renderer}-sibling`, 'x.js'), 'sibling')
    await symlink(path.join(`${renderer}-sibling`, 'x.js'), path.join(renderer, 'prefix.js'))
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('serves regular files inside the renderer folder, through links that stay inside', async () => {
    expect(await resolveAppFile(renderer, 'index.html')).toBe(path.join(renderer, 'index.html'))
    expect(await resolveAppFile(renderer, 'alias.html')).toBe(path.join(renderer, 'index.html'))
  })

  it('refuses links out of the folder (file, folder, or a sibling sharing the prefix), folders and missing files', async () => {
    expect(await resolveAppFile(renderer, 'assets/leak.js')).toBeNull()
    expect(await resolveAppFile(renderer, 'linked/x.js')).toBeNull()
    expect(await resolveAppFile(renderer, 'prefix.js')).toBeNull()
    expect(await resolveAppFile(renderer, 'assets')).toBeNull()
    expect(await resolveAppFile(renderer, 'missing.js')).toBeNull()
    expect(await resolveAppFile(path.join(root, 'nope'), 'index.html')).toBeNull()
  })
})
