/**
 * Filter history: one search box over terminal, token suffix, status, kind, environment and profile.
 * Case-insensitive; several words must all match (AND), each anywhere: "403 uat" finds UAT's 403s. A pasted
 * full session token finds its entry by the last 6 characters History keeps. Pure, for main's history:list and
 * the renderer's instant filtering alike.
 */
import type { HistoryEntry } from './contract/history'

/** The fields the search reads; later entries may also carry a kind (session, library, secure token…) and a verdict code. */
export type SearchableEntry = Pick<
  HistoryEntry,
  'processingTerminalId' | 'environmentId' | 'profile' | 'scenario' | 'outcome'
> &
  Partial<Pick<HistoryEntry, 'tokenSuffix' | 'status' | 'errorKind'>> & {
    kind?: string
    historyOutcome?: string
  }

export interface SearchOptions {
  /** The environment's label ("Sandbox", "UAT", a custom name) so words the UI shows match too. */
  environmentLabel?: (environmentId: string) => string | undefined
}

/** The words of a query, lower-cased; empty for a blank box (which matches everything). */
export const queryTerms = (query: string): string[] =>
  query
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term.length > 0)

function haystack(entry: SearchableEntry, options: SearchOptions): string[] {
  const fields = [
    entry.processingTerminalId,
    entry.tokenSuffix,
    entry.status === undefined ? undefined : String(entry.status),
    entry.errorKind,
    entry.kind,
    entry.scenario,
    entry.outcome,
    entry.historyOutcome,
    entry.environmentId,
    options.environmentLabel?.(entry.environmentId),
    entry.profile,
  ]
  return fields.filter((field): field is string => !!field).map((field) => field.toLowerCase())
}

function termMatches(term: string, fields: readonly string[], suffix: string | undefined): boolean {
  if (fields.some((field) => field.includes(term))) return true
  // A full token pasted into the box: History keeps its last 6 characters only.
  return !!suffix && suffix.length === 6 && term.length > 6 && term.endsWith(suffix.toLowerCase())
}

export function matchesQuery(
  entry: SearchableEntry,
  terms: readonly string[],
  options: SearchOptions = {},
): boolean {
  if (terms.length === 0) return true
  const fields = haystack(entry, options)
  return terms.every((term) => termMatches(term, fields, entry.tokenSuffix))
}

/** The entries matching the query, in their given order. */
export function searchHistory<T extends SearchableEntry>(
  entries: readonly T[],
  query: string,
  options: SearchOptions = {},
): T[] {
  const terms = queryTerms(query)
  if (terms.length === 0) return [...entries]
  return entries.filter((entry) => matchesQuery(entry, terms, options))
}
