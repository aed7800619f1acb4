import { useStore } from '../../store-context'

/**
 * The Hosted Fields test page on its own loopback origin, reloaded (remounted) for each new session token.
 * It gets the session through the fragment, which never reaches a server.
 */
export function TestPageFrame() {
  const origin = useStore((s) => s.app.info?.testPageOrigin ?? '')
  const created = useStore((s) => s.session.created)
  const cdnBase = useStore(
    (s) => s.app.environments.find((e) => e.id === s.session.created?.environmentId)?.cdnBase,
  )

  let src = ''
  if (origin) {
    const params = created
      ? new URLSearchParams({
          token: created.token,
          processingTerminalId: created.processingTerminalId,
          scenario: created.scenario,
          libVersion: created.libVersion,
          environmentId: created.environmentId,
          cdnBase: cdnBase ?? '',
          consoleOrigin: window.location.origin,
          ...(created.secureTokenId ? { secureTokenId: created.secureTokenId } : {}),
        })
      : null
    src = `${origin}/testpage.html${params ? `#${params.toString()}` : ''}`
  }

  return (
    <section className="card testpage-card" aria-labelledby="testpage-title">
      <h2 id="testpage-title">Hosted Fields test page</h2>
      {src ? (
        <iframe
          key={created?.token ?? 'waiting'}
          title="Hosted Fields test page"
          src={src}
          sandbox="allow-scripts allow-same-origin allow-forms"
          referrerPolicy="no-referrer"
        />
      ) : (
        <p className="empty">The test page server is not running.</p>
      )}
    </section>
  )
}
