/**
 * SecretStore over keytar. keytar is loaded lazily and inside try/catch: a missing or broken native module
 * must become a `keychain` error on the credentials panel, not a crash at start-up.
 */
import type { SecretStore } from '../../app-types'

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<{ account: string; password: string }[]>
}

const isKeytar = (value: unknown): value is Keytar =>
  !!value && typeof value === 'object' && 'getPassword' in value && typeof value.getPassword === 'function'

let loading: Promise<Keytar> | undefined

/** `import()` of a CommonJS module yields `{ default: module.exports }` in Node, the module itself in bundlers. */
async function loadKeytar(): Promise<Keytar> {
  loading ??= import('keytar').then((mod: unknown) => {
    const candidate = mod && typeof mod === 'object' && 'default' in mod ? mod.default : mod
    if (isKeytar(candidate)) return candidate
    if (isKeytar(mod)) return mod
    throw new Error('keytar loaded but has no getPassword')
  })
  try {
    return await loading
  } catch (error) {
    loading = undefined
    throw new Error(
      `Cannot load the keytar module: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
}

export function keytarStore(): SecretStore {
  return {
    get: async (service, account) => (await loadKeytar()).getPassword(service, account),
    set: async (service, account, secret) => (await loadKeytar()).setPassword(service, account, secret),
    delete: async (service, account) => (await loadKeytar()).deletePassword(service, account),
    // findCredentials is called with OUR service only: it segfaults on items other libraries wrote without an
    // `account` attribute (TOOLCHAIN.md), and we never need theirs. The passwords it returns are dropped here.
    list: async (service) =>
      (await loadKeytar()).findCredentials(service).then((items) => items.map((item) => item.account)),
  }
}

/** In-memory store for unit tests and for running with no keychain at all. */
export function memoryStore(): SecretStore {
  const items = new Map<string, string>()
  const id = (service: string, account: string) => `${service}\u0000${account}`
  return {
    get: async (service, account) => items.get(id(service, account)) ?? null,
    set: async (service, account, secret) => {
      items.set(id(service, account), secret)
    },
    delete: async (service, account) => items.delete(id(service, account)),
    list: async (service) =>
      [...items.keys()]
        .filter((key) => key.startsWith(`${service}\u0000`))
        .map((key) => key.slice(service.length + 1)),
  }
}
