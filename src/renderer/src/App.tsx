import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { DataNotices } from '@renderer/features/app/DataNotices'
import { ScreenNav, SettingsButton } from '@renderer/features/nav/ScreenNav'
import { Screens } from '@renderer/features/nav/Screens'
import { CredentialsPanel } from '@renderer/features/vault/CredentialsPanel'
import { CustomEnvironmentForm } from '@renderer/features/environment/CustomEnvironmentForm'
import { EnvironmentPanel } from '@renderer/features/environment/EnvironmentPanel'
import { SessionInspector } from '@renderer/features/journal/SessionInspector'
import { ShortcutsHelp } from '@renderer/features/shortcuts/ShortcutsHelp'
import { Toasts } from '@renderer/features/toasts/Toasts'
import { ProductionDialog } from '@renderer/features/session/ProductionDialog'
import { SessionForm } from '@renderer/features/session/SessionForm'
import { TestPageFrame } from '@renderer/features/session/TestPageFrame'
import { TokenCard } from '@renderer/features/session/TokenCard'
import { OutcomeRegion } from '@renderer/features/session/OutcomeRegion'
import { useStore } from './store-context'

function TopBar({ production }: { production: boolean }) {
  const info = useStore((s) => s.app.info)
  return (
    <header className="topbar">
      <h1>Hosted Fields Session Console</h1>
      {production && <span className="production-badge">PRODUCTION</span>}
      <ScreenNav />
      {info && (
        <span className="app-meta">
          {info.transport === 'web' ? 'Browser preview' : 'Desktop'} · v{info.version}
        </span>
      )}
      <ShortcutsHelp />
      <SettingsButton />
    </header>
  )
}

/** The first Tab stop: straight to the session form's first field, past the top bar and the sidebar. */
function SkipLink() {
  const go = useStore((s) => s.nav.go)
  return (
    <a
      className="skip-link"
      href="#session-form"
      onClick={(event) => {
        event.preventDefault()
        go('session')
        // The Session screen may have been hidden a moment ago: focus once it is shown again.
        requestAnimationFrame(() =>
          document.querySelector<HTMLInputElement>('#session-form input, #session-form select')?.focus(),
        )
      }}
    >
      Skip to session form
    </a>
  )
}

function ProductionBanner() {
  const production = useStore(
    (s) => s.environment.list.find((e) => e.id === s.environment.environmentId)?.kind === 'production',
  )
  if (!production) return null
  return (
    <div className="production-banner" role="note">
      PRODUCTION — real merchants
    </div>
  )
}

function Startup() {
  const status = useStore((s) => s.app.status)
  const error = useStore((s) => s.app.error)
  const start = useStore((s) => s.app.start)
  if (status === 'loading') return <p className="startup">Connecting to the console…</p>
  return (
    <div className="startup">
      {error && <ErrorPanel error={error} />}
      <button type="button" onClick={() => void start()}>
        Try again
      </button>
    </div>
  )
}

export function App() {
  const status = useStore((s) => s.app.status)
  const view = useStore((s) => s.nav.view)
  const kind = useStore(
    (s) => s.environment.list.find((e) => e.id === s.environment.environmentId)?.kind ?? 'sandbox',
  )
  return (
    <div className="app" data-kind={kind}>
      <SkipLink />
      <TopBar production={kind === 'production'} />
      <ProductionBanner />
      {status === 'ready' && <DataNotices />}
      <Toasts />
      {status !== 'ready' ? (
        <Startup />
      ) : (
        <main className="layout" id="session" hidden={view !== 'session'}>
          <aside className="sidebar">
            <EnvironmentPanel />
            <CredentialsPanel />
            <CustomEnvironmentForm />
          </aside>
          <div className="content">
            <SessionForm />
            <OutcomeRegion />
            <div className="results">
              <TokenCard />
              <TestPageFrame />
            </div>
            <SessionInspector />
          </div>
        </main>
      )}
      {status === 'ready' && view !== 'session' && <Screens view={view} />}
      <ProductionDialog />
    </div>
  )
}
