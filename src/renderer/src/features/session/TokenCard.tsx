import { useEffect, useState } from 'react'
import { copyToClipboard } from '@renderer/components/clipboard'
import { CopyButton as CopyId } from '@renderer/components/CopyButton'
import { useStore } from '@renderer/store-context'
import { clockSkewMs, formatMmSs, phaseOf } from './countdown'
import { useCountdown } from './useCountdown'
import { useStaleLabel } from './useStaleLabel'

function CopyButton({ token }: { token: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const onCopy = async () => {
    setState((await copyToClipboard(token)) ? 'copied' : 'failed')
    setTimeout(() => setState('idle'), 2500)
  }
  return (
    <span className="copy">
      <button type="button" onClick={() => void onCopy()}>
        Copy token
      </button>
      <span role="status" className="copy-status">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Copy failed — select the token and copy it'
            : ''}
      </span>
    </span>
  )
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

function describeSkew(ms: number): string | null {
  const seconds = Math.round(ms / 1000)
  if (Math.abs(seconds) < 3) return null
  return `Gateway clock is ${Math.abs(seconds)} s ${seconds > 0 ? 'ahead of' : 'behind'} this machine; the countdown is corrected.`
}

export function TokenCard() {
  const created = useStore((s) => s.session.created)
  const pending = useStore((s) => s.session.pending)
  const recreate = useStore((s) => s.session.recreate)
  const expireNow = useStore((s) => s.session.expireNow)
  const markExpired = useStore((s) => s.session.markExpired)
  const expiredEarly = useStore((s) => s.session.attempt?.library.state === 'expired')
  const inSandbox = useStore((s) => s.session.created?.environmentId === 'sandbox')
  const environmentName = useStore(
    (s) => s.environment.list.find((e) => e.id === s.session.created?.environmentId)?.name,
  )
  const stale = useStaleLabel()
  const { remaining, announcement } = useCountdown(created)
  const phase = created ? (expiredEarly ? 'expired' : phaseOf(remaining)) : 'ok'
  const token = created?.token
  useEffect(() => {
    if (token && phase === 'expired') markExpired(token)
  }, [token, phase, markExpired])
  // Said once when the token arrives (its tail, not 48 characters), then only the threshold crossings.
  const live =
    announcement ||
    (created
      ? `Session token created for terminal ${created.processingTerminalId}, ending ${created.token.slice(-6)}. It expires at ${timeFormat.format(new Date(created.expiresAt))}.`
      : '')

  return (
    <>
      <section className="card token-card" data-phase={phase} aria-labelledby="token-card-title">
        <h2 id="token-card-title">Session token</h2>
        {!created ? (
          <p className="empty">
            No session yet. Create one and its token appears here with a live countdown.
          </p>
        ) : stale ? (
          // Not the current attempt (or another environment, profile or terminal): only its label stays.
          <p className="stale-note" data-testid="earlier-session">
            <strong>{stale}</strong> — its token and card form were put away; the Outcome above is about the
            current attempt.
          </p>
        ) : null}
        {created && stale && phase === 'expired' && (
          // The expired session can still be recreated as it was, whatever the form says now.
          <button type="button" className="primary" onClick={() => void recreate()} disabled={pending}>
            Create a new session
          </button>
        )}
        {!created || stale ? null : (
          <>
            <p className="token-meta">
              {environmentName ?? created.environmentId} · terminal{' '}
              <code>{created.processingTerminalId}</code> · {created.scenario}
            </p>
            <code className="token" data-testid="session-token">
              {created.token}
            </code>
            <CopyButton token={created.token} />
            <div className="countdown-row">
              <div>
                <span className="countdown-label" id="expires-in-label">
                  Expires in
                </span>
                <span className="countdown" role="timer" aria-labelledby="expires-in-label">
                  {formatMmSs(expiredEarly ? 0 : remaining)}
                </span>
              </div>
              <div>
                <span className="countdown-label">Expires at</span>
                <time className="expires-at" dateTime={created.expiresAt}>
                  {timeFormat.format(new Date(created.expiresAt))}
                </time>
              </div>
            </div>
            {phase === 'warning' && (
              <p className="phase-note">
                {remaining <= 60_000 ? 'Less than a minute left' : 'Less than 2 minutes left'} — the test page
                needs a new session after that.
              </p>
            )}
            {phase === 'expired' && (
              <div className="expired-note">
                <p>
                  <strong>
                    {remaining > 0
                      ? 'Expired now.'
                      : `Expired at ${timeFormat.format(new Date(created.expiresAt))}.`}
                  </strong>{' '}
                  This token can no longer initialise Hosted Fields; a new session uses the same terminal,
                  scenario and environment ({created.processingTerminalId}, {created.scenario}).
                </p>
                <button type="button" className="primary" onClick={() => void recreate()} disabled={pending}>
                  Create a new session
                </button>
              </div>
            )}
            {inSandbox && phase !== 'expired' && (
              <button type="button" onClick={() => void expireNow()}>
                Expire now
              </button>
            )}
            {describeSkew(clockSkewMs(created)) && (
              <p className="skew-note">{describeSkew(clockSkewMs(created))}</p>
            )}
            <dl className="details">
              <dt>Library</dt>
              <dd>{created.libVersion}</dd>
              <dt>Idempotency-Key</dt>
              <dd>
                <code>{created.idempotencyKey}</code>{' '}
                <CopyId value={created.idempotencyKey} what="Idempotency-Key" />
              </dd>
              {created.secureTokenId && (
                <>
                  <dt>Secure token ID</dt>
                  <dd>
                    <code>{created.secureTokenId}</code>{' '}
                    <CopyId value={created.secureTokenId} what="ID of the secure token" />
                  </dd>
                </>
              )}
              <dt>Attempts</dt>
              <dd>
                {created.attempts} · {Math.round(created.durationMs)} ms
              </dd>
            </dl>
          </>
        )}
      </section>
      {/* Outside the region, so "Copied" stays the card's only status. */}
      <div className="sr-only" role="status" aria-live="polite" data-testid="token-announcer">
        {live}
      </div>
    </>
  )
}
