/**
 * Which store holds API keys right now, for the vault: the OS keychain; where it cannot be reached, Electron's
 * `safeStorage` (desktop only, labelled with its strength); or, once the person chose "Keep keys for this
 * session only", memory. The vault talks to `store`, which follows the current choice.
 *
 * The keychain is probed on first use and again while no store works (a keyring started later is picked up).
 * With no store at all, every call fails with the keychain's own error, so the vault reports it once with the
 * fix (keychain-hints.ts).
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { StorageState } from '../../../shared/contract'
import type { SecretStore } from '../../app-types'
import { chooseSecretStore, FALLBACK_FILE, type SafeStorageLike, type StoreChoice } from './fallback-store'
import { sessionKeyStore } from './session-key-store'

export interface KeyStoresOptions {
  keychain: SecretStore
  service: string
  dataDir: string
  platform: NodeJS.Platform
  /** Electron's safeStorage (the desktop app passes it; the preview and the CLIs do not). */
  safeStorage?: SafeStorageLike
}

/** What the Credentials panel shows about where keys go (the contract's shape). */
export type { StorageState }

/** What "Clear all data" removed from the stores other than the keychain. */
export interface ClearedStores {
  sessionKeys: number
  fallbackFileRemoved: boolean
  /** This app's keychain entries removed because another store was current (session only chosen while the
   * keychain worked): the vault's own clear reaches only the current store. */
  keychainEntries: number
}

export class KeyStores {
  private readonly sessionKeys = sessionKeyStore()
  private sessionOnly = false
  private current: Promise<StoreChoice> | undefined
  /** The raw keychain error of the last probe (thrown again by `store` while no store works). */
  private lastKeychainError: unknown

  constructor(private readonly options: KeyStoresOptions) {}

  /** The current choice; probes the keychain on first use and while nothing works. */
  async choice(): Promise<StoreChoice> {
    const previous = this.current ? await this.current : undefined
    if (previous && previous.kind !== 'none') return previous
    this.current = this.probe()
    return this.current
  }

  private async probe(): Promise<StoreChoice> {
    // The raw error is kept so the vault maps it (and logs it) exactly as it would the keychain's own.
    const keychain: SecretStore = {
      ...this.options.keychain,
      list: (service) =>
        this.options.keychain.list(service).catch((error: unknown) => {
          this.lastKeychainError = error
          throw error
        }),
    }
    const choice = await chooseSecretStore({
      keychain,
      service: this.options.service,
      dataDir: this.options.dataDir,
      platform: this.options.platform,
      sessionOnly: this.sessionOnly,
      sessionStore: this.sessionKeys,
      ...(this.options.safeStorage ? { safeStorage: this.options.safeStorage } : {}),
    })
    // The probe wrapper is for the probe only: the chosen keychain is the real one.
    return choice.kind === 'keychain' ? { ...choice, store: this.options.keychain } : choice
  }

  async state(): Promise<StorageState> {
    const { kind, label, offerSessionOnly, keychainProblem } = await this.choice()
    return { kind, label, offerSessionOnly, ...(keychainProblem ? { keychainProblem } : {}) }
  }

  /** "Keep keys for this session only" on (memory, gone at exit) or off (back to the keychain or fallback). */
  async setSessionOnly(enabled: boolean): Promise<StorageState> {
    this.sessionOnly = enabled
    this.current = undefined
    return this.state()
  }

  /** The store the vault uses: every call goes to the current choice. */
  readonly store: SecretStore = {
    get: async (service, account) => (await this.working()).get(service, account),
    set: async (service, account, secret) => (await this.working()).set(service, account, secret),
    delete: async (service, account) => (await this.working()).delete(service, account),
    list: async (service) => (await this.working()).list(service),
  }

  private async working(): Promise<SecretStore> {
    const { store } = await this.choice()
    if (store) return store
    throw this.lastKeychainError instanceof Error
      ? this.lastKeychainError
      : new Error(String(this.lastKeychainError ?? 'the OS keychain is unavailable'))
  }

  /**
   * "Clear all data" for the stores beside the keychain: session-only keys and the safeStorage file (whether or
   * not it is the current store — it may be left from a run without a keyring). The keychain is the vault's
   * while it is the current store; when it is not, its entries of this app are removed here.
   */
  async clear(): Promise<ClearedStores> {
    const sessionKeys = this.sessionKeys.clear()
    let keychainEntries = 0
    const choice = this.current ? await this.current : undefined
    if (this.sessionOnly || choice?.kind !== 'keychain') {
      try {
        for (const account of await this.options.keychain.list(this.options.service))
          if (await this.options.keychain.delete(this.options.service, account)) keychainEntries += 1
      } catch {
        // No keychain reachable: nothing of this app's can be in it to remove.
      }
    }
    const file = path.join(this.options.dataDir, FALLBACK_FILE)
    let fallbackFileRemoved = true
    try {
      await rm(file, { force: true })
    } catch {
      fallbackFileRemoved = false
    }
    return { sessionKeys, fallbackFileRemoved, keychainEntries }
  }

  /** Quitting: session-only keys go with the process; dropped here too, so nothing outlives close(). */
  close(): void {
    this.sessionKeys.clear()
  }
}
