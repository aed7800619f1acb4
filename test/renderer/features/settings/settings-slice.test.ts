import { describe, expect, it } from 'vitest'
import { applyTheme, PREF_THEME } from '@renderer/features/settings/theme'
import { scripted } from '../../../support/renderer-transport'
import { createAppStore } from '@renderer/app-store'

const memory = () => {
  const items = new Map<string, string>()
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items,
  }
}

describe('Theme (Settings)', () => {
  it('starts at System, remembers a choice, and the next start reads it back', () => {
    const preferences = memory()
    const first = createAppStore({ transport: scripted().transport, preferences })
    expect(first.getState().settings.theme).toBe('system')
    first.getState().settings.setTheme('dark')
    expect(preferences.items.get(PREF_THEME)).toBe('dark')
    const second = createAppStore({ transport: scripted().transport, preferences })
    expect(second.getState().settings.theme).toBe('dark')
  })
  it('ignores a stored value that is not a theme', () => {
    const preferences = memory()
    preferences.setItem(PREF_THEME, 'neon')
    expect(createAppStore({ transport: scripted().transport, preferences }).getState().settings.theme).toBe(
      'system',
    )
  })
  it('Light and Dark pin data-theme on the root; System removes it', () => {
    const root = { dataset: {} as DOMStringMap }
    applyTheme('dark', root)
    expect(root.dataset['theme']).toBe('dark')
    applyTheme('light', root)
    expect(root.dataset['theme']).toBe('light')
    applyTheme('system', root)
    expect(root.dataset['theme']).toBeUndefined()
  })
})
