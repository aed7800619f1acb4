/** The journal namespace: the recorded exchanges behind each call, shown in the Inspector. */
import type { JournalCurl, JournalEntry } from '@shared/contract'
import type { AppError, Result } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'

export type JournalLoad =
  { state: 'loading' } | { state: 'ready'; entry: JournalEntry } | { state: 'failed'; error: AppError }

export interface JournalSlice {
  journal: {
    /** Journal entries by id, fetched once each (an entry never changes after its call finished). */
    entries: Record<string, JournalLoad | undefined>
    load(journalId: string): Promise<void>
    /**
     * "Copy as cURL" for an attempt (the last one when omitted): the command, secrets as $PAYROC_* placeholders,
     * and the two-step scripts (replay / fresh Idempotency-Key) where there is an identity step to add.
     */
    curl(journalId: string, attempt?: number): Promise<Result<JournalCurl>>
    reset(): void
  }
}

export const createJournalSlice: SliceFactory<JournalSlice> =
  ({ transport }) =>
  (set, get) => {
    const put = (id: string, load: JournalLoad): void =>
      set((s) => ({ journal: { ...s.journal, entries: { ...s.journal.entries, [id]: load } } }))
    return {
      journal: {
        entries: {},

        async load(journalId) {
          const known = get().journal.entries[journalId]
          if (known && known.state !== 'failed') return
          put(journalId, { state: 'loading' })
          const result = await transport.call('journal:get', { id: journalId })
          put(
            journalId,
            result.ok ? { state: 'ready', entry: result.value } : { state: 'failed', error: result.error },
          )
        },

        async curl(journalId, attempt) {
          const result = await transport.call(
            'journal:curl',
            attempt === undefined ? { id: journalId } : { id: journalId, attempt },
          )
          return result
        },

        reset: () => set((s) => ({ journal: { ...s.journal, entries: {} } })),
      },
    }
  }
