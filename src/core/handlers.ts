/**
 * Every channel of the contract, implemented over the services. Transport-free: the Electron IPC binding and
 * the browser preview's bridge both call these through `dispatch`.
 */
import type { AppInfo, ConsoleEvent } from '../shared/contract'
import type { EnvironmentInfo } from '../shared/environments'
import { err, ok, type Result } from '../shared/result'
import type { Logger } from './app-types'
import { buildDiagnosticsHandlers, createAndRecord, type DiagnosticsServices } from './diagnostics-handlers'
import type { Handlers } from './dispatch'
import { unknownEnvironment, type Environments } from './services/gateway/environment-store'
import type { GatewayRegistry } from './services/gateway/gateway-registry'
import type { Journal } from './services/storage/exchange-journal'
import { buildSecureTokenHandlers } from './secure-token-handlers'
import type { Vault } from './services/credentials/vault'

export interface CoreServices {
  info: AppInfo
  environments: Environments
  vault: Vault
  gateways: GatewayRegistry
  journal: Journal
  logger: Logger
  emit: (event: ConsoleEvent) => void
}
export type HandlerServices = CoreServices & DiagnosticsServices

/** Fetches a Bearer token in the background so the next create costs one round trip; never throws. */
export async function prewarm(
  services: HandlerServices,
  environment: EnvironmentInfo,
  profile: string,
): Promise<boolean> {
  const token = await services.gateways.get(environment, profile).bearer()
  services.emit({
    type: 'prewarm',
    environmentId: environment.id,
    profile,
    ok: token.ok,
    ...(token.ok ? {} : { message: `${token.error.message} — ${token.error.hint}` }),
  })
  if (!token.ok)
    services.logger.log('info', 'pre-warm failed', {
      environment: environment.id,
      profile,
      kind: token.error.kind,
    })
  return token.ok
}

export function buildHandlers(services: HandlerServices): Handlers {
  const { environments, vault, gateways, journal } = services
  const environmentOf = (id: string): Result<EnvironmentInfo> => {
    const environment = environments.get(id)
    return environment ? ok(environment) : err(unknownEnvironment(id))
  }
  const background = (environment: EnvironmentInfo, profile: string) => {
    void prewarm(services, environment, profile).catch((error: unknown) =>
      services.logger.log('error', 'pre-warm crashed', { error: String(error) }),
    )
  }

  return {
    'app:info': async () => ok(services.info),
    'environment:list': async () =>
      ok({ environments: environments.list(), sandboxUrl: services.info.sandboxUrl }),
    'environment:select': async ({ environmentId, profile }) => {
      const selected = await environments.select(environmentId, profile)
      if (!selected.ok) return selected
      const configured = await vault.status(environmentId, profile)
      if (!configured.configured) return ok({ prewarming: false })
      background(selected.value, profile)
      return ok({ prewarming: true })
    },
    'environment:saveCustom': async (request) => {
      const saved = await environments.saveCustom(request)
      // Edited URLs mean a different gateway: drop its clients and tokens (GatewayRegistry also checks).
      if (saved.ok) gateways.dropEnvironment(saved.value.id)
      return saved
    },
    'environment:deleteCustom': async ({ environmentId }) => {
      if (!environmentId.startsWith('custom:')) return err(unknownEnvironment(environmentId))
      const deleted = await environments.deleteCustom(environmentId)
      if (!deleted.ok) return deleted
      gateways.dropEnvironment(environmentId)
      const removed = await vault.deleteEnvironment(environmentId)
      // The environment is gone either way: without a keychain there is nothing stored to clean up.
      if (!removed.ok)
        services.logger.log('warn', 'keys of a deleted environment could not be removed', {
          environmentId,
          message: removed.error.message,
        })
      return ok({})
    },
    'vault:status': async ({ environmentId, profile }) => {
      const environment = environmentOf(environmentId)
      if (!environment.ok) return environment
      return ok(await vault.status(environmentId, profile))
    },
    'vault:setKey': async ({ environmentId, profile, apiKey }) => {
      const environment = environmentOf(environmentId)
      if (!environment.ok) return environment
      const saved = await vault.setKey(environmentId, profile, apiKey)
      if (saved.ok) background(environment.value, profile)
      return saved
    },
    'vault:deleteKey': async ({ environmentId, profile }) => {
      const environment = environmentOf(environmentId)
      if (!environment.ok) return environment
      return vault.deleteKey(environmentId, profile)
    },
    'vault:test': async ({ environmentId, profile }) => {
      const environment = environmentOf(environmentId)
      if (!environment.ok) return environment
      return gateways.get(environment.value, profile).testCredentials()
    },
    'session:create': async (request) => createAndRecord(services, request),
    'journal:get': async ({ id }) => {
      const entry = journal.get(id)
      return entry
        ? ok(entry)
        : err({
            kind: 'validation',
            message: `There is no journal entry ${id}.`,
            hint: 'The journal keeps the most recent exchanges of this run only; it may have been rotated out.',
            fields: { id: [`id: no journal entry ${id}`] },
          })
    },
    'journal:list': async ({ limit }) => ok({ entries: journal.list(limit ?? 100) }),
    ...buildDiagnosticsHandlers(services),
    ...buildSecureTokenHandlers(services),
  }
}
