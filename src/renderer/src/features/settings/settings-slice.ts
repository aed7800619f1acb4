import type { ResponseOf } from '@shared/contract'
import type { AppError } from '@shared/result'
import { DEFAULT_PROFILE } from '@renderer/constants'
import type { SliceFactory } from '@renderer/app-store'

export type Cleared = ResponseOf<'app:clearAllData'>

export interface SettingsSlice {
  settings: {
    confirmingClear: boolean
    clearing: boolean
    cleared: Cleared | null
    error: AppError | null
    askClear(): void
    cancelClear(): void
    /** Removes history, settings and this app's keychain entries, then starts the renderer afresh in the Sandbox. */
    clearAllData(): Promise<void>
  }
}

/** "Removed 12 history entries and 2 keychain entries." */
export function describeCleared(cleared: Cleared): string {
  const entries = (n: number, what: string) => `${n} ${what} ${n === 1 ? 'entry' : 'entries'}`
  return `Removed ${entries(cleared.historyEntries, 'history')}, the saved settings and ${entries(cleared.keychainEntries, 'keychain')}.`
}

export const createSettingsSlice: SliceFactory<SettingsSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<SettingsSlice['settings']>): void =>
      set((s) => ({ settings: { ...s.settings, ...partial } }))
    return {
      settings: {
        confirmingClear: false,
        clearing: false,
        cleared: null,
        error: null,

        askClear: () => patch({ confirmingClear: true, cleared: null, error: null }),
        cancelClear: () => patch({ confirmingClear: false }),

        async clearAllData() {
          patch({ confirmingClear: false, clearing: true, error: null })
          const result = await transport.call('app:clearAllData', {})
          if (!result.ok) return patch({ clearing: false, error: result.error })
          const s = get()
          s.history.reset()
          s.inspector.reset()
          s.batch.reset()
          s.preflight.reset()
          await s.app.refreshEnvironments()
          await get().env.select('sandbox', DEFAULT_PROFILE)
          patch({ clearing: false, cleared: result.value })
        },
      },
    }
  }
