/** history:* — every create and re-run this console made; a re-run creates the entry's session again. */
import type { HistoryEntry, HistoryFilter } from '../../shared/contract'
import { historyOutcomeLabel } from '../../shared/attempt-verdict'
import { searchHistory } from '../../shared/history-search'
import { err, ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { notFound } from '../hint-catalogue'
import { exportFilename } from '../services/exports/csv'
import { createAndRecord } from '../services/gateway/session-recorder'
import { libraryEntry, withCombinedVerdicts } from '../services/storage/history-verdicts'
import { historyCsvWithFlows } from '../services/exports/history-csv'

/** The outcome as the table shows it and as its code, so either finds the entry. */
export const searchableOutcome = (code: string): string => `${code} ${historyOutcomeLabel(code)}`

export function historyHandlers(services: CoreServices): NamespaceHandlers<'history'> {
  const { history } = services
  const labelOf = (id: string) => services.environments.list().find((e) => e.id === id)?.name ?? id
  /** Attempts (not card-form transitions) matching the filter, newest first, with their combined verdicts. */
  const attempts = (filter: HistoryFilter): HistoryEntry[] => {
    const all = history.list({})
    const { limit, query, ...rest } = filter
    const sessions = history.list(rest).filter((entry) => entry.kind !== 'library')
    // The verdict first: "Filter history" matches the outcome the table shows ("card form failed").
    const withVerdicts = withCombinedVerdicts(sessions, all).map((entry) => ({
      ...entry,
      ...(entry.verdict ? { historyOutcome: searchableOutcome(entry.verdict.historyOutcome) } : {}),
    }))
    return searchHistory(withVerdicts, query ?? '', { environmentLabel: labelOf })
      .slice(0, limit)
      .map(({ historyOutcome: _shown, ...entry }) => entry)
  }
  return {
    'history:list': async (filter) => {
      const notice = history.takeNotice()
      // Library entries are folded into their session's outcome (the table lists attempts, not transitions).
      const entries = attempts(filter)
      return ok({ entries, ...(notice ? { notice } : {}) })
    },
    'history:recordLibrary': async (report) => {
      const session = history.get(report.historyId)
      if (!session || session.kind === 'library')
        return err(notFound('history entry', 'id', report.historyId))
      const recorded = await history.record(libraryEntry(session, report, labelOf(session.environmentId)))
      return recorded.verdict ? ok(recorded.verdict) : err(notFound('verdict', 'id', recorded.id))
    },
    // Dispatch resolved the entry's environment (and its Production confirmation) from the same entry.
    'history:rerun': async ({ id }, { environment }) => {
      const entry = history.get(id)
      if (!entry || !environment) return err(notFound('history entry', 'id', id))
      if (entry.kind !== undefined && entry.kind !== 'session')
        return err({
          kind: 'validation',
          message: `History entry ${id} is not a session create; only sessions can be re-run.`,
          hint: 'Run a sale, refund or secure-token change again from its own screen (it needs its own inputs).',
          fields: { id: ['id: only a session entry can be re-run'] },
        })
      const { profile, processingTerminalId, scenario, libVersion, secureTokenId } = entry
      const input = { profile, processingTerminalId, scenario, libVersion }
      return createAndRecord(services, environment, secureTokenId ? { ...input, secureTokenId } : input, id)
    },
    'history:exportCsv': async (filter) =>
      // Oldest first in a file: it reads like a log.
      ok({
        filename: exportFilename('session-history', 'csv'),
        // Attempts, like the table (card-form entries are folded into their attempt's outcome).
        csv: historyCsvWithFlows(attempts(filter).reverse()),
      }),
    'history:clear': async () => {
      await history.clear()
      return ok({})
    },
  }
}
