import { describe, expect, it } from 'vitest'
import type { SecretStore } from '../../../../src/core/app-types'
import { memoryStore } from '../../../../src/core/services/credentials/keytar-store'
import { KnownSecrets } from '../../../../src/core/services/credentials/known-secrets'
import { Vault, VAULT_SERVICE } from '../../../../src/core/services/credentials/vault'

const KEY = 'uat-merchant-key-0001'

function vault(store: SecretStore = memoryStore(), timeoutMs?: number) {
  const changed: string[] = []
  const secrets = new KnownSecrets()
  const instance = new Vault({
    store,
    secrets,
    logger: { log: () => undefined },
    managedKey: (env, profile) =>
      env === 'sandbox' && profile === 'default' ? 'sandbox-api-key' : undefined,
    onKeyChanged: (env, profile) => changed.push(`${env}/${profile}`),
    timeoutMs,
  })
  return { vault: instance, changed, secrets, store }
}

const failing = (message: string): SecretStore => {
  const fail = async (): Promise<never> => {
    throw new Error(message)
  }
  return { get: fail, set: fail, delete: fail, list: fail }
}

describe('Vault', () => {
  it('stores under <environmentId>/<profile>, reports configured + masked only', async () => {
    const { vault: v, store, changed } = vault()
    const saved = await v.setKey('uat', 'merchant-a', KEY)
    expect(saved).toMatchObject({
      ok: true,
      value: { configured: true, masked: 'uat-…0001', source: 'keychain' },
    })
    expect(JSON.stringify(saved)).not.toContain(KEY)
    expect(await store.get(VAULT_SERVICE, 'uat/merchant-a')).toBe(KEY)
    expect(changed).toEqual(['uat/merchant-a'])
    expect(await v.apiKey('uat', 'merchant-a')).toEqual({ ok: true, value: KEY })
  })

  it('lists profiles per environment without confusing prefixes', async () => {
    const { vault: v } = vault()
    await v.setKey('custom:a', 'one', KEY)
    await v.setKey('custom:ab', 'two', KEY)
    await v.setKey('custom:a', 'three', KEY)
    expect(await v.profiles('custom:a')).toEqual({ ok: true, value: ['one', 'three'] })
    expect(await v.deleteEnvironment('custom:a')).toEqual({ ok: true, value: 2 })
    expect(await v.profiles('custom:a')).toEqual({ ok: true, value: [] })
    expect(await v.profiles('custom:ab')).toEqual({ ok: true, value: ['two'] })
  })

  it('delete reports the key changed and leaves "not configured"', async () => {
    const { vault: v, changed } = vault()
    await v.setKey('uat', 'default', KEY)
    const deleted = await v.deleteKey('uat', 'default')
    expect(deleted).toMatchObject({ ok: true, value: { configured: false, source: 'none' } })
    expect(changed).toEqual(['uat/default', 'uat/default'])
    expect(await v.apiKey('uat', 'default')).toMatchObject({ ok: false, error: { kind: 'auth' } })
  })

  it('the sandbox default profile is managed: no keychain needed, not overwritable', async () => {
    const { vault: v } = vault(failing('Cannot autolaunch D-Bus without X11 $DISPLAY'))
    expect(await v.apiKey('sandbox', 'default')).toEqual({ ok: true, value: 'sandbox-api-key' })
    const status = await v.status('sandbox', 'default')
    expect(status).toMatchObject({ configured: true, source: 'managed', keychain: { available: false } })
    expect(await v.setKey('sandbox', 'default', KEY)).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    })
  })

  it('turns keychain failures into a keychain error with a fix', async () => {
    const { vault: v } = vault(failing('Cannot create an item in a locked collection'))
    const saved = await v.setKey('uat', 'default', KEY)
    expect(saved).toMatchObject({ ok: false, error: { kind: 'keychain' } })
    if (!saved.ok) expect(saved.error.hint).toMatch(/Unlock/)
    expect(await v.apiKey('uat', 'default')).toMatchObject({ ok: false, error: { kind: 'keychain' } })
    expect(await v.status('uat', 'default')).toMatchObject({
      configured: false,
      keychain: { available: false },
    })
  })

  it('gives up on a keychain that never answers', async () => {
    const hanging: SecretStore = {
      get: () => new Promise(() => undefined),
      set: () => new Promise(() => undefined),
      delete: () => new Promise(() => undefined),
      list: () => new Promise(() => undefined),
    }
    const { vault: v } = vault(hanging, 20)
    const saved = await v.setKey('uat', 'default', KEY)
    expect(saved).toMatchObject({ ok: false, error: { kind: 'keychain' } })
    if (!saved.ok) expect(saved.error.hint).toMatch(/prompt/)
  })
})
