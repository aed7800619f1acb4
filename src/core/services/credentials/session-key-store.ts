/**
 * "Keep keys for this session only": a SecretStore in this process's memory, gone at exit (nothing is written
 * anywhere). Offered where no Secret Service is reachable (the browser preview on a headless machine).
 * `clear()` is what "Clear all data" and quitting call; it returns how many keys it dropped.
 */

/** Same shape as src/main/app-types.ts SecretStore (a unit test keeps the two assignable both ways). */
export interface SecretStore {
  get(service: string, account: string): Promise<string | null>
  set(service: string, account: string, secret: string): Promise<void>
  delete(service: string, account: string): Promise<boolean>
  /** Accounts this app wrote under `service` (never other libraries' items). */
  list(service: string): Promise<string[]>
}

export interface SessionKeyStore extends SecretStore {
  /** Drops every key; returns how many there were. */
  clear(): number
  readonly size: number
}

export function sessionKeyStore(): SessionKeyStore {
  const services = new Map<string, Map<string, string>>()
  const accountsOf = (service: string) => services.get(service)
  return {
    async get(service, account) {
      return accountsOf(service)?.get(account) ?? null
    },
    async set(service, account, secret) {
      let accounts = accountsOf(service)
      if (!accounts) services.set(service, (accounts = new Map()))
      accounts.set(account, secret)
    },
    async delete(service, account) {
      return accountsOf(service)?.delete(account) ?? false
    },
    async list(service) {
      return [...(accountsOf(service)?.keys() ?? [])]
    },
    clear() {
      let removed = 0
      for (const accounts of services.values()) removed += accounts.size
      services.clear()
      return removed
    },
    get size() {
      let count = 0
      for (const accounts of services.values()) count += accounts.size
      return count
    },
  }
}
