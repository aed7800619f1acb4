/** history:* — every create and re-run this console made; a re-run creates the entry's session again. */
import { err, ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { notFound } from '../hint-catalogue'
import { exportFilename } from '../services/exports/csv'
import { createAndRecord } from '../services/gateway/session-recorder'
import { historyCsv } from '../services/storage/session-history'

export function historyHandlers(services: CoreServices): NamespaceHandlers<'history'> {
  const { history } = services
  return {
    'history:list': async (filter) => {
      const notice = history.takeNotice()
      return ok({ entries: history.list(filter), ...(notice ? { notice } : {}) })
    },
    // Dispatch resolved the entry's environment (and its Production confirmation) from the same entry.
    'history:rerun': async ({ id }, { environment }) => {
      const entry = history.get(id)
      if (!entry || !environment) return err(notFound('history entry', 'id', id))
      const { profile, processingTerminalId, scenario, libVersion, secureTokenId } = entry
      const input = { profile, processingTerminalId, scenario, libVersion }
      return createAndRecord(services, environment, secureTokenId ? { ...input, secureTokenId } : input, id)
    },
    'history:exportCsv': async (filter) =>
      // Oldest first in a file: it reads like a log.
      ok({
        filename: exportFilename('session-history', 'csv'),
        csv: historyCsv(history.list(filter).reverse()),
      }),
    'history:clear': async () => {
      await history.clear()
      return ok({})
    },
  }
}
