/** Test helpers for the main-process unit suites. */
import type { JournalEntry } from '../../src/shared/contract'

/** A successful create-session journal entry with this id (and these attempts). */
export const journalEntry = (id: string, attempts: JournalEntry['attempts'] = []): JournalEntry => ({
  id,
  operation: 'create-session',
  environmentId: 'sandbox',
  profile: 'default',
  startedAt: new Date(0).toISOString(),
  durationMs: 1,
  outcome: 'ok',
  attempts,
})
