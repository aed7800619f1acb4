/** journal:* — this run's exchanges with the gateway (the Inspector) and "Copy as cURL". */
import { err, ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { JOURNAL_ROTATED_HINT, notFound } from '../hint-catalogue'
import { buildCurl } from '../services/exports/curl'

export function journalHandlers(services: CoreServices): NamespaceHandlers<'journal'> {
  const { journal } = services
  return {
    'journal:get': async ({ id }) => {
      const entry = journal.get(id)
      return entry ? ok(entry) : err(notFound('journal entry', 'id', id, JOURNAL_ROTATED_HINT))
    },
    'journal:list': async ({ limit }) => ok({ entries: journal.list(limit ?? 100) }),
    'journal:curl': async ({ id, attempt }) => {
      const entry = journal.get(id)
      if (!entry) return err(notFound('journal entry', 'id', id))
      const chosen = attempt === undefined ? entry.attempts.at(-1) : entry.attempts[attempt - 1]
      if (!chosen) return err(notFound(`attempt of journal entry ${id} numbered`, 'attempt', String(attempt)))
      return ok({ command: buildCurl(chosen, services.secrets.list()) })
    },
  }
}
