import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FALLBACK_FILE, type SafeStorageLike } from '../../../../src/core/services/credentials/fallback-store'
import { KeyStores } from '../../../../src/core/services/credentials/key-stores'
import { memoryStore } from '../../../../src/core/services/credentials/keytar-store'

const NO_BUS = 'Cannot autolaunch D-Bus without X11 $DISPLAY'
const broken = () => {
  const fail = () => Promise.reject(new Error(NO_BUS))
  return { get: fail, set: fail, delete: fail, list: fail }
}
const safe: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: (bytes) => Buffer.from(bytes.map((byte) => byte ^ 0x5a)).toString('utf8'),
  getSelectedStorageBackend: () => 'basic_text',
}
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})
const folder = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hfc-keystores-'))
  dirs.push(dir)
  return dir
}

describe('KeyStores', () => {
  it('uses the keychain when it answers', async () => {
    const keychain = memoryStore()
    const stores = new KeyStores({ keychain, service: 's', dataDir: await folder(), platform: 'linux' })
    await stores.store.set('s', 'uat/default', 'k1')
    expect(await keychain.get('s', 'uat/default')).toBe('k1')
    expect(await stores.state()).toEqual({ kind: 'keychain', label: 'OS keychain', offerSessionOnly: false })
  })

  it('with no keychain and no safeStorage: calls fail with the keychain error, session-only is offered once', async () => {
    const stores = new KeyStores({
      keychain: broken(),
      service: 's',
      dataDir: await folder(),
      platform: 'linux',
    })
    const state = await stores.state()
    expect(state).toMatchObject({ kind: 'none', offerSessionOnly: true })
    expect(state.keychainProblem?.hint).toContain('Keep keys for this session only')
    await expect(stores.store.list('s')).rejects.toThrow(NO_BUS)
  })

  it('session only chosen while the keychain works: clear() also removes the keychain entries of this app', async () => {
    const keychain = memoryStore()
    const stores = new KeyStores({ keychain, service: 's', dataDir: await folder(), platform: 'linux' })
    await stores.store.set('s', 'uat/default', 'kept-in-keychain')
    await stores.setSessionOnly(true)
    await stores.store.set('s', 'uat/default', 'session-key')
    expect(await stores.clear()).toEqual({ sessionKeys: 1, fallbackFileRemoved: true, keychainEntries: 1 })
    expect(await keychain.get('s', 'uat/default')).toBeNull()
  })

  it('session only: keys live in memory until clear/close, never on disk', async () => {
    const dataDir = await folder()
    const stores = new KeyStores({ keychain: broken(), service: 's', dataDir, platform: 'linux' })
    expect((await stores.setSessionOnly(true)).kind).toBe('session')
    await stores.store.set('s', 'uat/default', 'session-key-1')
    expect(await stores.store.get('s', 'uat/default')).toBe('session-key-1')
    expect(await stores.clear()).toEqual({ sessionKeys: 1, fallbackFileRemoved: true, keychainEntries: 0 })
    expect(await stores.store.get('s', 'uat/default')).toBeNull()
    await expect(stat(path.join(dataDir, FALLBACK_FILE))).rejects.toThrow()
  })

  it('safeStorage fallback: ciphertext in the data folder, weak on basic_text, removed by clear()', async () => {
    const dataDir = await folder()
    const stores = new KeyStores({
      keychain: broken(),
      service: 's',
      dataDir,
      platform: 'linux',
      safeStorage: safe,
    })
    expect(await stores.state()).toMatchObject({ kind: 'safe-storage-weak', offerSessionOnly: true })
    await stores.store.set('s', 'uat/default', 'fallback-key-1')
    const file = path.join(dataDir, FALLBACK_FILE)
    expect(await readFile(file, 'utf8')).not.toContain('fallback-key-1')
    expect(await stores.store.get('s', 'uat/default')).toBe('fallback-key-1')
    await stores.clear()
    await expect(stat(file)).rejects.toThrow()
  })

  it('a keyring started later is picked up while no store worked', async () => {
    let up = false
    const keychain = memoryStore()
    const flaky = {
      ...keychain,
      list: (service: string) => (up ? keychain.list(service) : Promise.reject(new Error(NO_BUS))),
    }
    const stores = new KeyStores({
      keychain: flaky,
      service: 's',
      dataDir: await folder(),
      platform: 'linux',
    })
    expect((await stores.state()).kind).toBe('none')
    up = true
    expect((await stores.state()).kind).toBe('keychain')
  })
})
