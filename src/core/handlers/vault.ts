/** vault:* — the API key of an environment + profile in the OS keychain (the environment resolved by dispatch). */
import { ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'

export function vaultHandlers(services: CoreServices): NamespaceHandlers<'vault'> {
  const { vault, gateways } = services
  return {
    'vault:status': async ({ environmentId, profile }) => ok(await vault.status(environmentId, profile)),
    'vault:setKey': async ({ environmentId, profile, apiKey }, { environment }) => {
      const saved = await vault.setKey(environmentId, profile, apiKey)
      if (!saved.ok) return saved
      // Saving checks the key at identity, so a rejected key is never reported as just "saved". The check
      // fetches (and caches) the Bearer token, which is what the pre-warm did.
      const tested = await gateways.get(environment, profile).testCredentials()
      const check = tested.ok
        ? { ok: true, message: 'Identity accepted the key.' }
        : {
            ok: false,
            ...(tested.error.status !== undefined ? { status: tested.error.status } : {}),
            message: tested.error.message,
          }
      return ok({ ...saved.value, check })
    },
    'vault:deleteKey': async ({ environmentId, profile }) => vault.deleteKey(environmentId, profile),
    'vault:setSessionOnly': async ({ environmentId, profile, enabled }) => {
      await services.keyStores.setSessionOnly(enabled)
      // Keys in the store just left may have been fetched into Bearer tokens: none outlives its store.
      services.gateways.close()
      services.logger.log('info', 'session-only keys', { enabled })
      return ok(await vault.status(environmentId, profile))
    },
    'vault:test': async ({ profile }, { environment }) =>
      gateways.get(environment, profile).testCredentials(),
  }
}
