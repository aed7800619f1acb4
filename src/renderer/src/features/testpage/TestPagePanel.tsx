import { useEffect, useMemo, useRef, useState } from 'react'
import { useStore } from '@renderer/store-context'
import {
  acceptPageMessage,
  PROTOCOL,
  testPageUrl,
  type ConsoleToPage,
  type FormType,
  type LibraryOptions,
} from '@renderer/testpage/protocol'
import { EventLog } from '@renderer/features/eventlog/EventLog'
import { SpentFormNote } from '@renderer/features/eventlog/SpentFormNote'
import { formStatusOf, formStatusText } from '@renderer/features/eventlog/form-status'
import { SecureTokenPanel } from '@renderer/features/secureToken/SecureTokenPanel'
import { cdnOrigin, payrocScriptFor, sessionForPage, type PayrocScript } from './session-for-page'
import { LibraryOptionsPanel } from './LibraryOptionsPanel'
import { SalePanel } from '@renderer/features/payment/SalePanel'
import { libraryOptionsOf } from './page-options'
import { useStaleLabel } from '@renderer/features/session/useStaleLabel'
import { TestCardPicker } from './TestCardPicker'

/** Which page instance is showing: a new session token or Reload form makes a new one. */
interface FrameKey {
  token: string
  generation: number
  scriptVersion: string
  /** Payroc's own script (Sandbox, desktop), as chosen when the page instance was made. */
  payroc: PayrocScript | null
  /** The form type and library options as they stood when this page was made. */
  formType: FormType
  options: LibraryOptions | undefined
}

/**
 * The Hosted Fields test page on its own loopback origin (one page, one Hosted Fields instance per session
 * token), the event log of that page and the secure-token actions. Lazily loaded: the console's first paint
 * does not wait for it.
 */
export default function TestPagePanel() {
  const origin = useStore((s) => s.app.info?.testPageOrigin ?? '')
  const created = useStore((s) => s.session.created)
  const environment = useStore((s) =>
    s.environment.list.find((e) => e.id === s.session.created?.environmentId),
  )
  const addEvent = useStore((s) => s.eventLog.add)
  const formStatus = formStatusOf(useStore((s) => s.eventLog.entries))
  const reportEvent = useStore((s) => s.session.reportEvent)
  const resetLog = useStore((s) => s.eventLog.reset)
  const resetSecureToken = useStore((s) => s.secureToken.reset)
  const stale = useStaleLabel()
  const expired = useStore(
    (s) => s.session.attempt?.library.state === 'expired' && s.session.created?.token === created?.token,
  )
  const spent = useStore((s) => !!created && s.eventLog.restoredToken === created.token)
  const libraryStatus = useStore((s) => s.library.status)
  const frameRef = useRef<HTMLIFrameElement>(null)
  const [override, setOverride] = useState('')
  const [frameKey, setFrameKey] = useState<FrameKey | null>(null)
  const formType = useStore((s) => s.session.formType)
  const draft = useStore((s) => s.testPage.options)
  const [destroyed, setDestroyed] = useState(false)
  const keyFor = (token: string, generation: number): FrameKey => ({
    token,
    generation,
    scriptVersion: override.trim(),
    payroc: created ? payrocScriptFor(created.environmentId, libraryStatus) : null,
    formType,
    options: libraryOptionsOf(draft),
  })

  // A new session token: a new page with the override and options as they stand now (derived state, set
  // during render so the token never gets a second page instance).
  if (created && frameKey?.token !== created.token) {
    setFrameKey(keyFor(created.token, 0))
    setDestroyed(false)
  }

  const session = useMemo(() => {
    if (!created || !environment || frameKey?.token !== created.token) return null
    const base = sessionForPage(created, environment, frameKey.scriptVersion, frameKey.payroc)
    if (!base) return null
    return {
      ...base,
      ...(frameKey.formType !== 'card' ? { formType: frameKey.formType } : {}),
      ...(frameKey.options ? { options: frameKey.options } : {}),
    }
  }, [created, environment, frameKey])

  useEffect(() => {
    resetLog(created?.token ?? null)
    resetSecureToken()
  }, [created?.token, resetLog, resetSecureToken])

  useEffect(() => {
    if (!origin || !session) return
    const onMessage = (event: MessageEvent) => {
      const frame = frameRef.current?.contentWindow ?? null
      const accepted = acceptPageMessage(event, { origin, source: frame })
      if (!accepted || !frame) return
      if (accepted.type === 'ready') {
        const message: ConsoleToPage = { protocol: PROTOCOL, type: 'session', session }
        frame.postMessage(message, origin)
      } else {
        addEvent(accepted.event)
        reportEvent(session.sessionToken, accepted.event)
      }
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [origin, session, addEvent, reportEvent])

  const overrideInvalid = override.trim() !== '' && created && environment && !session
  const src =
    origin && environment
      ? testPageUrl(origin, cdnOrigin(environment, frameKey?.payroc ?? null), window.location.origin)
      : ''

  return (
    <>
      <section className="card testpage-card" aria-labelledby="testpage-title">
        <h2 id="testpage-title">Hosted Fields test page</h2>
        {!origin ? (
          <p className="empty">The test page server is not running.</p>
        ) : !created || !frameKey ? (
          <p className="empty">Create a session and its card form loads here, as a merchant page would.</p>
        ) : spent ? (
          <SpentFormNote />
        ) : stale ? (
          <p className="empty" data-testid="earlier-form">
            {stale}: its card form was closed.
          </p>
        ) : session ? (
          <div className="testpage-frame" data-expired={expired ? 'true' : undefined}>
            <p className={`form-status form-${formStatus.phase}`} role="status" data-testid="form-status">
              {formStatusText(formStatus)}
            </p>
            {!expired && (
              <TestCardPicker
                frame={frameRef}
                origin={origin}
                fillable={environment?.kind === 'sandbox'}
                ready={formStatus.phase === 'ready'}
              />
            )}
            {expired && (
              <p className="form-disabled-note" id="testpage-expired">
                The session expired, so the card form is disabled. Create a new session (in the Session token
                card) to keep testing.
              </p>
            )}
            <iframe
              inert={expired ? true : undefined}
              aria-describedby={expired ? 'testpage-expired' : undefined}
              key={`${frameKey.token}:${frameKey.generation}`}
              ref={frameRef}
              title="Hosted Fields test page"
              src={src}
              sandbox="allow-scripts allow-same-origin allow-forms"
              referrerPolicy="no-referrer"
            />
          </div>
        ) : (
          <p className="empty">
            The Script version override is not a library version; the form was not loaded.
          </p>
        )}
        <details className="testpage-advanced">
          <summary>Advanced</summary>
          <label htmlFor="script-version">Script version</label>
          <input
            id="script-version"
            value={override}
            placeholder={created?.libVersion ?? 'the session’s libVersion'}
            onChange={(event) => setOverride(event.target.value)}
            aria-describedby="script-version-help"
            aria-invalid={overrideInvalid ? true : undefined}
          />
          <p id="script-version-help" className="help">
            Load another version’s script than the session’s libVersion (e.g. a UAT version copied into
            production). Applies to the next session or Reload form.
          </p>
          <LibraryOptionsPanel />
          <div className="form-actions">
            <button
              type="button"
              disabled={!created}
              onClick={() => {
                if (!created) return
                setDestroyed(false)
                setFrameKey(keyFor(created.token, (frameKey?.generation ?? 0) + 1))
              }}
            >
              Reload form
            </button>
            <button
              type="button"
              disabled={!session || destroyed}
              onClick={() => {
                const frame = frameRef.current?.contentWindow
                if (!frame || !origin) return
                const message: ConsoleToPage = { protocol: PROTOCOL, type: 'destroy' }
                frame.postMessage(message, origin)
                setDestroyed(true)
              }}
            >
              Call destroy()
            </button>
          </div>
        </details>
      </section>
      <SecureTokenPanel />
      <SalePanel pageFormType={frameKey?.formType ?? 'card'} />
      <EventLog />
    </>
  )
}
