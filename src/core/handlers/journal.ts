/** journal:* — this run's exchanges with the gateway (the Inspector) and "Copy as cURL". */
import { err, ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { JOURNAL_ROTATED_HINT, notFound } from '../hint-catalogue'
import { buildCurl } from '../services/exports/curl'
import { buildCurlScripts } from '../services/exports/curl-script'

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
      const knownSecrets = services.secrets.list()
      const command = buildCurl(chosen, knownSecrets)
      const environment = services.environments.get(entry.environmentId)
      const idempotencyKey = entry.idempotencyKey
      // The identity call is itself step 1: no script around it.
      if (entry.operation === 'authorize' || !environment)
        return ok({ command, ...(idempotencyKey ? { idempotencyKey } : {}) })
      const script = buildCurlScripts({
        command,
        identityBaseUrl: environment.identityBase,
        environmentLabel: environment.name,
        method: chosen.method,
        url: chosen.url,
        ...(idempotencyKey ? { idempotencyKey } : {}),
        knownSecrets,
      })
      return ok({ command, script, ...(idempotencyKey ? { idempotencyKey } : {}) })
    },
  }
}
