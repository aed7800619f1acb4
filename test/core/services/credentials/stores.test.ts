import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SecretStore as MainSecretStore } from '../../../../src/core/app-types'
import { memoryStore } from '../../../../src/core/services/credentials/keytar-store'
import {
  chooseSecretStore,
  FALLBACK_FILE,
  safeStorageKind,
  safeStorageStore,
  STORE_LABELS,
  type SafeStorageLike,
} from '../../../../src/core/services/credentials/fallback-store'
import { distinctProblems, keychainProblem } from '../../../../src/core/services/credentials/keychain-hints'
import {
  sessionKeyStore,
  type SecretStore,
} from '../../../../src/core/services/credentials/session-key-store'

const SERVICE = 'hosted-fields-console'

/** A stand-in for Electron's safeStorage: reversible, and never the plain text on disk. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike & { calls: number } {
  const fake = {
    calls: 0,
    isEncryptionAvailable: () => available,
    encryptString(plain: string) {
      fake.calls += 1
      return Buffer.from(`v10:${Buffer.from(plain).reverse().toString('hex')}`)
    },
    decryptString(encrypted: Buffer) {
      const text = encrypted.toString()
      if (!text.startsWith('v10:')) throw new Error('not ciphertext')
      return Buffer.from(text.slice(4), 'hex').reverse().toString()
    },
    getSelectedStorageBackend: () => backend,
  }
  return fake
}

const brokenKeychain = (message: string): SecretStore => {
  const fail = async (): Promise<never> => {
    throw new Error(message)
  }
  return { get: fail, set: fail, delete: fail, list: fail }
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hfc-fallback-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('sessionKeyStore: keys for this session only', () => {
  it('stores, lists per service, deletes and clears; nothing outlives the object', async () => {
    const store = sessionKeyStore()
    await store.set(SERVICE, 'sandbox/default', 'key-one-12345')
    await store.set(SERVICE, 'uat/acme', 'key-two-12345')
    await store.set('other-app', 'x', 'other-secret')
    expect(await store.get(SERVICE, 'uat/acme')).toBe('key-two-12345')
    expect((await store.list(SERVICE)).sort()).toEqual(['sandbox/default', 'uat/acme'])
    expect(await store.list('nobody')).toEqual([])
    expect(await store.delete(SERVICE, 'uat/acme')).toBe(true)
    expect(await store.delete(SERVICE, 'uat/acme')).toBe(false)
    expect(store.size).toBe(2)
    expect(store.clear()).toBe(2)
    expect(store.size).toBe(0)
    expect(await store.get(SERVICE, 'sandbox/default')).toBeNull()
    expect(await sessionKeyStore().get(SERVICE, 'sandbox/default')).toBeNull()
  })
  it('has the same interface as main’s SecretStore, both ways', () => {
    const asMain: MainSecretStore = sessionKeyStore()
    const asCore: SecretStore = memoryStore()
    expect(typeof asMain.list).toBe('function')
    expect(typeof asCore.list).toBe('function')
  })
})

describe('chooseSecretStore: keychain, then safeStorage, then (by choice) memory', () => {
  const base = () => ({ service: SERVICE, dataDir: dir, platform: 'linux' as const })

  it('a working keychain is used and labelled "OS keychain"', async () => {
    const keychain = memoryStore()
    const choice = await chooseSecretStore({ ...base(), keychain, safeStorage: fakeSafeStorage() })
    expect(choice).toMatchObject({ kind: 'keychain', label: 'OS keychain', offerSessionOnly: false })
    expect(choice.store).toBe(keychain)
    expect(choice.keychainProblem).toBeUndefined()
  })

  it('no keychain + safeStorage with a keyring backend → encrypted file store, strong label', async () => {
    const choice = await chooseSecretStore({
      ...base(),
      keychain: brokenKeychain('The name org.freedesktop.secrets was not provided by any .service files'),
      safeStorage: fakeSafeStorage('kwallet5'),
    })
    expect(choice.kind).toBe('safe-storage')
    expect(choice.label).toBe('Encrypted with the OS (safeStorage)')
    expect(choice.keychainProblem?.message).toContain('no keyring (Secret Service)')
    expect(choice.offerSessionOnly).toBe(true)
  })

  it('Linux basic_text is chosen but labelled weak; other platforms ignore the backend', async () => {
    const choice = await chooseSecretStore({
      ...base(),
      keychain: brokenKeychain('Cannot autolaunch D-Bus without X11 $DISPLAY'),
      safeStorage: fakeSafeStorage('basic_text'),
    })
    expect(choice.kind).toBe('safe-storage-weak')
    expect(choice.label).toBe('Weak: safeStorage on Linux without a keyring (basic_text)')
    expect(safeStorageKind(fakeSafeStorage('basic_text'), 'darwin')).toBe('safe-storage')
    expect(safeStorageKind(fakeSafeStorage('gnome_libsecret'), 'linux')).toBe('safe-storage')
  })

  it('no keychain and no safeStorage (browser preview) → nothing stored, session-only offered', async () => {
    for (const safeStorage of [undefined, fakeSafeStorage('basic_text', false)]) {
      const choice = await chooseSecretStore({
        ...base(),
        keychain: brokenKeychain('Could not connect: No such file or directory'),
        ...(safeStorage ? { safeStorage } : {}),
      })
      expect(choice).toMatchObject({ kind: 'none', store: undefined, offerSessionOnly: true })
      expect(choice.keychainProblem?.hint).toContain('Keep keys for this session only')
    }
  })

  it('session-only, once chosen, wins over everything and is the store main keeps', async () => {
    const sessionStore = sessionKeyStore()
    const choice = await chooseSecretStore({
      ...base(),
      keychain: memoryStore(),
      sessionOnly: true,
      sessionStore,
    })
    expect(choice).toMatchObject({
      kind: 'session',
      label: 'This session only (memory)',
      offerSessionOnly: false,
    })
    expect(choice.store).toBe(sessionStore)
    expect(STORE_LABELS.none).toContain('unavailable')
  })
})

describe('safeStorageStore: ciphertext in the data folder, 0600', () => {
  it('round-trips keys, keeps only ciphertext on disk, mode 0600, survives a new instance', async () => {
    const safe = fakeSafeStorage()
    const file = path.join(dir, 'nested', FALLBACK_FILE)
    const store = safeStorageStore(safe, file)
    await Promise.all([
      store.set(SERVICE, 'uat/default', 'uat-secret-key-1'),
      store.set(SERVICE, 'production/acme', 'prod-secret-key-2'),
    ])
    const text = await readFile(file, 'utf8')
    expect(text).not.toContain('uat-secret-key-1')
    expect(text).not.toContain('prod-secret-key-2')
    expect(JSON.parse(text)).toMatchObject({ version: 1 })
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const again = safeStorageStore(safe, file)
    expect(await again.get(SERVICE, 'uat/default')).toBe('uat-secret-key-1')
    expect((await again.list(SERVICE)).sort()).toEqual(['production/acme', 'uat/default'])
    expect(await again.delete(SERVICE, 'uat/default')).toBe(true)
    expect(await again.delete(SERVICE, 'uat/default')).toBe(false)
    expect(await store.get(SERVICE, 'uat/default')).toBeNull()
    await again.remove()
    await expect(stat(file)).rejects.toThrow()
    expect(await again.list(SERVICE)).toEqual([])
  })

  it('an existing file made with a loose mode is tightened to 0600 on the next write', async () => {
    const file = path.join(dir, FALLBACK_FILE)
    await writeFile(file, JSON.stringify({ version: 1, items: {} }), { mode: 0o644 })
    await safeStorageStore(fakeSafeStorage(), file).set(SERVICE, 'a/b', 'some-secret-1')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })

  it('a stale temp file left by a crash (loose mode) never makes the store readable by others', async () => {
    const file = path.join(dir, FALLBACK_FILE)
    await writeFile(`${file}.${process.pid}.tmp`, 'stale', { mode: 0o644 })
    await safeStorageStore(fakeSafeStorage(), file).set(SERVICE, 'a/b', 'some-secret-1')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })

  it('a file of another shape is refused, not overwritten', async () => {
    const file = path.join(dir, FALLBACK_FILE)
    await writeFile(file, JSON.stringify({ hello: 'world' }))
    const store = safeStorageStore(fakeSafeStorage(), file)
    await expect(store.set(SERVICE, 'a/b', 'some-secret-1')).rejects.toThrow(/not a version 1 fallback store/)
    expect(await readFile(file, 'utf8')).toContain('hello')
  })
})

describe('keychainProblem: one hint that names the fix that works', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', /No D-Bus session bus/, /gnome-keyring-daemon --unlock/],
    ['Could not connect: No such file or directory', /No D-Bus session bus/, /with-keyring\.sh/],
    ['The given address is empty', /No D-Bus session bus/, /gnome-keyring-daemon --unlock/],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      /no keyring/,
      /--components=secrets/,
    ],
    [
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      /login/,
      /--start. does not create/,
    ],
    ['Cannot create an item in a locked collection', /locked/, /Unlock the login keyring/],
    [
      'the keychain did not answer within 15000 ms (is an unlock prompt waiting?)',
      /did not answer/,
      /prompt/,
    ],
    ['Cannot load the keytar module: Cannot find module keytar', /keytar/, /npm ci/],
  ])('%s', (raw, message, hint) => {
    const problem = keychainProblem(raw)
    expect(problem.message).toMatch(message)
    expect(problem.hint).toMatch(hint)
    // The raw text is not repeated in what the person sees (one message per failure).
    expect(`${problem.message} ${problem.hint}`).not.toContain(raw)
  })
  it('a bus without a keyring is never told to "just run dbus-run-session" (that leads to a second error)', () => {
    expect(keychainProblem('Could not connect: x').hint).toContain('gnome-keyring-daemon')
    expect(keychainProblem('org.freedesktop.secrets').hint).not.toMatch(
      /^Run .*dbus-run-session -- <command>/,
    )
  })
  it('unknown failures still get a fix, and repeats collapse to one message', () => {
    expect(keychainProblem('weird').hint).toContain('session only')
    const one = keychainProblem('Could not connect: a')
    expect(
      distinctProblems([
        one,
        keychainProblem('Could not connect: b'),
        one,
        keychainProblem('locked collection'),
      ]),
    ).toHaveLength(2)
  })
})
