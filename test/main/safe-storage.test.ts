import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { chooseSecretStore } from '../../src/core/services/credentials/fallback-store'
import { safeStorageFallback, type ElectronSafeStorage } from '../../src/main/safe-storage'

const fakeSafe = (backend?: string): ElectronSafeStorage => ({
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from([...Buffer.from(text)].reverse()),
  decryptString: (bytes) => Buffer.from([...bytes].reverse()).toString(),
  ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
})
const brokenKeychain = {
  get: () => Promise.reject(new Error('x')),
  set: () => Promise.reject(new Error('x')),
  delete: () => Promise.reject(new Error('x')),
  list: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
}

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('safeStorage as the fallback key store', () => {
  it('on Linux without a keyring (basic_text) it is chosen and labelled weak', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hfc-safe-'))
    dirs.push(dataDir)
    const choice = await chooseSecretStore({
      keychain: brokenKeychain,
      service: 'svc',
      dataDir,
      platform: 'linux',
      safeStorage: safeStorageFallback(fakeSafe('basic_text'), 'linux'),
    })
    expect(choice.kind).toBe('safe-storage-weak')
    expect(choice.label).toMatch(/^Weak: .*basic_text/)
    expect(choice.offerSessionOnly).toBe(true)
    await choice.store?.set('svc', 'uat/default', 'merchant-key-123')
    expect(await choice.store?.get('svc', 'uat/default')).toBe('merchant-key-123')
  })
  it('with a real backend (gnome_libsecret, or macOS/Windows) it is not called weak', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hfc-safe-'))
    dirs.push(dataDir)
    for (const [backend, platform] of [
      ['gnome_libsecret', 'linux'],
      [undefined, 'darwin'],
    ] as const) {
      const choice = await chooseSecretStore({
        keychain: brokenKeychain,
        service: 'svc',
        dataDir,
        platform,
        safeStorage: safeStorageFallback(fakeSafe(backend), platform),
      })
      expect(choice).toMatchObject({ kind: 'safe-storage', label: 'Encrypted with the OS (safeStorage)' })
    }
  })
  it('the backend is only asked for on Linux (Electron has the method there only)', () => {
    expect(safeStorageFallback(fakeSafe('basic_text'), 'win32').getSelectedStorageBackend).toBeUndefined()
    expect(safeStorageFallback(fakeSafe('basic_text'), 'linux').getSelectedStorageBackend?.()).toBe(
      'basic_text',
    )
  })
})
