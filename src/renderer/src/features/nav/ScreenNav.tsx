import type { KeyboardEvent } from 'react'
import type { View } from './nav-slice'
import { useStore } from '@renderer/store-context'

const ITEMS: { view: View; label: string }[] = [
  { view: 'session', label: 'Session' },
  { view: 'history', label: 'History' },
  { view: 'batch', label: 'Batch check' },
  { view: 'preflight', label: 'Preflight' },
  { view: 'merchantPage', label: 'Merchant page' },
  { view: 'secureTokens', label: 'Secure tokens' },
]

/** Arrow keys, Home and End move the focus between the sections (Enter or Space opens one). */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  const buttons = [...event.currentTarget.querySelectorAll('button')]
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
  if (index < 0) return
  const next =
    event.key === 'ArrowRight'
      ? (index + 1) % buttons.length
      : event.key === 'ArrowLeft'
        ? (index - 1 + buttons.length) % buttons.length
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? buttons.length - 1
            : -1
  if (next < 0) return
  event.preventDefault()
  buttons[next]?.focus()
}

/** The screens of the console; the active one carries aria-current="page". */
export function ScreenNav() {
  const view = useStore((s) => s.nav.view)
  const go = useStore((s) => s.nav.go)
  return (
    <nav aria-label="Sections" className="screen-nav" onKeyDown={moveFocus}>
      {ITEMS.map((item) => (
        <button
          key={item.view}
          type="button"
          aria-current={view === item.view ? 'page' : undefined}
          onClick={() => go(item.view)}
        >
          {item.label}
        </button>
      ))}
    </nav>
  )
}

/** The settings screen (danger zone) sits apart from the main sections, at the end of the top bar. */
export function SettingsButton() {
  const active = useStore((s) => s.nav.view === 'settings')
  const go = useStore((s) => s.nav.go)
  return (
    <button
      type="button"
      className="settings-button"
      aria-current={active ? 'page' : undefined}
      onClick={() => go(active ? 'session' : 'settings')}
    >
      Settings
    </button>
  )
}
