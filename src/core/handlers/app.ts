/**
 * app:* — what the console is, and "Clear all data": every store shared/retention.ts CLEAR_ALL_DATA lists
 * (history, settings, this app's keychain entries, session-only keys, the safeStorage fallback file, cached
 * Payroc script copies, the Event log, the journal, Bearer tokens, damaged files kept aside). The user's builds
 * list is kept.
 */
import type { ClearItemId } from '../../shared/retention'
import { ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { removeCorruptCopies } from '../services/storage/file-problems'

export function appHandlers(services: CoreServices): NamespaceHandlers<'app'> {
  return {
    'app:info': async () => ok(services.info),
    'app:clearAllData': async () => {
      const cleared: ClearItemId[] = []
      await services.batches.clear()
      const historyEntries = await services.history.clear()
      cleared.push('history')
      services.preflights.clear()
      services.pageChecks.clear()
      services.journal.clear()
      cleared.push('journal')
      await services.environments.reset()
      cleared.push('settings')
      services.gateways.close()
      cleared.push('bearer-tokens')
      // Session-only keys and the safeStorage file first (counted as such), then the current store's entries.
      const stores = await services.keyStores.clear()
      cleared.push('session-only-keys')
      if (stores.fallbackFileRemoved) cleared.push('fallback-store')
      const removed = await services.vault.deleteAll()
      if (removed.ok) cleared.push('keychain-entries')
      // Payroc script copies and the Library source choice; the user's own builds list stays (it is their
      // configuration, like a file they keep next to the app, and holds nothing secret).
      await services.library.clear()
      cleared.push('cached-scripts')
      const eventLogEvents = services.liveSession.clear()
      cleared.push('event-log')
      // Last: a store cleared above may have kept a damaged copy of itself aside on the way.
      await removeCorruptCopies(services.info.dataDir)
      cleared.push('corrupt-copies')
      services.logger.log('info', 'all data cleared', { historyEntries, keychain: removed.ok, cleared })
      return ok({
        historyEntries,
        keychainEntries: (removed.ok ? removed.value : 0) + stores.keychainEntries,
        ...(removed.ok ? {} : { keychainMessage: `${removed.error.message} ${removed.error.hint}` }),
        sessionKeys: stores.sessionKeys,
        eventLogEvents,
        cleared,
      })
    },
  }
}
