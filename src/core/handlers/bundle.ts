/** bundle:* — the support bundle of an environment + profile (the environment resolved by dispatch). */
import { err, ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { notFound } from '../hint-catalogue'
import { buildBundle, bundleEntries } from '../services/exports/support-bundle'
import { withCombinedVerdicts } from '../services/storage/history-verdicts'

export function bundleHandlers(services: CoreServices): NamespaceHandlers<'bundle'> {
  return {
    'bundle:export': async ({ journalId, environmentId, profile }, { environment }) => {
      const entries = bundleEntries(services.journal.all(), environmentId, profile, journalId)
      if (journalId !== undefined && entries.length === 0)
        return err(notFound('journal entry', 'journalId', journalId))
      const journalIds = new Set(entries.map((entry) => entry.id))
      const all = services.history.list({})
      const attempts = withCombinedVerdicts(
        all.filter((e) => e.kind !== 'library' && e.journalId !== undefined && journalIds.has(e.journalId)),
        all,
      ).map(({ id, at, processingTerminalId, scenario, journalId: entryJournal, verdict, kind, flow }) => ({
        historyId: id,
        at,
        processingTerminalId,
        scenario,
        ...(entryJournal ? { journalId: entryJournal } : {}),
        ...(verdict ? { verdict } : {}),
        ...(kind && kind !== 'session' ? { kind } : {}),
        ...(flow ? { flow } : {}),
      }))
      return ok(
        buildBundle({
          info: services.info,
          environment,
          profile,
          entries,
          attempts,
          preflight: services.preflights.get(environmentId),
          pageCheck: services.pageChecks.latestReport(environmentId),
          knownSecrets: services.secrets.list(),
        }),
      )
    },
  }
}
