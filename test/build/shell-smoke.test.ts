// Shell smoke test — NOT Electron: the BUILT main bundle (out/main/index.js, from `npm run build`) started in plain
// Node with a recording stand-in for the `electron` module (test/support/electron-stand-in.ts). It runs the
// shell's real startup path — paths, policy wiring, channel bindings, the app:// handler, the embedded sandbox —
// and proves what a Node stand-in can; what only a real Electron run proves is listed in SECURITY.md.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, EVENT_CHANNEL } from '../../src/shared/channels'
import { CHECK_IDS } from '../../src/shared/contract/merchantPage'
import { createElectronStandIn, loadBundleWithStandIn, type StandIn } from '../support/electron-stand-in'

const out = resolve(__dirname, '../../out')
const mainBundle = join(out, 'main/index.js')
const APP_PAGE = 'app://console/index.html'
/** A build only the data folder's builds file knows, with the SRI of SCRIPT (the user-updatable list). */
const TEST_BUILD = '1.7.0.990001'
const SCRIPT = Buffer.from('!function(){window.Payroc={hostedFields:function(){}}}();\n')
const sriOf = (bytes: Buffer): string => `sha384-${createHash('sha384').update(bytes).digest('base64')}`

let electron: StandIn
let dataDir: string
/** What the log held when ready fired: everything the shell did at module load. */
let beforeReady: string[]

/** The shell's `void main()` rejecting (a startup throw) surfaces here instead of as a timeout. */
let startupError: unknown
const onRejection = (error: unknown): void => {
  startupError ??= error
}

const waitFor = async (what: string, check: () => boolean, ms = 15_000): Promise<void> => {
  const until = Date.now() + ms
  while (!check()) {
    if (startupError) throw new Error(`the shell threw while ${what}: ${String(startupError)}`)
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

type Invoke = (event: IpcMainInvokeEvent, payload?: unknown) => Promise<unknown>
interface ResultLike {
  ok: boolean
  value?: Record<string, unknown>
  error?: { kind: string; message: string }
}

/** The shell's window, webContents and what it installed on them. */
const theWindow = () => {
  const [first] = electron.windows()
  if (!first) throw new Error('the shell created no BrowserWindow')
  return first
}
/** An invoke event as Electron builds it: `senderFrame` is the frame that called, `sender` its webContents. */
const invokeEvent = (frame: { url: string }, mainFrame = true): IpcMainInvokeEvent => {
  const contents = theWindow().window.webContents
  // The handler reads only sender.mainFrame and senderFrame.url; the rest of Electron's event is not needed.
  return {
    sender: contents,
    senderFrame: mainFrame ? contents.mainFrame : frame,
  } as unknown as IpcMainInvokeEvent
}
const invoke = (channel: string, payload: unknown, event = invokeEvent({ url: APP_PAGE })) => {
  const handler = electron.ipcHandlers.get(channel)
  if (!handler) throw new Error(`${channel} is not bound`)
  return (handler as Invoke)(event, payload) as Promise<ResultLike>
}
/** Whether anything answers HTTP at `url` (a fresh connection each time, no keep-alive pool). */
const answers = (url: string): Promise<boolean> =>
  new Promise((done) => {
    const request = get(url, { agent: false, timeout: 1000 }, (response) => {
      response.resume()
      done(true)
    })
    request.on('error', () => done(false))
    request.on('timeout', () => request.destroy())
  })
const appProtocol = async (url: string): Promise<Response> => {
  const handler = electron.protocolHandler('app')
  if (!handler) throw new Error('no app:// handler')
  return handler(new Request(url))
}

beforeAll(async () => {
  expect(existsSync(mainBundle), `${mainBundle} missing: run npm run build first`).toBe(true)
  dataDir = mkdtempSync(join(tmpdir(), 'hfc-shell-smoke-'))
  writeFileSync(
    join(dataDir, 'payroc-library-builds.json'),
    JSON.stringify({
      version: 1,
      builds: { [TEST_BUILD]: { environment: 'uat', integrity: sriOf(SCRIPT) } },
    }),
  )
  process.env['HFC_DATA_DIR'] = dataDir
  electron = createElectronStandIn()
  process.on('unhandledRejection', onRejection)
  loadBundleWithStandIn(mainBundle, electron)
  beforeReady = electron.log.map((entry) => entry.api)
  electron.emitReady()
  // main() ends by registering will-quit after the window has loaded its page.
  await waitFor('starting', () => electron.appListenerCount('will-quit') > 0)
  process.off('unhandledRejection', onRejection)
}, 30_000)

afterAll(() => {
  // In case a test failed before quitting: quit now so the servers close and the worker can exit.
  if (electron.calls('ipcMain.removeHandler').length === 0) electron.emitApp('will-quit')
  delete process.env['HFC_DATA_DIR']
  rmSync(dataDir, { recursive: true, force: true })
})

describe('desktop shell in a Node stand-in for electron (NOT Electron): startup order', () => {
  it('enables the sandbox and registers the app scheme privileged before ready', () => {
    expect(beforeReady).toContain('app.enableSandbox')
    expect(beforeReady).toContain('protocol.registerSchemesAsPrivileged')
    const [registered] = electron.calls('protocol.registerSchemesAsPrivileged')
    expect(registered?.args[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('points userData at HFC_DATA_DIR and asks for the single-instance lock before ready', () => {
    expect(electron.calls('app.setPath')[0]?.args).toEqual(['userData', dataDir])
    expect(beforeReady).toContain('app.requestSingleInstanceLock')
    expect(electron.calls('app.quit')).toHaveLength(0)
    expect(beforeReady).not.toContain('protocol.handle')
    expect(beforeReady).not.toContain('new BrowserWindow')
    // The main-process log went to that folder, and the console started in its Electron transport.
    const log = readFileSync(join(dataDir, 'console.log'), 'utf8')
    expect(log).toContain('console started')
    expect(log).toContain('"transport":"electron"')
  })

  it('installs permission handlers and every navigation / window-open / webview policy before the page loads', () => {
    const loaded = electron.indexOf('BrowserWindow.loadURL')
    expect(loaded).toBeGreaterThan(electron.indexOf('(ready)'))
    expect(electron.calls('BrowserWindow.loadURL').map((c) => c.args[0])).toEqual([APP_PAGE])
    // Installed once, and before the page loads (a second install later would replace the first).
    const before = (api: string, arg?: unknown) => {
      const label = `${api} ${String(arg ?? '')}`
      const at = electron.indexOf(api, arg)
      expect(at, label).toBeGreaterThanOrEqual(0)
      expect(at, `${label} after loadURL`).toBeLessThan(loaded)
      const times = electron.calls(api).filter((c) => arg === undefined || c.args[0] === arg).length
      expect(times, `${label} installed ${times} times`).toBe(1)
    }
    before('protocol.handle', 'app')
    before('session.defaultSession.setPermissionRequestHandler')
    before('session.defaultSession.setPermissionCheckHandler')
    before('session.defaultSession.setDevicePermissionHandler')
    before('session.defaultSession.setBluetoothPairingHandler')
    for (const chooser of ['select-hid-device', 'select-serial-port', 'select-usb-device'])
      before('session.defaultSession.on', chooser)
    before('webContents.on', 'will-navigate')
    before('webContents.on', 'will-frame-navigate')
    before('webContents.on', 'will-redirect')
    before('webContents.on', 'select-bluetooth-device')
    before('webContents.on', 'will-attach-webview')
    before('webContents.setWindowOpenHandler')
    before('ipcMain.handle', 'session:create')
  })

  it('opens one window: context isolation, sandbox, no Node, and a preload file that exists', () => {
    expect(electron.windows()).toHaveLength(1)
    const prefs = theWindow().options.webPreferences
    expect(prefs?.contextIsolation).toBe(true)
    expect(prefs?.sandbox).toBe(true)
    expect(prefs?.nodeIntegration).toBe(false)
    expect(prefs?.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs?.webviewTag).toBe(false)
    expect(prefs?.preload).toBe(join(out, 'preload/index.js'))
    expect(existsSync(prefs?.preload ?? '')).toBe(true)
    expect(electron.calls('BrowserWindow.show')).toHaveLength(1)
  })

  it('sets the menu, follows the OS theme and focuses the window on a second instance', () => {
    expect(electron.calls('Menu.setApplicationMenu')).toHaveLength(1)
    expect(electron.module.nativeTheme.themeSource).toBe('system')
    electron.emitApp('second-instance')
    expect(electron.calls('BrowserWindow.focus')).toHaveLength(1)
  })
})

describe('desktop shell in a Node stand-in for electron (NOT Electron): policies installed', () => {
  const fakeEvent = (extra: Record<string, unknown> = {}) => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true), ...extra }
    return event
  }
  const emitContents = (name: string, ...args: unknown[]) => theWindow().contents.events.emit(name, ...args)

  it('will-navigate: stays on the app origin', () => {
    const away = fakeEvent()
    emitContents('will-navigate', away, 'https://evil.example/')
    expect(away.prevented).toBe(true)
    const inside = fakeEvent()
    emitContents('will-navigate', inside, 'app://console/index.html#x')
    expect(inside.prevented).toBe(false)
  })

  it('will-frame-navigate: a subframe may not go to a foreign origin; will-attach-webview: always refused', () => {
    const frame = fakeEvent({ isMainFrame: false, url: 'https://evil.example/' })
    emitContents('will-frame-navigate', frame)
    expect(frame.prevented).toBe(true)
    const webview = fakeEvent()
    emitContents('will-attach-webview', webview)
    expect(webview.prevented).toBe(true)
  })

  it('will-redirect: the main window lands only on the app, a frame only on the frame allow-list', () => {
    const redirect = (url: string, isMainFrame: boolean) => {
      const event = fakeEvent({ url, isMainFrame })
      emitContents('will-redirect', event, url)
      return event.prevented
    }
    expect(redirect('https://evil.example/', true)).toBe(true)
    expect(redirect('app://console/index.html', true)).toBe(false)
    expect(redirect('https://evil.example/', false)).toBe(true)
    expect(redirect('https://testpayments.worldnettps.com/merchant/hosted-fields?x=1', false)).toBe(false)
  })

  it('frames: the allow-list is the test page CSP’s frame-src for every environment, Production included', async () => {
    const info = await invoke('app:info', {})
    const frame = (url: string) => {
      const event = fakeEvent({ isMainFrame: false, url })
      emitContents('will-frame-navigate', event)
      return event.prevented
    }
    expect(frame(`${String(info.value?.['testPageOrigin'])}/testpage.html`)).toBe(false)
    expect(frame(`${String(info.value?.['sandboxUrl'])}/merchant/hosted-fields?x=1`)).toBe(false)
    expect(frame('https://testpayments.worldnettps.com/merchant/hosted-fields')).toBe(false)
    // Production's library frames (the CSP's guess, *.worldnettps.com): blocked by the old fixed list.
    expect(frame('https://payments.worldnettps.com/merchant/hosted-fields')).toBe(false)
    expect(frame('http://127.0.0.1:1/')).toBe(true)
  })

  it('window-open: always denied; only an allow-listed https link goes to the system browser', () => {
    const handler = theWindow().contents.state.windowOpenHandler
    expect(handler).toBeDefined()
    const open = (url: string) => handler?.({ url } as Parameters<NonNullable<typeof handler>>[0])
    expect(open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(open('https://docs.payroc.com/guides')).toEqual({ action: 'deny' })
    expect(electron.calls('shell.openExternal').map((c) => c.args[0])).toEqual([
      'https://docs.payroc.com/guides',
    ])
  })

  it('permissions: denied by default, clipboard write for the app page’s main frame only', () => {
    const { request, check } = electron.permissions
    const granted: boolean[] = []
    const ask = (permission: string, url: string, isMainFrame = true) =>
      // Only the permission name and the details are read by the shell's handler.
      request?.(null as never, permission as never, (ok) => granted.push(ok), {
        requestingUrl: url,
        isMainFrame,
      } as never)
    ask('media', APP_PAGE)
    ask('clipboard-sanitized-write', 'https://evil.example/')
    ask('clipboard-sanitized-write', APP_PAGE, false)
    ask('clipboard-sanitized-write', APP_PAGE)
    expect(granted).toEqual([false, false, false, true])
    expect(check?.(null, 'geolocation' as never, 'app://console', { isMainFrame: true } as never)).toBe(false)
    expect(
      check?.(null, 'clipboard-sanitized-write' as never, 'app://console', { isMainFrame: true } as never),
    ).toBe(true)
  })

  it('devices: no HID / serial / USB permission, no Bluetooth pairing, every chooser picks nothing', () => {
    const { device, bluetoothPairing } = electron.permissions
    for (const deviceType of ['hid', 'serial', 'usb'])
      expect(device?.({ deviceType, origin: 'app://console' } as never), deviceType).toBe(false)
    const pairing: unknown[] = []
    bluetoothPairing?.({} as never, (response) => pairing.push(response))
    expect(pairing).toEqual([{ confirmed: false }])
    const choose = (emit: (event: unknown, ...args: unknown[]) => unknown[], name: string) => {
      const event = fakeEvent()
      const picked: unknown[] = []
      emit(event, [{ deviceId: 'first' }], (id: unknown) => picked.push(id))
      expect(event.prevented, name).toBe(true)
      expect(picked, name).toHaveLength(1)
      expect(picked[0], name).not.toBe('first')
    }
    for (const name of ['select-hid-device', 'select-serial-port', 'select-usb-device'])
      choose((...args) => electron.emitSession(name, ...args), name)
    choose((...args) => emitContents('select-bluetooth-device', ...args), 'select-bluetooth-device')
  })
})

describe('desktop shell in a Node stand-in for electron (NOT Electron): app:// protocol', () => {
  it('serves the built renderer with the CSP and nosniff headers', async () => {
    const response = await appProtocol(APP_PAGE)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(readFileSync(join(out, 'renderer/index.html'), 'utf8'))
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    const info = await invoke('app:info', {})
    expect(csp).toContain(`frame-src ${String(info.value?.['testPageOrigin'])}`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('refuses traversal out of out/renderer (the main bundle sits one folder up)', async () => {
    for (const url of [
      'app://console/..%2fmain%2findex.js',
      'app://console/..%5cmain%5cindex.js',
      'app://console/%2e%2e%2fpreload%2findex.js',
      'app://console/../main/index.js',
      'app://elsewhere/index.html',
    ]) {
      const response = await appProtocol(url)
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).toBe('Not found')
    }
  })

  // The handler resolves the real path (resolveAppFile) before reading: a link out of the folder is not found.
  it('refuses a symlink inside out/renderer that points outside it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'hfc-shell-outside-'))
    const secret = join(outside, 'secret.txt')
    writeFileSync(secret, 'outside the renderer folder')
    const link = join(out, 'renderer', `smoke-symlink-${process.pid}.txt`)
    symlinkSync(secret, link)
    try {
      const response = await appProtocol(`app://console/smoke-symlink-${process.pid}.txt`)
      expect(await response.text()).not.toContain('outside the renderer folder')
      expect(response.status).toBe(404)
    } finally {
      rmSync(link, { force: true })
      rmSync(outside, { recursive: true, force: true })
    }
  })
})

describe('desktop shell in a Node stand-in for electron (NOT Electron): IPC', () => {
  it('binds every channel of src/shared/channels.ts exactly once, and nothing else', () => {
    const bound = electron.calls('ipcMain.handle').map((c) => c.args[0])
    expect([...bound].sort()).toEqual([...CHANNELS].sort())
    expect(new Set(bound).size).toBe(bound.length)
  })

  it('session:create through the bound handler reaches the embedded sandbox and returns a token', async () => {
    const info = await invoke('app:info', {})
    const sandboxUrl = String(info.value?.['sandboxUrl'])
    const result = await invoke('session:create', {
      environmentId: 'sandbox',
      profile: 'default',
      processingTerminalId: '1234001',
      scenario: 'payment',
      libVersion: '1.7.0.261457',
    })
    expect(result.error).toBeUndefined()
    expect(result.ok).toBe(true)
    const token = String(result.value?.['token'])
    expect(token.length).toBeGreaterThan(10)
    const journal = (await (await fetch(`${sandboxUrl}/__sandbox/journal?limit=10`)).json()) as {
      entries: { route: string; status?: number }[]
    }
    expect(journal.entries.some((entry) => entry.route === 'sessions')).toBe(true)
    // The journal event of that call was pushed to the window on the event channel.
    expect(electron.calls('webContents.send').some((c) => c.args[0] === EVENT_CHANNEL)).toBe(true)
  })

  it('refuses a foreign sender (another origin, or a subframe such as the test page) with kind forbidden', async () => {
    const foreign = await invoke('app:info', {}, invokeEvent({ url: 'https://evil.example/' }, false))
    expect(foreign.ok).toBe(false)
    expect(foreign.error?.kind).toBe('forbidden')
    const subframe = await invoke('session:create', {}, invokeEvent({ url: APP_PAGE }, false))
    expect(subframe.error?.kind).toBe('forbidden')
  })
})

describe('desktop shell in a Node stand-in for electron (NOT Electron): merchant page check', () => {
  it('checks a page in a hidden window of its own partition through webContents.debugger, fenced', async () => {
    const info = await invoke('app:info', {})
    const testPageOrigin = String(info.value?.['testPageOrigin'])
    const windowsBefore = electron.windows().length
    const pageUrl = 'http://127.0.0.1:9/checkout.html'
    const result = await invoke('merchantPage:check', {
      url: pageUrl,
      environmentId: 'sandbox',
      timeoutSeconds: 5,
    })
    expect(result.error).toBeUndefined()
    expect(result.value?.['engine']).toBe('hidden window')
    const report = result.value?.['report'] as { checks: { id: string }[] }
    expect(report.checks.map((check) => check.id)).toEqual([...CHECK_IDS])
    // One more window: hidden, its own in-memory partition, sandboxed, isolated, no preload (so no bridge).
    const created = electron.windows()
    expect(created.length).toBe(windowsBefore + 1)
    const hidden = created.at(-1)
    if (!hidden) throw new Error('no hidden window')
    const prefs = hidden.options.webPreferences ?? {}
    expect(hidden.options.show).toBe(false)
    expect(prefs.partition).toMatch(/^merchant-page-check-[0-9a-f-]{36}$/)
    expect(prefs.preload).toBeUndefined()
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(hidden.window.isDestroyed()).toBe(true)
    // CDP through the debugger: attached, the probe installed before the page was loaded, then detached.
    const id = hidden.window.webContents.id
    const attach = electron.indexOf('debugger.attach', id)
    const probe = electron.indexOf('debugger.sendCommand', 'Page.addScriptToEvaluateOnNewDocument')
    const load = electron.indexOf('BrowserWindow.loadURL', pageUrl)
    expect(attach).toBeGreaterThan(-1)
    expect(probe).toBeGreaterThan(attach)
    expect(load).toBeGreaterThan(probe)
    expect(electron.indexOf('debugger.detach', id)).toBeGreaterThan(load)
    // The partition's fence: the page's own origin and the sandbox pass; the console's origins and other
    // loopback ports are refused; permissions are denied; its storage is cleared afterwards.
    const partition = electron.partitions.get(String(prefs.partition))
    if (!partition?.beforeRequest || !partition.permissionRequest) throw new Error('no fence installed')
    const cancelled = (url: string): boolean => {
      let answer: boolean | undefined
      partition.beforeRequest?.({ id: 1, url, method: 'GET' } as never, (response) => {
        answer = response.cancel
      })
      return answer === true
    }
    expect(cancelled(pageUrl)).toBe(false)
    expect(
      cancelled(`${String(info.value?.['sandboxUrl'])}/js/hosted-fields/hosted-fields-1.7.0.261457.js`),
    ).toBe(false)
    expect(cancelled(`${testPageOrigin}/index.html`)).toBe(true)
    expect(cancelled('app://console/index.html')).toBe(true)
    expect(cancelled('http://127.0.0.1:1/')).toBe(true)
    let granted: boolean | undefined
    partition.permissionRequest(
      {} as never,
      'clipboard-sanitized-write',
      (grant) => (granted = grant),
      {} as never,
    )
    expect(granted).toBe(false)
    // No device either: no HID / serial / USB grant, no pairing, every chooser cancels instead of picking.
    expect(partition.devicePermission?.({ deviceType: 'usb', origin: pageUrl } as never)).toBe(false)
    const paired: unknown[] = []
    partition.bluetoothPairing?.({} as never, (response) => paired.push(response))
    expect(paired).toEqual([{ confirmed: false }])
    for (const chooser of ['select-hid-device', 'select-serial-port', 'select-usb-device']) {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) }
      const picked: unknown[] = []
      partition.events.emit(chooser, event, [{ deviceId: 'first' }], (id: unknown) => picked.push(id))
      expect(event.prevented, chooser).toBe(true)
      expect(picked, chooser).toHaveLength(1)
      expect(picked[0], chooser).not.toBe('first')
    }
    expect(partition.cleared).toBe(true)
  })
})

describe("desktop shell in a Node stand-in for electron (NOT Electron): Payroc's own library in the sandbox", () => {
  const SCRIPT_URL = `https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-${TEST_BUILD}.js`
  const GATEWAY = 'https://testpayments.worldnettps.com'
  const https = () => electron.sessionProtocolHandler('https')
  let scriptFile: string

  beforeAll(() => {
    scriptFile = join(dataDir, 'chosen-by-the-user.js')
    writeFileSync(scriptFile, SCRIPT)
  })

  it('maps nothing until the user chooses it; the desktop app says it can map the gateway host', async () => {
    expect(https()).toBeUndefined()
    const status = await invoke('library:status', {})
    expect(status.value?.['source']).toBe('simulated')
    expect(status.value?.['hostMapping']).toBe(true)
    const builds = status.value?.['builds'] as { libVersion: string; copy: unknown }[]
    expect(builds.find((build) => build.libVersion === TEST_BUILD)?.copy).toBeNull()
    // No copy yet: choosing it is refused, and still nothing is intercepted.
    const early = await invoke('library:setSource', { source: 'payroc', libVersion: TEST_BUILD })
    expect(early.error?.kind).toBe('validation')
    expect(https()).toBeUndefined()
  })

  it('imports a chosen file only when it matches the build’s SRI, then intercepts https in the app session', async () => {
    const wrong = join(dataDir, 'not-the-script.js')
    writeFileSync(wrong, 'alert(1)\n')
    const refused = await invoke('library:importScript', {
      libVersion: TEST_BUILD,
      from: 'file',
      path: wrong,
    })
    expect(refused.error?.kind).toBe('validation')
    expect(refused.error?.message).toContain('does not match the SRI')
    const imported = await invoke('library:importScript', {
      libVersion: TEST_BUILD,
      from: 'file',
      path: scriptFile,
    })
    expect(imported.error).toBeUndefined()
    expect(imported.value?.['imported']).toEqual({
      libVersion: TEST_BUILD,
      integrity: sriOf(SCRIPT),
      from: 'file',
    })
    const chosen = await invoke('library:setSource', { source: 'payroc', libVersion: TEST_BUILD })
    expect(chosen.value).toMatchObject({ source: 'payroc', libVersion: TEST_BUILD })
    expect(electron.calls('session.defaultSession.protocol.handle').map((c) => c.args[0])).toEqual(['https'])
    expect(https()).toBeDefined()
  })

  it('answers the script from the copy and the gateway from the sandbox, at the gateway origin', async () => {
    const handler = https()
    if (!handler) throw new Error('no https handler')
    const script = await handler(new Request(SCRIPT_URL))
    expect(script.status).toBe(200)
    expect(script.headers.get('access-control-allow-origin')).toBe('*')
    expect(Buffer.from(await script.arrayBuffer()).equals(SCRIPT)).toBe(true)
    // A field frame page asks the gateway for the session's libVersion: it gets the chosen copy too.
    const frameScript = await handler(
      new Request(`${GATEWAY}/js/hosted-fields/hosted-fields-1.7.0.261457.js`),
    )
    expect(Buffer.from(await frameScript.arrayBuffer()).equals(SCRIPT)).toBe(true)

    const created = await invoke('session:create', {
      environmentId: 'sandbox',
      profile: 'default',
      processingTerminalId: '1234001',
      scenario: 'payment',
      libVersion: TEST_BUILD,
    })
    const token = String(created.value?.['token'])
    const configuration = await handler(
      new Request(`${GATEWAY}/merchant/api/v2/hosted-fields-sessions/${token}/configuration`, {
        headers: { origin: 'http://127.0.0.1:1', 'idempotency-key': crypto.randomUUID() },
      }),
    )
    expect(configuration.status).toBe(200)
    const body = (await configuration.json()) as { configuration?: unknown }
    expect(body.configuration).toBeDefined()
    // The sandbox journaled it: the call really went there.
    const info = await invoke('app:info', {})
    const journal = (await (
      await fetch(`${String(info.value?.['sandboxUrl'])}/__sandbox/journal?limit=20`)
    ).json()) as { entries: { route: string }[] }
    expect(journal.entries.some((entry) => entry.route === 'library')).toBe(true)

    // Other hosts are refused while the sandbox stands in; nothing of that reached the network.
    const elsewhere = await handler(new Request('https://evil.example/steal'))
    expect(elsewhere.status).toBe(403)
    expect(electron.calls('net.fetch')).toHaveLength(0)
  })

  it('leaves Payroc’s hosts to the network while another environment is selected, and unmaps on Simulated', async () => {
    const handler = https()
    if (!handler) throw new Error('no https handler')
    await invoke('environment:select', { environmentId: 'uat', profile: 'default' })
    const real = await handler(new Request(SCRIPT_URL))
    expect(real.status).toBe(299) // the stand-in's network
    expect(electron.calls('net.fetch').at(-1)?.args).toEqual([
      SCRIPT_URL,
      { bypassCustomProtocolHandlers: true },
    ])
    await invoke('environment:select', { environmentId: 'sandbox', profile: 'default' })

    const simulated = await invoke('library:setSource', { source: 'simulated' })
    expect(simulated.value?.['source']).toBe('simulated')
    expect(electron.calls('session.defaultSession.protocol.unhandle').map((c) => c.args[0])).toEqual([
      'https',
    ])
    expect(https()).toBeUndefined()
  })
})

describe('desktop shell in a Node stand-in for electron (NOT Electron): quit', () => {
  it('removes every channel handler and closes the sandbox and test page servers on will-quit', async () => {
    const info = await invoke('app:info', {})
    const urls = [String(info.value?.['sandboxUrl']), String(info.value?.['testPageOrigin'])]
    for (const url of urls) expect(await answers(url), url).toBe(true)
    electron.emitApp('will-quit')
    expect(
      electron
        .calls('ipcMain.removeHandler')
        .map((c) => c.args[0])
        .sort(),
    ).toEqual([...CHANNELS].sort())
    expect(electron.ipcHandlers.size).toBe(0)
    for (const url of urls) {
      let closed = false
      const until = Date.now() + 10_000
      while (!closed && Date.now() < until) {
        closed = !(await answers(url))
        if (!closed) await new Promise((r) => setTimeout(r, 50))
      }
      expect(closed, `${url} still answers after quit`).toBe(true)
    }
  }, 30_000)
})
