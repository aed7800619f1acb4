/** vault:* — the API key of an environment + profile in the OS keychain (the environment resolved by dispatch). */
import { ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { prewarmInBackground } from '../services/gateway/token-prewarm'

export function vaultHandlers(services: CoreServices): NamespaceHandlers<'vault'> {
  const { vault, gateways } = services
  return {
    'vault:status': async ({ environmentId, profile }) => ok(await vault.status(environmentId, profile)),
    'vault:setKey': async ({ environmentId, profile, apiKey }, { environment }) => {
      const saved = await vault.setKey(environmentId, profile, apiKey)
      if (saved.ok) prewarmInBackground(services, environment, profile)
      return saved
    },
    'vault:deleteKey': async ({ environmentId, profile }) => vault.deleteKey(environmentId, profile),
    'vault:test': async ({ profile }, { environment }) =>
      gateways.get(environment, profile).testCredentials(),
  }
}
