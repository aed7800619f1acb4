/**
 * vault:* — the API key of an environment + profile in the OS keychain (the environment resolved by dispatch).
 * A custom environment whose hosts changed holds its stored keys (environment-store's keyHold): every status says
 * so, and only Confirm (vault:confirmKey), a newly saved key or Delete key ends the hold.
 */
import type { VaultStatus } from '../../shared/contract'
import { ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { prewarmInBackground } from '../services/gateway/token-prewarm'

export function vaultHandlers(services: CoreServices): NamespaceHandlers<'vault'> {
  const { vault, gateways, environments } = services
  /** The status plus the hold, when a stored key waits for the user's confirmation. */
  const withHold = (status: VaultStatus): VaultStatus => {
    const hold = status.configured ? environments.keyHold(status.environmentId, status.profile) : undefined
    return hold ? { ...status, hostsChanged: hold } : status
  }
  return {
    'vault:status': async ({ environmentId, profile }) =>
      ok(withHold(await vault.status(environmentId, profile))),
    'vault:setKey': async ({ environmentId, profile, apiKey }, { environment }) => {
      const saved = await vault.setKey(environmentId, profile, apiKey)
      if (!saved.ok) return saved
      // A key typed in now is meant for the environment's current hosts: no hold on it.
      const released = await environments.releaseKey(environmentId, profile)
      if (!released.ok) return released
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
    'vault:deleteKey': async ({ environmentId, profile }) => {
      const deleted = await vault.deleteKey(environmentId, profile)
      return deleted.ok ? ok(withHold(deleted.value)) : deleted
    },
    'vault:setSessionOnly': async ({ environmentId, profile, enabled }) => {
      await services.keyStores.setSessionOnly(enabled)
      // Keys in the store just left may have been fetched into Bearer tokens: none outlives its store.
      services.gateways.close()
      services.logger.log('info', 'session-only keys', { enabled })
      return ok(withHold(await vault.status(environmentId, profile)))
    },
    'vault:test': async ({ profile }, { environment }) =>
      gateways.get(environment, profile).testCredentials(),
    'vault:confirmKey': async ({ environmentId, profile }, { environment }) => {
      const released = await environments.releaseKey(environmentId, profile)
      if (!released.ok) return released
      const status = await vault.status(environmentId, profile)
      if (status.configured) prewarmInBackground(services, environment, profile)
      return ok(withHold(status))
    },
  }
}
