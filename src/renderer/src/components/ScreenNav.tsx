import type { View } from '../features/settings/nav-slice'
import { useStore } from '../store-context'

const ITEMS: { view: View; label: string }[] = [
  { view: 'session', label: 'Session' },
  { view: 'history', label: 'History' },
  { view: 'batch', label: 'Batch check' },
  { view: 'preflight', label: 'Preflight' },
]

/** The screens of the console; the active one carries aria-current="page". */
export function ScreenNav() {
  const view = useStore((s) => s.nav.view)
  const go = useStore((s) => s.nav.go)
  return (
    <nav aria-label="Sections" className="screen-nav">
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
