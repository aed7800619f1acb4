/**
 * The vault against a REAL Secret Service (run inside `bash scripts/with-keyring.sh`), a custom environment
 * pointing at a second sandbox whose key lives in that keychain, and the keychain-failure path in a child
 * process whose D-Bus address points nowhere.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import keytar from 'keytar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../../../src/core/console-app'
import { createConsole } from '../../../../src/core/console-app'
import { LOG_FILE } from '../../../../src/core/services/storage/file-log'
import { VAULT_SERVICE } from '../../../../src/core/services/credentials/vault'
import type { ConsoleEvent } from '../../../../src/shared/contract'
import { startSandbox, type Sandbox } from '../../../../src/sandbox'
import { call } from '../../../support/call'

const MERCHANT_KEY = 'merchant-key-123456'
const OTHER_KEY = 'merchant-key-abcdef-rotated'
const ENV = 'custom:merchant-b'
const run = promisify(execFile)

let app: ConsoleApp
let second: Sandbox
let dataDir: string
/** Every handler response of this file, to search for the key at the end. */
const responses: unknown[] = []
const events: ConsoleEvent[] = []
const record = async <T>(promise: Promise<T>): Promise<T> => {
  const result = await promise
  responses.push(result)
  return result
}

beforeAll(async () => {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'These tests need a Secret Service: run them with `bash scripts/with-keyring.sh npx vitest …`',
    )
  }
  second = await startSandbox({ port: 0, apiKeys: [MERCHANT_KEY] })
  dataDir = await mkdtemp(path.join(tmpdir(), 'hfc-vault-'))
  app = await createConsole({
    dataDir,
    transport: 'web',
    appVersion: '0.0.0-test',
    testPageOrigin: 'http://127.0.0.1:1',
    gateway: { retry: { baseDelayMs: 5 } },
  })
  app.subscribe((event) => events.push(event))
})
afterAll(async () => {
  await app?.close()
  await second?.close()
})

describe('vault on the real keychain + custom environment on a second sandbox', () => {
  it('saves a custom environment and stores its key in the keychain, masked everywhere', async () => {
    const saved = await record(
      call(app, 'environment:saveCustom', {
        name: 'Merchant B',
        apiBase: `${second.url}/v1`,
        identityBase: second.url,
        cdnBase: second.url,
      }),
    )
    expect(saved).toMatchObject({ ok: true, value: { id: ENV } })
    const empty = await record(call(app, 'vault:status', { environmentId: ENV, profile: 'default' }))
    expect(empty).toMatchObject({
      ok: true,
      value: { configured: false, source: 'none', keychain: { available: true } },
    })
    const set = await record(
      call(app, 'vault:setKey', { environmentId: ENV, profile: 'default', apiKey: MERCHANT_KEY }),
    )
    expect(set).toMatchObject({
      ok: true,
      value: { configured: true, source: 'keychain', masked: 'merc…3456', profiles: ['default'] },
    })
    expect(await keytar.getPassword(VAULT_SERVICE, `${ENV}/default`)).toBe(MERCHANT_KEY)
    // Saving a key checks it at identity, which also caches its Bearer token: the first create is one round trip.
    expect(set).toMatchObject({ ok: true, value: { check: { ok: true } } })
    expect(second.stats().requests.authorize).toBe(1)
  })

  it('creates a session with the keychain key', async () => {
    const result = await record(
      call(app, 'session:create', {
        environmentId: ENV,
        profile: 'default',
        processingTerminalId: '1234001',
        scenario: 'tokenization',
        libVersion: '1.7.0.261457',
      }),
    )
    expect(result).toMatchObject({ ok: true, value: { environmentId: ENV, scenario: 'tokenization' } })
    expect(second.stats().sessionsCreated).toBe(1)
    const test = await record(call(app, 'vault:test', { environmentId: ENV, profile: 'default' }))
    expect(test).toMatchObject({ ok: true, value: { tokenType: 'Bearer' } })
  })

  it('keeps several profiles per environment and lists only ours', async () => {
    await keytar.setPassword('some-other-app', 'someone', 'not-ours-123456')
    await record(call(app, 'vault:setKey', { environmentId: ENV, profile: 'second', apiKey: OTHER_KEY }))
    const status = await record(call(app, 'vault:status', { environmentId: ENV, profile: 'second' }))
    expect(status).toMatchObject({
      ok: true,
      value: { profiles: ['default', 'second'], masked: 'merc…ated' },
    })
    const wrongKey = await record(
      call(app, 'session:create', {
        environmentId: ENV,
        profile: 'second',
        processingTerminalId: '1234001',
        scenario: 'payment',
        libVersion: '1.7.0.261457',
      }),
    )
    // The second sandbox only accepts MERCHANT_KEY: the identity call says so.
    expect(wrongKey).toMatchObject({ ok: false, error: { kind: 'auth' } })
    await record(call(app, 'vault:deleteKey', { environmentId: ENV, profile: 'second' }))
    await keytar.deletePassword('some-other-app', 'someone')
  })

  it('drops the cached Bearer at once when the key is replaced or deleted', async () => {
    const create = () =>
      record(
        call(app, 'session:create', {
          environmentId: ENV,
          profile: 'default',
          processingTerminalId: '1234001',
          scenario: 'payment',
          libVersion: '1.7.0.261457',
        }),
      )
    expect((await create()).ok).toBe(true)
    await record(call(app, 'vault:setKey', { environmentId: ENV, profile: 'default', apiKey: OTHER_KEY }))
    expect(await create()).toMatchObject({ ok: false, error: { kind: 'auth' } })
    await record(call(app, 'vault:setKey', { environmentId: ENV, profile: 'default', apiKey: MERCHANT_KEY }))
    expect((await create()).ok).toBe(true)
    await record(call(app, 'vault:deleteKey', { environmentId: ENV, profile: 'default' }))
    const deleted = await create()
    expect(deleted).toMatchObject({ ok: false, error: { kind: 'auth' } })
    if (!deleted.ok) expect(deleted.error.message).toMatch(/No API key is saved/)
    await record(call(app, 'vault:setKey', { environmentId: ENV, profile: 'default', apiKey: MERCHANT_KEY }))
  })

  it('refuses to overwrite the managed sandbox key', async () => {
    const result = await record(
      call(app, 'vault:setKey', { environmentId: 'sandbox', profile: 'default', apiKey: OTHER_KEY }),
    )
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
  })

  it('never lets the key out: not in the journal, the log, or any handler response', async () => {
    const list = await call(app, 'journal:list', { limit: 1000 })
    if (!list.ok) throw new Error('journal:list failed')
    const entries = await Promise.all(
      list.value.entries.map((entry) => call(app, 'journal:get', { id: entry.id })),
    )
    expect(entries.length).toBeGreaterThan(3)
    const everything = JSON.stringify([list, entries, responses, events])
    for (const secret of [MERCHANT_KEY, OTHER_KEY]) expect(everything).not.toContain(secret)
    const log = await readFile(path.join(dataDir, LOG_FILE), 'utf8')
    expect(log.length).toBeGreaterThan(0)
    for (const secret of [MERCHANT_KEY, OTHER_KEY]) expect(log).not.toContain(secret)
    expect(log).not.toMatch(/Bearer [A-Za-z0-9]{12,}/)
  })

  it('deleting the custom environment deletes its keychain entries', async () => {
    expect(await keytar.getPassword(VAULT_SERVICE, `${ENV}/default`)).toBe(MERCHANT_KEY)
    const deleted = await record(call(app, 'environment:deleteCustom', { environmentId: ENV }))
    expect(deleted).toMatchObject({ ok: true })
    const ours = await keytar.findCredentials(VAULT_SERVICE)
    expect(ours.filter((item) => item.account.startsWith(`${ENV}/`))).toEqual([])
  })
})

describe('keychain failure', () => {
  it('is a keychain error with its fix, and the sandbox still works', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-nokeychain-'))
    const script = path.join(dir, 'probe.mts')
    const consoleModule = path.resolve(__dirname, '../../../../src/core/console-app.ts')
    await writeFile(
      script,
      `import { createConsole } from ${JSON.stringify(consoleModule)}
const app = await createConsole({ dataDir: ${JSON.stringify(dir)}, transport: 'web', appVersion: '0', testPageOrigin: 'http://127.0.0.1:1' })
const setKey = await app.dispatch('vault:setKey', { environmentId: 'uat', profile: 'default', apiKey: 'uat-key-12345678' })
const status = await app.dispatch('vault:status', { environmentId: 'sandbox', profile: 'default' })
const session = await app.dispatch('session:create', { environmentId: 'sandbox', profile: 'default', processingTerminalId: '1234001', scenario: 'payment', libVersion: '1.7.0.261457' })
process.stdout.write(JSON.stringify({ setKey, status, session: session.ok }))
await app.close()
`,
    )
    const fresh = await mkdtemp(path.join(tmpdir(), 'hfc-xdg-'))
    await mkdir(path.join(fresh, 'run'), { mode: 0o700 })
    const variants: { name: string; set: Record<string, string>; unset: string[]; ownBus: boolean }[] = [
      {
        name: 'bus address points nowhere',
        set: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
        unset: ['DISPLAY'],
        ownBus: false,
      },
      { name: 'no bus, no display', set: {}, unset: ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY'], ownBus: false },
      {
        // A bus of its own: D-Bus activates a keyring that has no unlocked login collection (and no prompter).
        name: 'keyring never unlocked',
        set: { XDG_RUNTIME_DIR: path.join(fresh, 'run'), XDG_DATA_HOME: fresh },
        unset: ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY'],
        ownBus: true,
      },
    ]
    const tsx = path.resolve(__dirname, '../../../../node_modules/.bin/tsx')
    for (const variant of variants) {
      const env: NodeJS.ProcessEnv = {
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !variant.unset.includes(name))),
        ...variant.set,
      }
      const { stdout } = variant.ownBus
        ? await run('dbus-run-session', ['--', tsx, script], { env, timeout: 25_000 })
        : await run(tsx, [script], { env, timeout: 25_000 })
      const out = JSON.parse(stdout) as {
        setKey: { ok: boolean; error?: { kind: string; hint: string; message: string } }
        status: {
          ok: boolean
          value?: { configured: boolean; source: string; keychain: { available: boolean; hint?: string } }
        }
        session: boolean
      }
      expect(out.setKey.ok, variant.name).toBe(false)
      expect(out.setKey.error?.kind).toBe('keychain')
      expect(out.setKey.error?.hint, variant.name).toMatch(/dbus-run-session|gnome-keyring/)
      expect(out.status.value, variant.name).toMatchObject({ configured: true, source: 'managed' })
      // Without a bus even listing fails; a keyring without a login collection lists (nothing) but cannot store.
      if (!variant.ownBus) {
        expect(out.status.value?.keychain.available).toBe(false)
        expect(out.status.value?.keychain.hint).toBeTruthy()
      }
      expect(out.session).toBe(true)
    }
  })
})
