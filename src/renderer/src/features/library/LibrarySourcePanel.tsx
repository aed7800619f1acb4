import { useEffect, useId, useState } from 'react'
import type { LibrarySource } from '@shared/contract/library'
import { useStore } from '@renderer/store-context'

const isSource = (value: string): value is LibrarySource => value === 'simulated' || value === 'payroc'

/**
 * Library source (Sandbox only): the console's simulated Hosted Fields library, or Payroc's own script run
 * against the sandbox. A copy of Payroc's script comes from a file the user chose or one download from Payroc's
 * CDN, and main keeps it only when it matches the build's published SRI. Running it needs the desktop app (it
 * maps Payroc's gateway host to the sandbox); the browser preview says so and keeps Simulated.
 */
export function LibrarySourcePanel() {
  const id = useId()
  const sandbox = useStore((s) => s.environment.environmentId === 'sandbox')
  const status = useStore((s) => s.library.status)
  const busy = useStore((s) => s.library.busy)
  const notice = useStore((s) => s.library.notice)
  const load = useStore((s) => s.library.load)
  const importScript = useStore((s) => s.library.importScript)
  const setSource = useStore((s) => s.library.setSource)
  const [picked, setPicked] = useState('')
  const [file, setFile] = useState('')

  useEffect(() => {
    if (sandbox) void load()
  }, [sandbox, load])

  if (!sandbox || !status) return null
  const build = picked || status.libVersion || status.builds[0]?.libVersion || ''
  const row = status.builds.find((b) => b.libVersion === build)
  const desktopOnly = !status.hostMapping

  return (
    <details className="library-source" open={status.source === 'payroc' || undefined}>
      <summary>
        Library: {status.source === 'payroc' ? `Payroc's own script ${status.libVersion ?? ''}` : 'Simulated'}
      </summary>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-source`}>Library source</label>
          <select
            id={`${id}-source`}
            value={status.source}
            disabled={busy}
            aria-describedby={`${id}-source-help`}
            onChange={(e) => isSource(e.target.value) && void setSource(e.target.value, build || undefined)}
          >
            <option value="simulated">Simulated</option>
            <option value="payroc" disabled={desktopOnly || !row?.copy}>
              Payroc&apos;s own script
            </option>
          </select>
          <p id={`${id}-source-help`} className="help">
            {desktopOnly
              ? "Desktop app only: the browser preview cannot map Payroc's gateway host to the sandbox, so the test page runs the simulated library here. Copies can still be imported and checked."
              : "Payroc's own script needs a verified copy of its build; the next session's form loads it."}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-build`}>Payroc build</label>
          <select
            id={`${id}-build`}
            value={build}
            disabled={busy}
            onChange={(e) => {
              setPicked(e.target.value)
              if (status.source === 'payroc') void setSource('payroc', e.target.value)
            }}
          >
            {status.builds.map((b) => (
              <option key={b.libVersion} value={b.libVersion}>
                {b.libVersion} ({b.environment.toUpperCase()}) — {b.copy ? 'verified copy' : 'no copy'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>Script file</label>
          <input
            id={`${id}-file`}
            value={file}
            placeholder="/path/to/hosted-fields-1.7.0.261457.js"
            spellCheck={false}
            aria-describedby={`${id}-file-help`}
            onChange={(e) => setFile(e.target.value)}
          />
          <p id={`${id}-file-help`} className="help">
            The path of the script as Payroc&apos;s CDN serves it. Known builds and their SRI can be added to{' '}
            <code>{status.buildsFile}</code>.
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button
          type="button"
          disabled={busy || !build || file.trim() === ''}
          onClick={() => void importScript(build, 'file', file.trim())}
        >
          Import file
        </button>
        <button type="button" disabled={busy || !build} onClick={() => void importScript(build, 'download')}>
          Download from Payroc&apos;s CDN
        </button>
        {row && (
          <span className="help">
            {row.copy
              ? `Verified copy of ${row.libVersion} (${row.integrity})`
              : `Downloads ${row.downloadUrl}`}
          </span>
        )}
      </div>
      <p
        className={notice ? (notice.ok ? 'notice ok-text' : 'notice error-text') : 'notice'}
        role="status"
        data-testid="library-verification"
      >
        {notice?.text ?? ''}
      </p>
    </details>
  )
}
