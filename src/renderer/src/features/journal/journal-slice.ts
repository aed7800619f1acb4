/** The journal namespace: the recorded exchanges behind each call, shown in the Inspector. */
import type { JournalEntry } from '@shared/contract'
import type { AppError, Result } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'

export type JournalLoad =
  { state: 'loading' } | { state: 'ready'; entry: JournalEntry } | { state: 'failed'; error: AppError }

export interface JournalSlice {
  journal: {
    /** Journal entries by id, fetched once each (an entry never changes after its call finished). */
    entries: Record<string, JournalLoad | undefined>
    load(journalId: string): Promise<void>
    /** "Copy as cURL" text for an attempt (the last one when omitted), secrets as $PAYROC_* placeholders. */
    curl(journalId: string, attempt?: number): Promise<Result<string>>
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
          return result.ok ? { ok: true, value: result.value.command } : result
        },

        reset: () => set((s) => ({ journal: { ...s.journal, entries: {} } })),
      },
    }
  }
