/**
 * Editing a custom environment's API or identity host holds its stored keys: with two loopback gateways (the
 * old host and the new one), no request of any kind reaches the new host — create, Test credentials, selecting
 * the environment (pre-warm), a restart — until Confirm in Credentials (`vault:confirmKey`); then the key goes
 * there. A path-only edit, or a new key saved for the new hosts, holds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../../src/core/console-app'
import { memoryStore } from '../../../../src/core/services/credentials/keytar-store'
import { call } from '../../../support/call'
import {
  consoleOptions,
  saveCustomEnvironment,
  sessionInput,
  tempDir,
} from '../../../support/console-fixtures'
import { startHostileGateway, type HostileGateway } from '../../../support/hostile-gateway'

const KEY = 'held-api-key-0123456789'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let oldHost: HostileGateway
let newHost: HostileGateway
let dataDir: string
const secretStore = memoryStore()
let app: ConsoleApp

beforeAll(async () => {
  ;[oldHost, newHost] = await Promise.all([startHostileGateway(), startHostileGateway()])
  dataDir = await tempDir('hfc-key-hold-')
  app = await createConsole(consoleOptions(dataDir, { secretStore }))
})
afterAll(async () => {
  await app?.close()
  await Promise.all([oldHost?.close(), newHost?.close()])
})

const moveTo = (id: string, base: string, name = 'Moving gateway') =>
  call(app, 'environment:saveCustom', {
    id,
    name,
    apiBase: `${base}/v1`,
    identityBase: base,
    cdnBase: base,
  })

describe('a stored key after its environment’s hosts changed', () => {
  let id: string
  it('is held: nothing reaches the new host before Confirm', async () => {
    id = await saveCustomEnvironment(app, 'Moving gateway', oldHost.base, KEY)
    expect(oldHost.seen.some((r) => r.url.startsWith('/authorize'))).toBe(true)
    const moved = await moveTo(id, newHost.base)
    expect(moved.ok).toBe(true)

    const status = await call(app, 'vault:status', { environmentId: id, profile: 'default' })
    expect(status).toMatchObject({
      ok: true,
      value: { configured: true, hostsChanged: { identityHost: new URL(newHost.base).host } },
    })
    const created = await call(app, 'session:create', sessionInput({ environmentId: id }))
    expect(created).toMatchObject({ ok: false, error: { kind: 'auth' } })
    if (!created.ok) expect(created.error.message).toContain('held')
    const tested = await call(app, 'vault:test', { environmentId: id, profile: 'default' })
    expect(tested).toMatchObject({ ok: false, error: { kind: 'auth' } })
    const selected = await call(app, 'environment:select', { environmentId: id, profile: 'default' })
    expect(selected).toEqual({ ok: true, value: { prewarming: false } })
    await sleep(300)
    expect(newHost.seen).toEqual([])
  })

  it('stays held after a restart (the hold is in settings.json)', async () => {
    await app.close()
    app = await createConsole(consoleOptions(dataDir, { secretStore }))
    await sleep(300)
    const status = await call(app, 'vault:status', { environmentId: id, profile: 'default' })
    expect(status.ok && status.value.hostsChanged).toBeTruthy()
    expect(newHost.seen).toEqual([])
  })

  it('Confirm releases it: the key goes to the new host, and the prompt is gone', async () => {
    const confirmed = await call(app, 'vault:confirmKey', { environmentId: id, profile: 'default' })
    expect(confirmed.ok).toBe(true)
    expect(confirmed.ok && confirmed.value.hostsChanged).toBeUndefined()
    const tested = await call(app, 'vault:test', { environmentId: id, profile: 'default' })
    expect(tested.ok).toBe(true)
    const identity = newHost.seen.filter((r) => r.url.startsWith('/authorize'))
    expect(identity.length).toBeGreaterThan(0)
    expect(identity[0]?.headers['x-api-key']).toBe(KEY)
  })

  it('a path-only edit holds nothing', async () => {
    const saved = await call(app, 'environment:saveCustom', {
      id,
      name: 'Moving gateway',
      apiBase: `${newHost.base}/v2`,
      identityBase: newHost.base,
      cdnBase: newHost.base,
    })
    expect(saved.ok).toBe(true)
    const status = await call(app, 'vault:status', { environmentId: id, profile: 'default' })
    expect(status.ok && status.value.hostsChanged).toBeUndefined()
  })

  it('a key saved for the new hosts is not held; Delete key ends the prompt', async () => {
    await moveTo(id, oldHost.base)
    const held = await call(app, 'vault:status', { environmentId: id, profile: 'default' })
    expect(held.ok && held.value.hostsChanged).toBeTruthy()
    const saved = await call(app, 'vault:setKey', { environmentId: id, profile: 'default', apiKey: KEY })
    expect(saved).toMatchObject({ ok: true, value: { check: { ok: true } } })
    expect(saved.ok && saved.value.hostsChanged).toBeUndefined()

    await moveTo(id, newHost.base)
    const deleted = await call(app, 'vault:deleteKey', { environmentId: id, profile: 'default' })
    expect(deleted.ok && deleted.value.configured).toBe(false)
    expect(deleted.ok && deleted.value.hostsChanged).toBeUndefined()
  })
})
