import type { BatchProgressEvent, BatchScenario } from '@shared/diagnostics'
import type { ResponseOf } from '@shared/contract'
import type { AppError, Result } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'
import { applyEvent, applySnapshot, type BatchProgress } from './batch-progress'

/** Mirrors BATCH_DEFAULT_CONCURRENCY / BATCH_MAX_CONCURRENCY (src/shared pulls zod in; a test checks they match). */
export const DEFAULT_CONCURRENCY = 4
export const MAX_CONCURRENCY = 16
/** How often batch:get refreshes every row while a batch runs (events carry one row each, at most 10 a second). */
export const POLL_MS = 700

export interface BatchSlice {
  batch: {
    input: string
    concurrency: number
    /** What each terminal is checked for: payment, tokenization or both (one row per scenario). */
    scenario: BatchScenario
    /** The journal entry of the row opened in the Inspector, if any. */
    inspecting: string | null
    starting: boolean
    confirming: boolean
    error: AppError | null
    /** Rows the main process flagged as invalid when the batch started. */
    invalid: number
    progress: BatchProgress | null
    setInput(input: string): void
    setConcurrency(value: number): void
    setScenario(scenario: BatchScenario): void
    inspect(journalId: string | null): void
    start(): Promise<void>
    confirm(): Promise<void>
    cancelConfirm(): void
    cancel(): Promise<void>
    handleEvent(event: BatchProgressEvent): void
    /** Pulls a full snapshot (fallback for missed events; fills the rows events did not carry). */
    refresh(): Promise<void>
    exportCsv(): Promise<Result<ResponseOf<'batch:exportCsv'>> | null>
    reset(): void
  }
}

export const clampConcurrency = (value: number): number =>
  Number.isFinite(value) ? Math.min(MAX_CONCURRENCY, Math.max(1, Math.round(value))) : DEFAULT_CONCURRENCY

export const createBatchSlice: SliceFactory<BatchSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<BatchSlice['batch']>): void =>
      set((s) => ({ batch: { ...s.batch, ...partial } }))
    let unsubscribe: (() => void) | null = null
    let poll: ReturnType<typeof setInterval> | null = null
    let inFlight: Promise<void> | null = null
    let again = false

    const stopWatching = (): void => {
      unsubscribe?.()
      unsubscribe = null
      if (poll) clearInterval(poll)
      poll = null
    }
    const watch = (): void => {
      stopWatching()
      unsubscribe = transport.onEvent((event) => {
        if (event.type === 'batch') get().batch.handleEvent(event)
      })
      poll = setInterval(() => void get().batch.refresh(), POLL_MS)
    }

    const send = async (confirmProduction: boolean): Promise<void> => {
      const { input, concurrency, scenario } = get().batch
      const { environmentId, profile } = get().environment
      patch({ starting: true, confirming: false, error: null })
      const started = await transport.call('batch:start', {
        environmentId,
        profile,
        input,
        concurrency: clampConcurrency(concurrency),
        scenario,
        ...(confirmProduction ? { confirmProduction: true } : {}),
      })
      if (!started.ok) {
        const confirming = started.error.kind === 'confirmation-required'
        return patch({ starting: false, confirming, error: confirming ? null : started.error })
      }
      const { batchId, total, invalid } = started.value
      patch({
        starting: false,
        invalid,
        inspecting: null,
        progress: { batchId, state: 'running', done: 0, total, failures: 0, rows: [] },
      })
      watch()
      await get().batch.refresh()
    }

    return {
      batch: {
        input: '',
        concurrency: DEFAULT_CONCURRENCY,
        scenario: 'payment',
        inspecting: null,
        starting: false,
        confirming: false,
        error: null,
        invalid: 0,
        progress: null,

        setInput: (input) => patch({ input }),
        setConcurrency: (value) => patch({ concurrency: value }),
        setScenario: (scenario) => patch({ scenario }),
        inspect: (journalId) => patch({ inspecting: journalId }),

        async start() {
          if (get().batch.input.trim() === '') {
            return patch({
              error: {
                kind: 'validation',
                message: 'There are no terminal IDs to check.',
                hint: 'Paste processing terminal IDs (one per line, or comma-separated) or import a .txt/.csv file.',
              },
            })
          }
          const environment = get().environment.list.find((e) => e.id === get().environment.environmentId)
          if (environment?.requiresConfirmation) return patch({ confirming: true, error: null })
          await send(false)
        },
        confirm: () => send(true),
        cancelConfirm: () => patch({ confirming: false }),

        async cancel() {
          const progress = get().batch.progress
          if (!progress || progress.state !== 'running') return
          const snapshot = await transport.call('batch:cancel', { batchId: progress.batchId })
          if (snapshot.ok) patch({ progress: applySnapshot(get().batch.progress, snapshot.value) })
          else patch({ error: snapshot.error })
          if (snapshot.ok) stopWatching()
        },

        handleEvent(event) {
          const progress = get().batch.progress
          if (!progress || event.batchId !== progress.batchId) return
          const next = applyEvent(progress, event)
          if (next !== progress) patch({ progress: next })
          // The final event: fetch every row once more so the table is complete.
          if (event.state !== 'running') void get().batch.refresh()
        },

        async refresh() {
          if (inFlight) {
            // Asked again while a request is out (e.g. the final event): one more fetch after it.
            again = true
            return inFlight
          }
          inFlight = (async () => {
            do {
              again = false
              const progress = get().batch.progress
              if (!progress) return
              const snapshot = await transport.call('batch:get', { batchId: progress.batchId })
              if (!snapshot.ok) continue
              patch({ progress: applySnapshot(get().batch.progress, snapshot.value) })
              // Only main's own word that the run is over ends the watching (an event may overtake it).
              if (snapshot.value.state !== 'running') stopWatching()
            } while (again)
          })()
          try {
            await inFlight
          } finally {
            inFlight = null
          }
        },

        async exportCsv() {
          const progress = get().batch.progress
          return progress ? transport.call('batch:exportCsv', { batchId: progress.batchId }) : null
        },

        reset() {
          stopWatching()
          patch({ progress: null, error: null, invalid: 0, confirming: false, inspecting: null })
        },
      },
    }
  }
