import type { AppInfo, ConsoleEvent, ResponseOf } from '@shared/contract'
import type { EnvironmentInfo } from '@shared/environments'
import type { AppError } from '@shared/result'
import { DEFAULT_PROFILE } from '@renderer/constants'
import type { SliceFactory } from '@renderer/app-store'
import { PREF_ENVIRONMENT, PREF_PROFILE } from '@renderer/features/environment/environment-slice'

export interface PrewarmState {
  environmentId: string
  profile: string
  ok: boolean
  message?: string | undefined
}

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
    environments: EnvironmentInfo[]
    error: AppError | null
    prewarm: PrewarmState | null
    /** Loads app info and environments, then selects the remembered (or default) environment. */
    start(): Promise<void>
    refreshEnvironments(): Promise<void>
    handleEvent(event: ConsoleEvent): void
    /** Clear all data (its button sits in the Settings screen's danger zone). */
    confirmingClear: boolean
    clearing: boolean
    cleared: Cleared | null
    clearError: AppError | null
    askClear(): void
    cancelClear(): void
    /** Removes history, settings and this app's keychain entries, then starts the renderer afresh in the Sandbox. */
    clearAllData(): Promise<void>
  }
}

export const createAppSlice: SliceFactory<AppSlice> =
  ({ transport, preferences }) =>
  (set, get) => {
    const patch = (partial: Partial<AppSlice['app']>): void => set((s) => ({ app: { ...s.app, ...partial } }))
    return {
      app: {
        status: 'loading',
        info: null,
        environments: [],
        error: null,
        prewarm: null,
        confirmingClear: false,
        clearing: false,
        cleared: null,
        clearError: null,

        async start() {
          patch({ status: 'loading', error: null })
          const [info, list] = await Promise.all([
            transport.call('app:info', {}),
            transport.call('environment:list', {}),
          ])
          if (!info.ok) return patch({ status: 'failed', error: info.error })
          if (!list.ok) return patch({ status: 'failed', error: list.error })
          patch({ status: 'ready', info: info.value, environments: list.value.environments })
          const remembered = preferences?.getItem(PREF_ENVIRONMENT)
          const environmentId = list.value.environments.some((e) => e.id === remembered)
            ? (remembered as string)
            : 'sandbox'
          const profile = preferences?.getItem(PREF_PROFILE) || DEFAULT_PROFILE
          await get().environment.select(environmentId, profile)
        },

        async refreshEnvironments() {
          const list = await transport.call('environment:list', {})
          if (list.ok) patch({ environments: list.value.environments })
          else patch({ error: list.error })
        },

        handleEvent(event) {
          if (event.type === 'prewarm') {
            patch({
              prewarm: {
                environmentId: event.environmentId,
                profile: event.profile,
                ok: event.ok,
                message: event.message,
              },
            })
          }
        },

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
          await s.app.refreshEnvironments()
          await get().environment.select('sandbox', DEFAULT_PROFILE)
          patch({ clearing: false, cleared: result.value })
        },
      },
    }
  }

/** The environment currently selected, if the list knows it. */
export const selectedEnvironment = (
  s: AppSlice & { environment: { environmentId: string } },
): EnvironmentInfo | undefined => s.app.environments.find((e) => e.id === s.environment.environmentId)
