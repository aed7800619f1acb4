import type { ConsoleEvent, RequestOf } from '@shared/contract'
import type { EnvironmentInfo } from '@shared/environments'
import type { AppError, Result } from '@shared/result'
import { DEFAULT_PROFILE } from '@renderer/constants'
import type { SliceFactory } from '@renderer/app-store'

export const PREF_ENVIRONMENT = 'hosted-fields-console.environment'
export const PREF_PROFILE = 'hosted-fields-console.profile'

/** The main process's word on pre-warming a profile's Bearer token after environment:select. */
export interface PrewarmState {
  environmentId: string
  profile: string
  ok: boolean
  message?: string | undefined
}

export interface EnvironmentSlice {
  environment: {
    /** Every environment (built-in and custom), as environment:list last answered. */
    /** The custom environment open in the Custom environment form for editing, if any. */
    editing: string | null
    edit(environmentId: string | null): void
    list: EnvironmentInfo[]
    environmentId: string
    profile: string
    error: AppError | null
    prewarm: PrewarmState | null
    /** Reloads the list (after a custom environment was saved or deleted, or all data cleared). */
    refresh(): Promise<void>
    notePrewarm(event: Extract<ConsoleEvent, { type: 'prewarm' }>): void
    /** Switches environment and/or profile; the main process pre-warms that profile's Bearer token. */
    select(environmentId: string, profile?: string): Promise<void>
    saveCustom(input: RequestOf<'environment:saveCustom'>): Promise<Result<EnvironmentInfo>>
    deleteCustom(environmentId: string): Promise<Result<unknown>>
  }
}

export const createEnvironmentSlice: SliceFactory<EnvironmentSlice> =
  ({ transport, preferences }) =>
  (set, get) => {
    const patch = (partial: Partial<EnvironmentSlice['environment']>): void =>
      set((s) => ({ environment: { ...s.environment, ...partial } }))
    const remember = (key: string, value: string): void => {
      try {
        preferences?.setItem(key, value)
      } catch {
        // preferences are a convenience; a full or disabled storage changes nothing else
      }
    }
    return {
      environment: {
        list: [],
        editing: null,
        edit: (environmentId) => patch({ editing: environmentId }),
        environmentId: 'sandbox',
        profile: DEFAULT_PROFILE,
        error: null,
        prewarm: null,

        async refresh() {
          const list = await transport.call('environment:list', {})
          if (list.ok) patch({ list: list.value.environments })
          // recorded as the app's error, as before: the start-up screen is where it shows
          else set((s) => ({ app: { ...s.app, error: list.error } }))
        },

        notePrewarm: ({ environmentId, profile, ok, message }) =>
          patch({ prewarm: { environmentId, profile, ok, message } }),

        async select(environmentId, profile = get().environment.profile) {
          const environments = get().environment.list
          const previous = environments.find((e) => e.id === get().environment.environmentId)
          const next = environments.find((e) => e.id === environmentId)
          patch({ environmentId, profile, error: null })
          remember(PREF_ENVIRONMENT, environmentId)
          remember(PREF_PROFILE, profile)
          if (previous?.id !== next?.id || !get().session.form.libVersion) {
            get().session.applyEnvironmentDefaults(next, previous)
          }
          const [selected] = await Promise.all([
            transport.call('environment:select', { environmentId, profile }),
            get().vault.refresh(),
          ])
          const current = get().environment
          if (!selected.ok && current.environmentId === environmentId && current.profile === profile) {
            patch({ error: selected.error })
          }
        },

        async saveCustom(input) {
          const saved = await transport.call('environment:saveCustom', input)
          if (saved.ok) {
            await get().environment.refresh()
            await get().environment.select(saved.value.id)
          }
          return saved
        },

        async deleteCustom(environmentId) {
          const deleted = await transport.call('environment:deleteCustom', { environmentId })
          if (deleted.ok) {
            await get().environment.refresh()
            if (get().environment.environmentId === environmentId) await get().environment.select('sandbox')
          } else {
            patch({ error: deleted.error })
          }
          return deleted
        },
      },
    }
  }

/** The environment currently selected, if the list knows it. */
export const selectedEnvironment = (s: EnvironmentSlice): EnvironmentInfo | undefined =>
  s.environment.list.find((e) => e.id === s.environment.environmentId)
