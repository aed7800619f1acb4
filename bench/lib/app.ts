/**
 * The app under test for rows 1, 2 and 4: a real createConsole (validation, journal, redaction, history, the
 * file log, the keychain-backed vault) with a Custom environment pointed at a sandbox in a child process.
 *
 * Why a Custom environment and not the built-in Sandbox one: createConsole always embeds its own sandbox
 * in-process, on the app's event loop. Measured against that, every call would pay for the server's work too
 * and the comparison with a raw client (talking to a server in another process) would be unfair. A Custom
 * environment (loopback http is allowed) runs exactly the same client code — GatewayRegistry → GatewayClient →
 * axios — against the child sandbox. Its API key is saved through `vault:setKey` into the real keychain (the
 * bench runs inside scripts/with-keyring.sh, as the integration tests do); outside it, an in-memory store stands
 * in. The store is read once per Bearer fetch, never per create, so the choice does not touch the hot path.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SecretStore } from '../../src/core/app-types'
import type { ConsoleApp } from '../../src/core/console-app'
import { createConsole } from '../../src/core/console-app'
import type { ConsoleEvent } from '../../src/shared/contract'

export const BENCH_ENVIRONMENT = 'custom:bench'
export const BENCH_PROFILE = 'default'
export const SANDBOX_KEY = 'sandbox-api-key'

export interface BenchApp {
  app: ConsoleApp
  keyStore: 'keychain' | 'memory'
  dataDir: string
  close(): Promise<void>
}

function memoryStore(): SecretStore {
  const items = new Map<string, string>()
  return {
    get: async (service, account) => items.get(`${service} ${account}`) ?? null,
    set: async (service, account, secret) => void items.set(`${service} ${account}`, secret),
    delete: async (service, account) => items.delete(`${service} ${account}`),
    list: async (service) =>
      [...items.keys()]
        .filter((key) => key.startsWith(`${service} `))
        .map((key) => key.slice(service.length + 1)),
  }
}

/** Waits for an event the app pushes (pre-warm done, batch finished). */
export function nextEvent<T extends ConsoleEvent>(
  app: ConsoleApp,
  match: (event: ConsoleEvent) => event is T,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`no matching event within ${timeoutMs} ms`))
    }, timeoutMs)
    const unsubscribe = app.subscribe((event) => {
      if (!match(event)) return
      clearTimeout(timer)
      unsubscribe()
      resolve(event)
    })
  })
}

/** createConsole + the Custom environment on `sandboxUrl` + its key in the vault, pre-warmed. */
export async function startBenchApp(sandboxUrl: string): Promise<BenchApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hfc-bench-'))
  const keyStore = process.env['HFC_KEYRING_SESSION'] === '1' ? 'keychain' : 'memory'
  const app = await createConsole({
    dataDir,
    transport: 'web',
    appVersion: 'bench',
    testPageOrigin: 'http://127.0.0.1:9',
    ...(keyStore === 'memory' ? { secretStore: memoryStore() } : {}),
  })
  try {
    const saved = await app.dispatch('environment:saveCustom', {
      name: 'Bench',
      apiBase: `${sandboxUrl}/v1`,
      identityBase: sandboxUrl,
      cdnBase: sandboxUrl,
    })
    if (!saved.ok) throw new Error(`custom environment: ${saved.error.message}`)
    if (saved.value.id !== BENCH_ENVIRONMENT) throw new Error(`unexpected environment id ${saved.value.id}`)
    // Saving checks the key at identity, which fetches and caches the Bearer token (what the pre-warm did).
    const key = await app.dispatch('vault:setKey', {
      environmentId: BENCH_ENVIRONMENT,
      profile: BENCH_PROFILE,
      apiKey: SANDBOX_KEY,
    })
    if (!key.ok) throw new Error(`vault:setKey: ${key.error.message} — ${key.error.hint}`)
    if (key.value.check && !key.value.check.ok)
      throw new Error(`identity refused the bench key: ${key.value.check.message}`)
  } catch (error) {
    await app.close()
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
  return {
    app,
    keyStore,
    dataDir,
    async close() {
      await app.dispatch('vault:deleteKey', { environmentId: BENCH_ENVIRONMENT, profile: BENCH_PROFILE })
      await app.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
