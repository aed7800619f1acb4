import type { JournalEntry, ResponseOf } from '@shared/contract'
import type { AppError, Result } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'

export type JournalLoad =
  { state: 'loading' } | { state: 'ready'; entry: JournalEntry } | { state: 'failed'; error: AppError }

export interface InspectorSlice {
  inspector: {
    /** Journal entries by id, fetched once each (an entry never changes after its call finished). */
    entries: Record<string, JournalLoad | undefined>
    load(journalId: string): Promise<void>
    /** "Copy as cURL" text for an attempt (the last one when omitted), secrets as $PAYROC_* placeholders. */
    curl(journalId: string, attempt?: number): Promise<Result<string>>
    /** The redacted support bundle (JSON + HAR) for an entry, or for the environment when no id is given. */
    bundle(target: {
      journalId?: string
      environmentId: string
      profile: string
    }): Promise<Result<ResponseOf<'bundle:export'>>>
    reset(): void
  }
}

export const createInspectorSlice: SliceFactory<InspectorSlice> =
  ({ transport }) =>
  (set, get) => {
    const put = (id: string, load: JournalLoad): void =>
      set((s) => ({ inspector: { ...s.inspector, entries: { ...s.inspector.entries, [id]: load } } }))
    return {
      inspector: {
        entries: {},

        async load(journalId) {
          const known = get().inspector.entries[journalId]
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

        bundle: ({ journalId, environmentId, profile }) =>
          transport.call(
            'bundle:export',
            journalId ? { journalId, environmentId, profile } : { environmentId, profile },
          ),

        reset: () => set((s) => ({ inspector: { ...s.inspector, entries: {} } })),
      },
    }
  }
