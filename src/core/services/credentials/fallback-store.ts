/**
 * Where API keys live, in order: the OS keychain (keytar); where it cannot be reached, Electron's `safeStorage`
 * (the desktop app only — the convention of VS Code, Insomnia and Bruno now that keytar is archived) with its
 * ciphertext in `fallback-secrets.json` in the data folder (mode 0600); or, only when the person chose it,
 * "Keep keys for this session only" (memory). Each choice carries a label naming its strength.
 *
 * `safeStorage` is injected through `SafeStorageLike` (Electron's runtime cannot exist here, and only src/main
 * may import electron): main passes `electron.safeStorage` after the app is ready; the browser preview and the
 * CLIs pass nothing.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { keychainProblem, type KeychainProblem } from './keychain-hints'
import { sessionKeyStore, type SecretStore, type SessionKeyStore } from './session-key-store'

/** The part of Electron's safeStorage this module uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only: 'basic_text' means no keyring, a hard-coded key (weak). */
  getSelectedStorageBackend?(): string
}

export type StoreKind = 'keychain' | 'safe-storage' | 'safe-storage-weak' | 'session' | 'none'

export const STORE_LABELS: Record<StoreKind, string> = {
  keychain: 'OS keychain',
  'safe-storage': 'Encrypted with the OS (safeStorage)',
  'safe-storage-weak': 'Weak: safeStorage on Linux without a keyring (basic_text)',
  session: 'This session only (memory)',
  none: 'No key storage: the keychain is unavailable',
}

export const FALLBACK_FILE = 'fallback-secrets.json'
const FILE_VERSION = 1

export interface StoreChoice {
  kind: StoreKind
  label: string
  /** Undefined for 'none': keys cannot be saved until the person picks session-only or fixes the keychain. */
  store: SecretStore | undefined
  /** Why the keychain is not used (shown once, with the fix). */
  keychainProblem?: KeychainProblem
  /** True when "Keep keys for this session only" should be offered. */
  offerSessionOnly: boolean
}

export interface ChooseOptions {
  keychain: SecretStore
  /** The service whose accounts the probe lists (`hosted-fields-console`). */
  service: string
  dataDir: string
  platform: NodeJS.Platform
  safeStorage?: SafeStorageLike
  /** The person chose "Keep keys for this session only". */
  sessionOnly?: boolean
  /** The session-only store to use (main keeps one for the app's lifetime so Clear all data can empty it). */
  sessionStore?: SessionKeyStore
}

/** Strong unless Linux reports the basic_text backend (no keyring: a hard-coded password). */
export function safeStorageKind(safe: SafeStorageLike, platform: NodeJS.Platform): StoreKind {
  const backend = platform === 'linux' ? safe.getSelectedStorageBackend?.() : undefined
  return backend === 'basic_text' ? 'safe-storage-weak' : 'safe-storage'
}

export async function chooseSecretStore(options: ChooseOptions): Promise<StoreChoice> {
  const choice = (
    kind: StoreKind,
    store: SecretStore | undefined,
    problem?: KeychainProblem,
  ): StoreChoice => ({
    kind,
    label: STORE_LABELS[kind],
    store,
    ...(problem ? { keychainProblem: problem } : {}),
    offerSessionOnly: kind !== 'keychain' && kind !== 'session',
  })
  if (options.sessionOnly) return choice('session', options.sessionStore ?? sessionKeyStore())
  let problem: KeychainProblem
  try {
    await options.keychain.list(options.service)
    return choice('keychain', options.keychain)
  } catch (error) {
    problem = keychainProblem(error instanceof Error ? error.message : String(error))
  }
  const safe = options.safeStorage
  if (safe?.isEncryptionAvailable()) {
    const kind = safeStorageKind(safe, options.platform)
    return choice(kind, safeStorageStore(safe, path.join(options.dataDir, FALLBACK_FILE)), problem)
  }
  return choice('none', undefined, problem)
}

type Items = Record<string, Record<string, string>>

/**
 * A SecretStore whose values are safeStorage ciphertext (base64) in one JSON file, mode 0600, written
 * atomically (temp file + rename). Calls are serialised so concurrent saves never lose one another.
 */
export function safeStorageStore(
  safe: SafeStorageLike,
  file: string,
): SecretStore & { remove(): Promise<void> } {
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run)
    queue = next.catch(() => undefined)
    return next
  }
  const load = async (): Promise<Items> => {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw error
    }
    const data = JSON.parse(text) as { version?: unknown; items?: unknown }
    if (data.version !== FILE_VERSION || typeof data.items !== 'object' || data.items === null)
      throw new Error(`${path.basename(file)} is not a version ${FILE_VERSION} fallback store`)
    return data.items as Items
  }
  const save = async (items: Items): Promise<void> => {
    await mkdir(path.dirname(file), { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    await writeFile(temp, `${JSON.stringify({ version: FILE_VERSION, items })}\n`, { mode: 0o600 })
    // writeFile's mode is masked by the umask and ignored for an existing file; chmod makes it exact.
    await chmod(temp, 0o600)
    await rename(temp, file)
  }
  return {
    get: (service, account) =>
      serial(async () => {
        const encoded = (await load())[service]?.[account]
        return encoded === undefined ? null : safe.decryptString(Buffer.from(encoded, 'base64'))
      }),
    set: (service, account, secret) =>
      serial(async () => {
        const items = await load()
        ;(items[service] ??= {})[account] = safe.encryptString(secret).toString('base64')
        await save(items)
      }),
    delete: (service, account) =>
      serial(async () => {
        const items = await load()
        const accounts = items[service]
        if (!accounts || !(account in accounts)) return false
        const { [account]: _removed, ...rest } = accounts
        items[service] = rest
        await save(items)
        return true
      }),
    list: (service) => serial(async () => Object.keys((await load())[service] ?? {})),
    /** "Clear all data": the whole file goes. */
    remove: () => serial(() => rm(file, { force: true })),
  }
}
