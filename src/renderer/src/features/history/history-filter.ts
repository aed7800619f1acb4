/**
 * Filter history in the renderer: the same search main runs (shared/history-search.ts), over the words the table
 * shows. Its own module so the search and the outcome labels load with the History screen, not the first paint.
 */
import type { HistoryEntry } from '@shared/diagnostics'
import { historyOutcomeLabel } from '@shared/attempt-verdict'
import { queryTerms, searchHistory } from '@shared/history-search'

/** An entry with the words the table shows for its outcome, ready for the search (built once per list). */
export type SearchableHistoryEntry = HistoryEntry & { entry: HistoryEntry; historyOutcome?: string }

export function searchableEntries(entries: readonly HistoryEntry[]): SearchableHistoryEntry[] {
  return entries.map((entry) =>
    entry.verdict
      ? {
          ...entry,
          entry,
          historyOutcome: `${entry.verdict.historyOutcome} ${historyOutcomeLabel(entry.verdict.historyOutcome)}`,
        }
      : { ...entry, entry },
  )
}

/** The entries the table shows for the box, filtered here as the user types (the same search main runs). */
export function visibleEntries(
  entries: readonly HistoryEntry[] | readonly SearchableHistoryEntry[],
  query: string,
  environmentLabel: (environmentId: string) => string | undefined,
): HistoryEntry[] {
  const searchable =
    entries.length > 0 && 'entry' in (entries[0] as object)
      ? (entries as readonly SearchableHistoryEntry[])
      : searchableEntries(entries as readonly HistoryEntry[])
  if (queryTerms(query).length === 0) return searchable.map((match) => match.entry)
  return searchHistory(searchable, query, { environmentLabel }).map((match) => match.entry)
}
