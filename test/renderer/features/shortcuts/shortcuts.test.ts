import { describe, expect, it } from 'vitest'
import { isMac, shortcutFor, type KeyContext, type KeyLike } from '@renderer/features/shortcuts/shortcuts'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})
const at: KeyContext = { dialogOpen: false, typing: false, view: 'session' }

describe('keyboard shortcuts', () => {
  it('creates a session with Ctrl+Enter or ⌘+Enter on the Session screen, even while typing', () => {
    expect(shortcutFor(key('Enter', { ctrlKey: true }), { ...at, typing: true })).toEqual({
      type: 'create-session',
    })
    expect(shortcutFor(key('Enter', { metaKey: true }), at)).toEqual({ type: 'create-session' })
    expect(shortcutFor(key('Enter'), at)).toBeNull()
    expect(shortcutFor(key('Enter', { ctrlKey: true }), { ...at, view: 'history' })).toBeNull()
  })

  it('stays out of an open dialog', () => {
    expect(shortcutFor(key('Enter', { ctrlKey: true }), { ...at, dialogOpen: true })).toBeNull()
    expect(shortcutFor(key('?', { shiftKey: true }), { ...at, dialogOpen: true })).toBeNull()
  })

  it('opens the help with "?" unless the key is typed into a field', () => {
    expect(shortcutFor(key('?', { shiftKey: true }), at)).toEqual({ type: 'help' })
    expect(shortcutFor(key('?', { shiftKey: true }), { ...at, typing: true })).toBeNull()
  })

  it('switches sections with Alt+1…6', () => {
    expect(shortcutFor(key('2', { altKey: true }), at)).toEqual({ type: 'go', view: 'history' })
    expect(shortcutFor(key('4', { altKey: true }), { ...at, typing: true })).toEqual({
      type: 'go',
      view: 'preflight',
    })
    expect(shortcutFor(key('5', { altKey: true }), at)).toEqual({ type: 'go', view: 'merchantPage' })
    expect(shortcutFor(key('6', { altKey: true }), at)).toEqual({ type: 'go', view: 'secureTokens' })
    expect(shortcutFor(key('7', { altKey: true }), at)).toBeNull()
  })

  it('opens Settings (Theme, Clear all data) with Alt+9', () => {
    expect(shortcutFor(key('9', { altKey: true }), at)).toEqual({ type: 'go', view: 'settings' })
  })

  it('knows macOS by its platform string', () => {
    expect(isMac('MacIntel')).toBe(true)
    expect(isMac('Linux x86_64')).toBe(false)
  })
})
