import type { View } from '@renderer/features/nav/nav-slice'

/** ⌘ on macOS, Ctrl elsewhere — for the labels; both modifiers work everywhere. */
export const isMac = (platform: string): boolean => /mac|iphone|ipad/i.test(platform)

export const SECTION_KEYS: readonly { key: string; view: View; label: string }[] = [
  { key: '1', view: 'session', label: 'Session' },
  { key: '2', view: 'history', label: 'History' },
  { key: '3', view: 'batch', label: 'Batch check' },
  { key: '4', view: 'preflight', label: 'Preflight' },
  { key: '5', view: 'merchantPage', label: 'Merchant page' },
  { key: '6', view: 'secureTokens', label: 'Secure tokens' },
  // Settings sits apart at the end of the top bar, so its key stays put when sections are added.
  { key: '9', view: 'settings', label: 'Settings' },
]

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

export type ShortcutAction = { type: 'create-session' } | { type: 'help' } | { type: 'go'; view: View } | null

/** Where the key was pressed, as far as the shortcuts care. */
export interface KeyContext {
  /** A modal dialog is open: shortcuts stay out of its way. */
  dialogOpen: boolean
  /** The focus is in a text input, textarea, select or editable element (so "?" is typing). */
  typing: boolean
  view: View
}

/**
 * The console's keyboard shortcuts, as a pure function of the key and its context:
 * Ctrl/⌘+Enter creates a session (Session screen), "?" opens the shortcut help, Alt+1…6 switch sections and
 * Alt+9 opens Settings.
 */
export function shortcutFor(event: KeyLike, context: KeyContext): ShortcutAction {
  if (context.dialogOpen) return null
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey)
    return context.view === 'session' ? { type: 'create-session' } : null
  if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !context.typing)
    return { type: 'help' }
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    const section = SECTION_KEYS.find((s) => s.key === event.key)
    if (section) return { type: 'go', view: section.view }
  }
  return null
}

/** True when a key press in this element is text entry rather than a command. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type)
  return false
}
