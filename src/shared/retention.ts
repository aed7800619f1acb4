/**
 * Bounded, documented retention, and what "Clear all data" clears. One place, so History, the Event log, the
 * README and the Clear all data handler agree (a unit test checks the handler's result names every item).
 */

/** History keeps the newest 1,000 entries (history.json + its log history.jsonl); older ones are evicted. */
export const HISTORY_RETENTION = 1000
/**
 * The Event log (the card form's and test page's events, kept in main's memory so a reload restores it) keeps the
 * newest 5,000 events: the big-data bench renders and filters 5,000 (issue "Big data stays fast").
 */
export const EVENT_LOG_RETENTION = 5000

/** The newest `limit` items of a list stored oldest first (a copy; the input is never changed). */
export function retainNewest<T>(items: readonly T[], limit: number): T[] {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}`)
  return limit === 0 ? [] : items.slice(-limit)
}

/**
 * Appends and evicts in place, oldest first; returns how many were evicted. For hot paths (an event burst) that
 * must not copy the whole list on every push.
 */
export function pushBounded<T>(items: T[], item: T, limit: number): number {
  items.push(item)
  const excess = items.length - limit
  if (excess > 0) items.splice(0, excess)
  return Math.max(0, excess)
}

export type ClearItemId =
  | 'history'
  | 'settings'
  | 'keychain-entries'
  | 'session-only-keys'
  | 'fallback-store'
  | 'cached-scripts'
  | 'event-log'
  | 'journal'
  | 'bearer-tokens'
  | 'corrupt-copies'

export interface ClearItem {
  id: ClearItemId
  /** What the confirmation dialog lists. */
  label: string
  /** Where it lives. */
  where: string
}

/** Everything "Clear all data" removes, in the order the handler clears it. */
export const CLEAR_ALL_DATA: readonly ClearItem[] = [
  { id: 'history', label: 'History', where: 'history.json and history.jsonl in the data folder' },
  { id: 'settings', label: 'Settings and custom environments', where: 'settings.json in the data folder' },
  {
    id: 'keychain-entries',
    label: "This app's keychain entries",
    where: 'OS keychain, service hosted-fields-console (never other apps’ items)',
  },
  { id: 'session-only-keys', label: 'Keys kept for this session only', where: "main's memory" },
  {
    id: 'fallback-store',
    label: 'Keys encrypted with safeStorage',
    where: 'fallback-secrets.json in the data folder',
  },
  {
    id: 'cached-scripts',
    label: 'Cached library scripts',
    where: 'payroc-library/ in the data folder (your payroc-library-builds.json stays)',
  },
  { id: 'event-log', label: 'Event log', where: "main's memory (restored on reload until cleared)" },
  { id: 'journal', label: 'Inspector journal', where: "main's memory" },
  { id: 'bearer-tokens', label: 'Cached Bearer tokens', where: "main's memory" },
  {
    id: 'corrupt-copies',
    label: 'Damaged files kept aside',
    where: '*.corrupt-<time> copies in the data folder',
  },
]

/** The items a handler's report did not cover (empty = it cleared everything declared). */
export function missingFromClear(cleared: Iterable<ClearItemId>): ClearItemId[] {
  const done = new Set(cleared)
  return CLEAR_ALL_DATA.map((item) => item.id).filter((id) => !done.has(id))
}
