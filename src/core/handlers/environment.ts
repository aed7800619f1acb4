/** environment:* — the environments, the selection (pre-warming its token) and the user's custom ones. */
import { err, ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { unknownEnvironment } from '../services/gateway/environment-store'
import { prewarmInBackground } from '../services/gateway/token-prewarm'

export function environmentHandlers(services: CoreServices): NamespaceHandlers<'environment'> {
  const { environments, vault, gateways } = services
  return {
    'environment:list': async () =>
      ok({ environments: environments.list(), sandboxUrl: services.info.sandboxUrl }),
    'environment:select': async ({ environmentId, profile }) => {
      const selected = await environments.select(environmentId, profile)
      if (!selected.ok) return selected
      const configured = await vault.status(environmentId, profile)
      // A key held after a hosts change is not sent anywhere until the user confirms it in Credentials.
      if (!configured.configured || environments.keyHold(environmentId, profile))
        return ok({ prewarming: false })
      prewarmInBackground(services, selected.value, profile)
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
  }
}
