/**
 * API keys per environment and credential profile, in the OS keychain (keytar service `hosted-fields-console`,
 * account `<environmentId>/<profile>`). Callers outside main only ever get `configured` and a masked form.
 * The sandbox's default profile is "managed": its well-known key needs no keychain, so the sandbox works on
 * machines where the keychain does not.
 */
import type { VaultStatus } from '../../../shared/contract'
import { DEFAULT_PROFILE } from '../../../shared/environments'
import { maskSecret } from '../../../shared/redact'
import { err, ok, type AppError, type Result } from '../../../shared/result'
import type { Logger, SecretStore } from '../../app-types'
import type { StorageState } from './key-stores'
import { keychainProblem } from './keychain-hints'
import type { KnownSecrets } from './known-secrets'

export const VAULT_SERVICE = 'hosted-fields-console'
const KEYCHAIN_TIMEOUT_MS = 15_000

export const accountFor = (environmentId: string, profile: string): string => `${environmentId}/${profile}`

export function keychainError(error: unknown): AppError {
  const raw = error instanceof Error ? error.message : String(error)
  // One message and the one fix that works (keychain-hints.ts); the raw keytar text goes to the log only.
  const problem = keychainProblem(raw)
  return { kind: 'keychain', message: problem.message, hint: problem.hint }
}

export interface VaultOptions {
  store: SecretStore
  secrets: KnownSecrets
  logger: Logger
  /** Keys that need no keychain (the embedded sandbox's). */
  managedKey: (environmentId: string, profile: string) => string | undefined
  /** Called after a key was replaced or deleted, so cached Bearer tokens are dropped at once. */
  onKeyChanged: (environmentId: string, profile: string) => void
  /** How long a keychain call may take (an unanswered unlock prompt must not hang the UI). */
  timeoutMs?: number
  /** Where keys go now (keychain, safeStorage, session only): shown with its strength label. */
  storage?: () => Promise<StorageState>
}

/** The status's `source` for a key found in the current store. */
const SOURCE_OF_KIND = {
  keychain: 'keychain',
  'safe-storage': 'safe-storage',
  'safe-storage-weak': 'safe-storage',
  session: 'session',
  none: 'keychain',
} as const

export class Vault {
  constructor(private readonly options: VaultOptions) {}

  private async keychain<T>(operation: string, run: () => Promise<T>): Promise<Result<T>> {
    let timer: NodeJS.Timeout | undefined
    const limit = this.options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`the keychain did not answer within ${limit} ms (is an unlock prompt waiting?)`)),
        limit,
      )
      timer.unref()
    })
    try {
      return ok(await Promise.race([run(), timeout]))
    } catch (error) {
      const mapped = keychainError(error)
      this.options.logger.log('warn', `keychain ${operation} failed`, {
        message: mapped.message,
        raw: error instanceof Error ? error.message : String(error),
      })
      return err(mapped)
    } finally {
      clearTimeout(timer)
    }
  }

  /** Profiles with a stored key for this environment (our service's items only). */
  async profiles(environmentId: string): Promise<Result<string[]>> {
    const accounts = await this.keychain('list', () => this.options.store.list(VAULT_SERVICE))
    if (!accounts.ok) return accounts
    const prefix = `${environmentId}/`
    return ok(
      accounts.value
        .filter((account) => account.startsWith(prefix))
        .map((account) => account.slice(prefix.length))
        .sort(),
    )
  }

  /** Never fails: a broken keychain is reported inside the status, with its fix. */
  async status(environmentId: string, profile: string): Promise<VaultStatus> {
    const managed = this.options.managedKey(environmentId, profile)
    const listed = await this.profiles(environmentId)
    const keychain = listed.ok
      ? { available: true }
      : { available: false, message: listed.error.message, hint: listed.error.hint }
    const profiles = new Set(listed.ok ? listed.value : [])
    if (this.options.managedKey(environmentId, DEFAULT_PROFILE) !== undefined) profiles.add(DEFAULT_PROFILE)
    const storage = await this.options.storage?.()
    const base = {
      environmentId,
      profile,
      keychain,
      profiles: [...profiles].sort(),
      ...(storage ? { storage } : {}),
    }
    if (managed !== undefined)
      return { ...base, configured: true, masked: maskSecret(managed), source: 'managed' }
    if (!listed.ok) return { ...base, configured: false, source: 'none' }
    const stored = await this.keychain('read', () =>
      this.options.store.get(VAULT_SERVICE, accountFor(environmentId, profile)),
    )
    if (!stored.ok)
      return {
        ...base,
        configured: false,
        source: 'none',
        keychain: { available: false, message: stored.error.message, hint: stored.error.hint },
      }
    if (stored.value === null) return { ...base, configured: false, source: 'none' }
    this.options.secrets.add(stored.value)
    const source = SOURCE_OF_KIND[storage?.kind ?? 'keychain']
    return { ...base, configured: true, masked: maskSecret(stored.value), source }
  }

  private managedRefusal(environmentId: string, profile: string): AppError | undefined {
    if (this.options.managedKey(environmentId, profile) === undefined) return undefined
    return {
      kind: 'validation',
      message: `The ${environmentId} ${profile} profile uses the sandbox's built-in key and cannot be changed.`,
      hint: 'Save the key under another profile name (e.g. "merchant-b") to use a different sandbox key.',
      fields: {
        profile: ['profile: the default sandbox profile is managed by the app; choose another profile name'],
      },
    }
  }

  async setKey(environmentId: string, profile: string, apiKey: string): Promise<Result<VaultStatus>> {
    const refusal = this.managedRefusal(environmentId, profile)
    if (refusal) return err(refusal)
    this.options.secrets.add(apiKey)
    const saved = await this.keychain('write', () =>
      this.options.store.set(VAULT_SERVICE, accountFor(environmentId, profile), apiKey),
    )
    if (!saved.ok) return saved
    this.options.onKeyChanged(environmentId, profile)
    this.options.logger.log('info', 'api key saved', { environmentId, profile })
    return ok(await this.status(environmentId, profile))
  }

  async deleteKey(environmentId: string, profile: string): Promise<Result<VaultStatus>> {
    const refusal = this.managedRefusal(environmentId, profile)
    if (refusal) return err(refusal)
    const removed = await this.keychain('delete', () =>
      this.options.store.delete(VAULT_SERVICE, accountFor(environmentId, profile)),
    )
    if (!removed.ok) return removed
    this.options.onKeyChanged(environmentId, profile)
    this.options.logger.log('info', 'api key deleted', { environmentId, profile, existed: removed.value })
    return ok(await this.status(environmentId, profile))
  }

  /** Deletes every profile of an environment (custom environment removed, or "Clear all data"). */
  async deleteEnvironment(environmentId: string): Promise<Result<number>> {
    const listed = await this.profiles(environmentId)
    if (!listed.ok) return listed
    for (const profile of listed.value) {
      const removed = await this.keychain('delete', () =>
        this.options.store.delete(VAULT_SERVICE, accountFor(environmentId, profile)),
      )
      if (!removed.ok) return removed
      this.options.onKeyChanged(environmentId, profile)
    }
    return ok(listed.value.length)
  }

  /** "Clear all data": every account under our service name (other apps' items are never listed or touched). */
  async deleteAll(): Promise<Result<number>> {
    const accounts = await this.keychain('list', () => this.options.store.list(VAULT_SERVICE))
    if (!accounts.ok) return accounts
    for (const account of accounts.value) {
      const removed = await this.keychain('delete', () => this.options.store.delete(VAULT_SERVICE, account))
      if (!removed.ok) return removed
      const [environmentId = '', profile = ''] = account.split('/')
      this.options.onKeyChanged(environmentId, profile)
    }
    return ok(accounts.value.length)
  }

  /** The key itself, for the identity call only. */
  async apiKey(environmentId: string, profile: string): Promise<Result<string>> {
    const managed = this.options.managedKey(environmentId, profile)
    if (managed !== undefined) return ok(managed)
    const stored = await this.keychain('read', () =>
      this.options.store.get(VAULT_SERVICE, accountFor(environmentId, profile)),
    )
    if (!stored.ok) return stored
    if (stored.value === null) {
      return err({
        kind: 'auth',
        message: `No API key is saved for ${environmentId} (profile "${profile}").`,
        hint: "Save the merchant's API key under Credentials (API key, Save key) for this environment and profile, then try again.",
      })
    }
    this.options.secrets.add(stored.value)
    return ok(stored.value)
  }
}
