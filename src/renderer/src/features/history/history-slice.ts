import type { ResponseOf } from '@shared/contract'
import type { HistoryEntry, HistoryFilter } from '@shared/diagnostics'
import type { AppError, Result } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'

/** The one search box, "Filter history" (shared/history-search.ts: terminal, token suffix, status, kind, …). */
export interface HistoryFilterForm {
  query: string
}

/** What the last re-run did, in one line, with its journal entry for the Inspector. */
export interface RerunResult {
  sourceId: string
  ok: boolean
  message: string
  journalId?: string | undefined
}

export interface HistorySlice {
  history: {
    filter: HistoryFilterForm
    entries: HistoryEntry[]
    status: 'idle' | 'loading' | 'ready' | 'failed'
    error: AppError | null
    /** The corrupt-file notice: main hands it out once; it stays here until dismissed. */
    notice: string | null
    /** History entry waiting for the production confirmation. */
    confirmingRerun: string | null
    rerunning: string | null
    lastRerun: RerunResult | null
    /** Journal entry shown in the Inspector on the History screen. */
    inspecting: string | null
    setFilter(patch: Partial<HistoryFilterForm>): void
    load(): Promise<void>
    rerun(id: string): Promise<void>
    confirmRerun(): Promise<void>
    cancelRerun(): void
    inspect(journalId: string | null): void
    exportCsv(): Promise<Result<ResponseOf<'history:exportCsv'>>>
    dismissNotice(): void
    reset(): void
  }
}

/** The filter as a history:list / history:exportCsv request: a blank box is left out. */
export function toHistoryFilter(form: HistoryFilterForm): HistoryFilter {
  const query = form.query.trim()
  return query ? { query } : {}
}

export function describeRerun(created: Result<ResponseOf<'history:rerun'>>): Omit<RerunResult, 'sourceId'> {
  if (created.ok)
    return {
      ok: true,
      message: `Re-run created a new session for terminal ${created.value.processingTerminalId} (token …${created.value.token.slice(-6)}); its card form loads on the Session screen and its outcome follows here.`,
      journalId: created.value.journalId,
    }
  const { status, message, hint, journalId } = created.error
  return {
    ok: false,
    message: `Re-run failed${status !== undefined ? ` (${status})` : ''}: ${message} ${hint}`,
    journalId,
  }
}

const EMPTY_FILTER: HistoryFilterForm = { query: '' }

export const createHistorySlice: SliceFactory<HistorySlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<HistorySlice['history']>): void =>
      set((s) => ({ history: { ...s.history, ...partial } }))
    // Answers can overtake each other while the user types: only the newest request's answer is shown.
    let sequence = 0

    const send = async (id: string, confirmProduction: boolean): Promise<void> => {
      patch({ rerunning: id, confirmingRerun: null, lastRerun: null })
      const created = await transport.call(
        'history:rerun',
        confirmProduction ? { id, confirmProduction: true } : { id },
      )
      if (!created.ok && created.error.kind === 'confirmation-required') {
        patch({ rerunning: null, confirmingRerun: id })
        return
      }
      // The new session is the current attempt: its card form loads and reports, so the verdict is combined.
      const profile = get().history.entries.find((e) => e.id === id)?.profile
      if (created.ok) get().session.adopt(created.value, profile)
      const result = { sourceId: id, ...describeRerun(created) }
      patch({ rerunning: null, lastRerun: result, inspecting: result.journalId ?? get().history.inspecting })
      await get().history.load()
    }

    return {
      history: {
        filter: EMPTY_FILTER,
        entries: [],
        status: 'idle',
        error: null,
        notice: null,
        confirmingRerun: null,
        rerunning: null,
        lastRerun: null,
        inspecting: null,

        // Filtering is instant, in the renderer, over the entries loaded (History keeps at most 1,000).
        setFilter(next) {
          patch({ filter: { ...get().history.filter, ...next } })
        },

        async load() {
          const mine = ++sequence
          patch({ status: 'loading' })
          const listed = await transport.call('history:list', {})
          if (mine !== sequence) return
          if (!listed.ok) return patch({ status: 'failed', error: listed.error })
          patch({
            status: 'ready',
            error: null,
            entries: listed.value.entries,
            ...(listed.value.notice ? { notice: listed.value.notice } : {}),
          })
        },

        async rerun(id) {
          const entry = get().history.entries.find((e) => e.id === id)
          const environment = get().environment.list.find((e) => e.id === entry?.environmentId)
          if (environment?.requiresConfirmation) return patch({ confirmingRerun: id })
          await send(id, false)
        },

        async confirmRerun() {
          const id = get().history.confirmingRerun
          if (id) await send(id, true)
        },

        cancelRerun: () => patch({ confirmingRerun: null }),
        inspect: (journalId) => patch({ inspecting: journalId }),
        exportCsv: () => transport.call('history:exportCsv', toHistoryFilter(get().history.filter)),
        dismissNotice: () => patch({ notice: null }),
        reset: () =>
          patch({
            entries: [],
            status: 'idle',
            error: null,
            lastRerun: null,
            inspecting: null,
            confirmingRerun: null,
          }),
      },
    }
  }
