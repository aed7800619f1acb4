import type { AppInfo, ConsoleEvent, ResponseOf } from '@shared/contract'
import type { AppError } from '@shared/result'
import { DEFAULT_PROFILE } from '@renderer/constants'
import type { SliceFactory } from '@renderer/app-store'
import { PREF_ENVIRONMENT, PREF_PROFILE } from '@renderer/features/environment/environment-slice'

export type Cleared = ResponseOf<'app:clearAllData'>

/** "Removed 12 history entries and 2 keychain entries." */
export function describeCleared(cleared: Cleared): string {
  const entries = (n: number, what: string) => `${n} ${what} ${n === 1 ? 'entry' : 'entries'}`
  return `Removed ${entries(cleared.historyEntries, 'history')}, the saved settings and ${entries(cleared.keychainEntries, 'keychain')}.`
}

export interface AppSlice {
  app: {
    status: 'loading' | 'ready' | 'failed'
    info: AppInfo | null
    error: AppError | null
    /** Loads app info and the environment list, then selects the remembered (or default) environment. */
    start(): Promise<void>
    /** Every pushed event, handed to the slice it concerns. */
    handleEvent(event: ConsoleEvent): void
    /** Clear all data (its button sits in the Settings screen's danger zone). */
    confirmingClear: boolean
    clearing: boolean
    cleared: Cleared | null
    clearError: AppError | null
    /** Data-folder notices from app:info (a settings file kept aside…) the user has not dismissed yet. */
    dataNotices: string[]
    dismissDataNotices(): void
    askClear(): void
    cancelClear(): void
    /** Removes history, settings and this app's keychain entries, then starts the renderer afresh in the Sandbox. */
    clearAllData(): Promise<void>
  }
}

/** Set in this tab's sessionStorage once the console started in it: a later start there is a reload. */
const TAB_STARTED = 'hfc.tabStarted'

export const createAppSlice: SliceFactory<AppSlice> =
  ({ transport, preferences, tab }) =>
  (set, get) => {
    const patch = (partial: Partial<AppSlice['app']>): void => set((s) => ({ app: { ...s.app, ...partial } }))
    return {
      app: {
        status: 'loading',
        info: null,
        error: null,
        confirmingClear: false,
        clearing: false,
        cleared: null,
        clearError: null,
        dataNotices: [],

        async start() {
          patch({ status: 'loading', error: null })
          const [info, list] = await Promise.all([
            transport.call('app:info', {}),
            transport.call('environment:list', {}),
          ])
          if (!info.ok) return patch({ status: 'failed', error: info.error })
          if (!list.ok) return patch({ status: 'failed', error: list.error })
          set((s) => ({
            app: { ...s.app, status: 'ready', info: info.value, dataNotices: info.value.dataNotices ?? [] },
            environment: { ...s.environment, list: list.value.environments },
          }))
          const remembered = preferences?.getItem(PREF_ENVIRONMENT)
          const environmentId = list.value.environments.some((e) => e.id === remembered)
            ? (remembered as string)
            : 'sandbox'
          const profile = preferences?.getItem(PREF_PROFILE) || DEFAULT_PROFILE
          await get().environment.select(environmentId, profile)
          // A reload: the live session and its Event log come back from main's memory (card form spent). A new
          // tab or window starts fresh (its sessionStorage has no mark yet).
          const reloaded = !tab || tab.getItem(TAB_STARTED) === '1'
          try {
            tab?.setItem(TAB_STARTED, '1')
          } catch {
            // Storage refused (private mode quota): this tab just never restores.
          }
          if (reloaded) await get().eventLog.restore()
        },

        handleEvent(event) {
          if (event.type === 'prewarm') get().environment.notePrewarm(event)
        },

        dismissDataNotices: () => patch({ dataNotices: [] }),
        askClear: () => patch({ confirmingClear: true, cleared: null, clearError: null }),
        cancelClear: () => patch({ confirmingClear: false }),

        async clearAllData() {
          patch({ confirmingClear: false, clearing: true, clearError: null })
          const result = await transport.call('app:clearAllData', {})
          if (!result.ok) return patch({ clearing: false, clearError: result.error })
          const s = get()
          s.history.reset()
          s.journal.reset()
          s.batch.reset()
          s.preflight.reset()
          await s.environment.refresh()
          await get().environment.select('sandbox', DEFAULT_PROFILE)
          patch({ clearing: false, cleared: result.value })
        },
      },
    }
  }
