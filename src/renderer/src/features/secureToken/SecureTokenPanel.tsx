import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { CopyButton } from '@renderer/components/CopyButton'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { useStore } from '@renderer/store-context'
import type { SavedSource } from '@shared/payroc'

/** One line for the saved payment method: a card, or an ACH / PAD bank account (fields the gateway left out are skipped). */
interface SourceLine {
  label: string
  /** Shown before the number (the card brand), when known. */
  prefix?: string
  number: string
  parts: (string | undefined)[]
}

function describeSource(source: SavedSource): SourceLine {
  switch (source.type) {
    case 'card':
      return {
        label: 'Card',
        prefix: source.cardType,
        number: source.cardNumber,
        parts: [source.expiryDate ? `expires ${source.expiryDate}` : undefined, source.cardholderName],
      }
    case 'ach':
      return {
        label: 'Bank account (ACH)',
        number: source.accountNumber,
        parts: [`routing ${source.routingNumber}`, source.accountType, source.nameOnAccount],
      }
    case 'pad':
      return {
        label: 'Bank account (PAD)',
        number: source.accountNumber,
        parts: [
          `transit ${source.transitNumber}`,
          `institution ${source.institutionNumber}`,
          source.accountType,
          source.nameOnAccount,
        ],
      }
  }
}

function SavedToken() {
  const saved = useStore((s) => s.secureToken.saved)
  if (!saved) return null
  const source = describeSource(saved.source)
  const rest = source.parts.filter((part) => part !== undefined)
  return (
    <div className="secure-token" data-testid="secure-token">
      <dl className="details">
        <dt>secureTokenId</dt>
        <dd>
          <code>{saved.secureTokenId}</code>{' '}
          <CopyButton value={saved.secureTokenId} what="ID of the saved secure token" />
        </dd>
        <dt>{source.label}</dt>
        <dd>
          {source.prefix ? `${source.prefix} ` : ''}
          <code>{source.number}</code>
          {rest.map((part) => ` · ${part}`).join('')}
        </dd>
        <dt>Status</dt>
        <dd>
          <code>{saved.status}</code>
        </dd>
        <dt>Token</dt>
        <dd>
          <code className="token">{saved.token}</code> <CopyButton value={saved.token} what="secure token" />
        </dd>
        {saved.mitAgreement && (
          <>
            <dt>MIT agreement</dt>
            <dd>{saved.mitAgreement}</dd>
          </>
        )}
      </dl>
    </div>
  )
}

/** After a tokenization-mode submissionSuccess: save the single-use token, or update saved details with it. */
export function SecureTokenPanel() {
  const created = useStore((s) => s.session.created)
  const success = useStore((s) => s.eventLog.lastSuccess)
  const pending = useStore((s) => s.secureToken.pending)
  const confirming = useStore((s) => s.secureToken.confirming)
  const error = useStore((s) => s.secureToken.error)
  const saved = useStore((s) => s.secureToken.saved)
  const run = useStore((s) => s.secureToken.run)
  const confirm = useStore((s) => s.secureToken.confirm)
  const cancel = useStore((s) => s.secureToken.cancel)
  const savedBy = useStore((s) => s.secureToken.savedBy)
  const spent = useStore(
    (s) => s.secureToken.spentToken !== null && s.secureToken.spentToken === success?.token,
  )
  if (!created || created.scenario !== 'tokenization' || !success) return null
  return (
    <section className="card securetoken-card" aria-labelledby="securetoken-title">
      <h2 id="securetoken-title">Secure token</h2>
      <p className="token-meta">
        Terminal <code>{created.processingTerminalId}</code>
        {created.secureTokenId ? (
          <>
            {' '}
            · session for secureTokenId <code>{created.secureTokenId}</code>{' '}
            <CopyButton value={created.secureTokenId} what="ID of the session’s secure token" />
          </>
        ) : null}
      </p>
      <p className="token-meta single-use">
        Single-use token{' '}
        <code className="token-short">
          {success.token.slice(0, 10)}…{success.token.slice(-6)}
        </code>{' '}
        <CopyButton value={success.token} what="single-use token" />
        {spent ? ' · used' : ' · valid 30 minutes, for one call'}
      </p>
      <div className="actions">
        <button
          type="button"
          className={created.secureTokenId ? undefined : 'primary'}
          disabled={pending !== null || spent}
          aria-describedby={spent ? 'securetoken-spent' : undefined}
          onClick={() => void run('save')}
        >
          {pending === 'save' ? 'Saving…' : 'Save as secure token'}
        </button>
        {created.secureTokenId && (
          <button
            type="button"
            className="primary"
            disabled={pending !== null || spent}
            aria-describedby={spent ? 'securetoken-spent' : undefined}
            onClick={() => void run('update')}
          >
            {pending === 'update' ? 'Updating…' : 'Update saved details'}
          </button>
        )}
      </div>
      {spent && (
        <p className="form-disabled-note" id="securetoken-spent">
          {saved
            ? `This single-use token was used: the secure token was ${savedBy === 'update' ? 'updated' : 'saved'}.`
            : 'The gateway refused this single-use token as used or expired.'}{' '}
          Submit the card form of a new tokenization session for another.
        </p>
      )}
      {error && <ErrorPanel error={error} />}
      {saved && <SavedToken />}
      <ConfirmDialog
        open={confirming !== null}
        title="Confirm production call"
        confirmLabel={confirming === 'update' ? 'Update in production' : 'Create in production'}
        onConfirm={() => void confirm()}
        onCancel={cancel}
      >
        <p>
          This {confirming === 'update' ? 'replaces the saved payment details of' : 'creates'} a real secure
          token on Payroc <strong>production</strong> for processing terminal{' '}
          <code>{created.processingTerminalId}</code>.
        </p>
      </ConfirmDialog>
    </section>
  )
}
