/**
 * The Theme preference (Settings → Theme: System, Light, Dark). "System" follows the OS (prefers-color-scheme);
 * Light and Dark pin it. Applied as `data-theme` on the root element (styles.css reads it) and remembered in
 * the page's preferences, like the last environment.
 */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
export const THEME_LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }
export const PREF_THEME = 'hfc.theme'

export const isTheme = (value: unknown): value is Theme =>
  typeof value === 'string' && (THEMES as readonly string[]).includes(value)

/** Sets (or, for System, removes) the root element's data-theme; no-op without a DOM (unit tests). */
export function applyTheme(
  theme: Theme,
  root: { dataset: DOMStringMap } | undefined = globalThis.document?.documentElement,
): void {
  if (!root) return
  if (theme === 'system') delete root.dataset['theme']
  else root.dataset['theme'] = theme
}
