import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { useStore } from '@renderer/store-context'
import { describeCleared } from '@renderer/features/app/app-slice'
import { CLEAR_ALL_DATA } from '@shared/retention'
import { isTheme, THEME_LABEL, THEMES } from './theme'
import './settings.css'

function ThemeSelect() {
  const theme = useStore((s) => s.settings.theme)
  const setTheme = useStore((s) => s.settings.setTheme)
  return (
    <div className="field theme-field">
      <label htmlFor="settings-theme">Theme</label>
      <select
        id="settings-theme"
        value={theme}
        onChange={(e) => isTheme(e.target.value) && setTheme(e.target.value)}
        aria-describedby="settings-theme-help"
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {THEME_LABEL[value]}
          </option>
        ))}
      </select>
      <p id="settings-theme-help" className="help">
        System follows your operating system’s light or dark setting. Remembered on this computer.
      </p>
    </div>
  )
}

export function SettingsScreen() {
  const dataDir = useStore((s) => s.app.info?.dataDir)
  const confirming = useStore((s) => s.app.confirmingClear)
  const clearing = useStore((s) => s.app.clearing)
  const cleared = useStore((s) => s.app.cleared)
  const error = useStore((s) => s.app.clearError)
  const askClear = useStore((s) => s.app.askClear)
  const cancelClear = useStore((s) => s.app.cancelClear)
  const clearAllData = useStore((s) => s.app.clearAllData)

  return (
    <main className="screen" aria-labelledby="settings-title">
      <section className="card">
        <h2 id="settings-title">Settings</h2>
        {dataDir && (
          <p>
            Data folder: <code>{dataDir}</code>
          </p>
        )}
        <ThemeSelect />
      </section>
      <section className="card danger-zone" aria-labelledby="danger-title">
        <h2 id="danger-title">Danger zone</h2>
        <p>
          Removes everything this app keeps: the session history, saved settings (custom environments, the
          remembered environment), every API key it stored (keychain, safeStorage file or this session's
          memory), cached Payroc script copies, the Event log and the Inspector journal. Other applications'
          keychain items are never touched.
        </p>
        <button type="button" className="danger" onClick={askClear} disabled={clearing} aria-busy={clearing}>
          Clear all data
        </button>
        <div role="status" className="cleared">
          {cleared && (
            <>
              <p className="ok-text">{describeCleared(cleared)}</p>
              {cleared.keychainMessage && <p className="notice warning">{cleared.keychainMessage}</p>}
            </>
          )}
        </div>
        {error && <ErrorPanel error={error} />}
      </section>
      <ConfirmDialog
        open={confirming}
        title="Clear all data?"
        confirmLabel="Yes, remove everything"
        onConfirm={() => void clearAllData()}
        onCancel={cancelClear}
      >
        <p>This removes, for good:</p>
        <ul>
          {CLEAR_ALL_DATA.map((item) => (
            <li key={item.id}>
              {item.label} <span className="muted">({item.where})</span>
            </li>
          ))}
        </ul>
        <p>API keys will need to be entered again.</p>
      </ConfirmDialog>
    </main>
  )
}
