/** The settings feature (no channel): the Theme preference, remembered in the page's preferences. */
import type { SliceFactory } from '@renderer/app-store'
import { applyTheme, isTheme, PREF_THEME, type Theme } from './theme'

export interface SettingsSlice {
  settings: {
    theme: Theme
    setTheme(theme: Theme): void
  }
}

export const createSettingsSlice: SliceFactory<SettingsSlice> =
  ({ preferences }) =>
  (set) => {
    let remembered: string | null | undefined
    try {
      remembered = preferences?.getItem(PREF_THEME)
    } catch {
      remembered = null
    }
    const theme: Theme = isTheme(remembered) ? remembered : 'system'
    applyTheme(theme)
    return {
      settings: {
        theme,
        setTheme(next) {
          applyTheme(next)
          try {
            preferences?.setItem(PREF_THEME, next)
          } catch {
            // a full or disabled storage: the theme still applies for this run
          }
          set((s) => ({ settings: { ...s.settings, theme: next } }))
        },
      },
    }
  }
