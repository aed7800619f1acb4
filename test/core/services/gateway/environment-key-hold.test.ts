/**
 * The key hold of environment-store.ts: which edits hold a custom environment's stored keys (an API or identity
 * origin change; not a path, CDN or name change), per profile release, and that the hold never reaches the
 * environment list the renderer gets.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Environments, hostsChanged } from '../../../../src/core/services/gateway/environment-store'

const quiet = { log: () => undefined }
const base = {
  name: 'Merchant',
  apiBase: 'https://api.example.test/v1',
  identityBase: 'https://identity.example.test',
  cdnBase: 'https://cdn.example.test',
}
const open = async () =>
  Environments.open(await mkdtemp(path.join(tmpdir(), 'hfc-hold-')), 'http://127.0.0.1:4555', quiet)

describe('hostsChanged', () => {
  it('is true for a new API or identity origin (host, port or scheme), false for a path change', () => {
    expect(hostsChanged(base, { ...base, identityBase: 'https://evil.example.test' })).toBe(true)
    expect(hostsChanged(base, { ...base, apiBase: 'https://api.example.test:8443/v1' })).toBe(true)
    expect(hostsChanged(base, { ...base, identityBase: 'http://identity.example.test' })).toBe(true)
    expect(hostsChanged(base, { ...base, apiBase: 'https://api.example.test/v2' })).toBe(false)
    expect(hostsChanged(base, { ...base, identityBase: 'https://IDENTITY.example.test/' })).toBe(false)
  })
})

describe('Environments key hold', () => {
  it('holds every profile after an identity host change, releases them one by one', async () => {
    const envs = await open()
    const saved = await envs.saveCustom(base)
    if (!saved.ok) throw new Error(saved.error.message)
    const id = saved.value.id
    expect(envs.keyHold(id, 'default')).toBeUndefined()
    await envs.saveCustom({ ...base, id, identityBase: 'https://identity.other.test' })
    expect(envs.keyHold(id, 'default')).toEqual({ identityHost: 'identity.other.test' })
    expect(envs.keyHold(id, 'merchant-b')).toEqual({ identityHost: 'identity.other.test' })
    expect(await envs.releaseKey(id, 'default')).toEqual({ ok: true, value: undefined })
    expect(envs.keyHold(id, 'default')).toBeUndefined()
    expect(envs.keyHold(id, 'merchant-b')).toBeDefined()
    // A name or CDN change keeps the hold as it is; another host change holds the released profile again.
    await envs.saveCustom({ ...base, id, name: 'Renamed', identityBase: 'https://identity.other.test' })
    expect(envs.keyHold(id, 'default')).toBeUndefined()
    expect(envs.keyHold(id, 'merchant-b')).toBeDefined()
    await envs.saveCustom({ ...base, id, identityBase: 'https://identity.third.test' })
    expect(envs.keyHold(id, 'default')).toEqual({ identityHost: 'identity.third.test' })
    // The hold is main's: the environment list carries no trace of it.
    expect(envs.get(id)).not.toHaveProperty('keyHold')
  })

  it('a new environment, the built-in ones and a path-only edit hold nothing', async () => {
    const envs = await open()
    const saved = await envs.saveCustom(base)
    if (!saved.ok) throw new Error(saved.error.message)
    await envs.saveCustom({ ...base, id: saved.value.id, apiBase: 'https://api.example.test/v9' })
    expect(envs.keyHold(saved.value.id, 'default')).toBeUndefined()
    expect(envs.keyHold('uat', 'default')).toBeUndefined()
    expect(envs.keyHold('sandbox', 'default')).toBeUndefined()
  })
})
