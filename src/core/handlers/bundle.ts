/** bundle:* — the support bundle of an environment + profile (the environment resolved by dispatch). */
import { err, ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { notFound } from '../hint-catalogue'
import { buildBundle, bundleEntries } from '../services/exports/support-bundle'

export function bundleHandlers(services: CoreServices): NamespaceHandlers<'bundle'> {
  return {
    'bundle:export': async ({ journalId, environmentId, profile }, { environment }) => {
      const entries = bundleEntries(services.journal.all(), environmentId, profile, journalId)
      if (journalId !== undefined && entries.length === 0)
        return err(notFound('journal entry', 'journalId', journalId))
      return ok(
        buildBundle({
          info: services.info,
          environment,
          profile,
          entries,
          preflight: services.preflights.get(environmentId),
          pageCheck: services.pageChecks.latestReport(environmentId),
          knownSecrets: services.secrets.list(),
        }),
      )
    },
  }
}
