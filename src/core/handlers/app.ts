/** app:* — what the console is, and "Clear all data" (history, settings, this app's keychain entries). */
import { ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'

export function appHandlers(services: CoreServices): NamespaceHandlers<'app'> {
  return {
    'app:info': async () => ok(services.info),
    'app:clearAllData': async () => {
      await services.batches.clear()
      const historyEntries = await services.history.clear()
      services.preflights.clear()
      services.pageChecks.clear()
      services.journal.clear()
      await services.library.clear()
      await services.environments.reset()
      services.gateways.close()
      const removed = await services.vault.deleteAll()
      services.logger.log('info', 'all data cleared', { historyEntries, keychain: removed.ok })
      return ok({
        historyEntries,
        keychainEntries: removed.ok ? removed.value : 0,
        ...(removed.ok ? {} : { keychainMessage: `${removed.error.message} ${removed.error.hint}` }),
      })
    },
  }
}
