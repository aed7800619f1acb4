import { lazy, Suspense, useEffect, useId, useState, type FormEvent } from 'react'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { describedBy, FieldMessages } from '@renderer/components/FieldMessages'
import { useStore } from '@renderer/store-context'
import type { PaymentOutcome } from '@shared/contract'
import {
  AMOUNT_PRESETS,
  formatAmount,
  type FollowUp,
  type PaymentKind,
  type PayWith,
  type SaleField,
} from './payment-slice'

const Inspector = lazy(() =>
  import('@renderer/features/journal/Inspector').then((m) => ({ default: m.Inspector })),
)

const OPERATION_WORDS: Record<string, string> = {
  sale: 'Sale',
  capture: 'Capture',
  reverse: 'Reverse',
  refund: 'Refund',
  'bank-transfer': 'Bank transfer',
  'bank-transfer:reverse': 'Bank transfer reverse',
  'bank-transfer:refund': 'Bank transfer refund',
}

function SaleField({ field, label, hint }: { field: SaleField; label: string; hint?: string }) {
  const id = useId()
  const value = useStore((s) => s.payment.form[field])
  const errors = useStore((s) => s.payment.fieldErrors[field])
  const setField = useStore((s) => s.payment.setField)
  const describers = [hint ? `${id}-hint` : undefined, describedBy(`${id}-error`, errors)]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => setField(field, e.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describers || undefined}
        autoComplete="off"
        spellCheck={false}
        inputMode={field === 'amount' ? 'numeric' : undefined}
      />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessages id={`${id}-error`} messages={errors} />
    </div>
  )
}

/** One answer in plain words: approved or declined, with the gateway's status, response code and message. */
export function PaymentResult({
  outcome,
  onInspect,
}: {
  outcome: PaymentOutcome
  onInspect?: (journalId: string) => void
}) {
  const result = outcome.transactionResult
  return (
    <div
      className={`payment-result ${outcome.approved ? 'approved' : 'declined'}`}
      data-testid="payment-result"
      data-operation={outcome.operation}
    >
      <p className="payment-verdict">
        <strong>
          {OPERATION_WORDS[outcome.operation] ?? outcome.operation}:{' '}
          {outcome.approved ? 'approved' : 'declined'}
        </strong>{' '}
        — {outcome.verdict}
      </p>
      <dl className="details">
        <dt>Status</dt>
        <dd>{result.status}</dd>
        <dt>Response code</dt>
        <dd>{result.responseCode}</dd>
        {result.processorResponseCode && (
          <>
            <dt>Processor response code</dt>
            <dd>{result.processorResponseCode}</dd>
          </>
        )}
        {result.responseMessage && (
          <>
            <dt>Message</dt>
            <dd>{result.responseMessage}</dd>
          </>
        )}
        <dt>Payment ID</dt>
        <dd>
          <code>{outcome.paymentId}</code>
        </dd>
        <dt>Amount</dt>
        <dd>{formatAmount(outcome.amount, outcome.currency)}</dd>
        <dt>Paid with</dt>
        <dd>
          {outcome.paymentMethod.cardType ?? outcome.paymentMethod.type.toUpperCase()}{' '}
          <code>{outcome.paymentMethod.masked}</code>
        </dd>
        <dt>Idempotency-Key</dt>
        <dd>
          <code>{outcome.idempotencyKey}</code>
        </dd>
      </dl>
      {onInspect && (
        <button
          type="button"
          className="small"
          aria-label={`Inspect the ${OPERATION_WORDS[outcome.operation] ?? outcome.operation} call`}
          onClick={() => onInspect(outcome.journalId)}
        >
          Inspect
        </button>
      )}
    </div>
  )
}

const FOLLOW_UP_LABEL: Record<FollowUp, string> = { capture: 'Capture', reverse: 'Reverse', refund: 'Refund' }

/**
 * Run sale with the test page's single-use token or a saved secure token (a bank-transfer payment for an ACH
 * or PAD one), then Capture / Reverse / Refund to clean up.
 */
export function SalePanel({ pageFormType }: { pageFormType: PaymentKind }) {
  const created = useStore((s) => s.session.created)
  const success = useStore((s) => s.eventLog.lastSuccess)
  const saved = useStore((s) => s.secureToken.saved)
  const payment = useStore((s) => s.payment)
  const [payWithSaved, setPayWithSaved] = useState(false)
  const [secureTokenId, setSecureTokenId] = useState('')
  const presetId = useId()
  const [inspecting, setInspecting] = useState<string | null>(null)
  const savedKind: PaymentKind = saved?.source.type ?? pageFormType
  const kind = payWithSaved ? savedKind : pageFormType
  const { prepare, reset } = payment

  // A newly saved secure token becomes what pays (derived state, set during render); a new page starts over.
  const [seen, setSeen] = useState<{ saved: unknown; token: string | undefined }>({
    saved,
    token: created?.token,
  })
  if (seen.saved !== saved || seen.token !== created?.token) {
    setSeen({ saved, token: created?.token })
    setPayWithSaved(saved !== null && seen.token === created?.token)
    if (saved) setSecureTokenId(saved.secureTokenId)
  }
  useEffect(() => {
    reset()
    prepare(pageFormType)
  }, [created?.token, pageFormType, prepare, reset])

  if (!created || (!success && !saved)) return null
  const bank = kind !== 'card'
  const payWith: PayWith | null = payWithSaved
    ? secureTokenId.trim()
      ? { type: 'secureToken', secureTokenId, kind }
      : null
    : success
      ? { type: 'singleUseToken', token: success.token, kind }
      : null
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (payWith) void payment.run(payWith)
  }
  const followUps: FollowUp[] = bank ? ['reverse', 'refund'] : ['capture', 'reverse', 'refund']
  return (
    <section className="card sale-card" aria-labelledby="sale-title">
      <h2 id="sale-title">{bank ? `Bank transfer payment (${kind.toUpperCase()})` : 'Sale'}</h2>
      <form noValidate onSubmit={onSubmit}>
        <fieldset className="pay-with">
          <legend>Pay with</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="pay-with"
              checked={!payWithSaved}
              disabled={!success}
              onChange={() => setPayWithSaved(false)}
            />
            Single-use token from the test page
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="pay-with"
              checked={payWithSaved}
              onChange={() => setPayWithSaved(true)}
            />
            Saved secure token
          </label>
          {payWithSaved && (
            <div className="field">
              <label htmlFor={`${presetId}-stid`}>Token to pay with</label>
              <input
                id={`${presetId}-stid`}
                value={secureTokenId}
                aria-describedby={`${presetId}-stid-hint`}
                onChange={(e) => setSecureTokenId(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
              <p className="field-hint" id={`${presetId}-stid-hint`}>
                The saved token’s Secure token ID
              </p>
            </div>
          )}
        </fieldset>
        <div className="form-grid">
          <SaleField field="amount" label="Amount" hint="Minor units: 1000 = 10.00" />
          <div className="field">
            <label htmlFor={presetId}>Sandbox outcome</label>
            <select
              id={presetId}
              value={AMOUNT_PRESETS.some((p) => p.amount === payment.form.amount) ? payment.form.amount : ''}
              onChange={(e) => e.target.value && payment.setField('amount', e.target.value)}
            >
              <option value="">Custom</option>
              {AMOUNT_PRESETS.map((preset) => (
                <option key={preset.amount} value={preset.amount}>
                  {preset.label}
                </option>
              ))}
            </select>
          </div>
          <SaleField field="currency" label="Currency" />
          <SaleField field="orderId" label="Order ID" />
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="primary"
            disabled={!payWith || payment.pending !== null}
            aria-busy={payment.pending === 'run'}
          >
            {payment.pending === 'run' && <span className="spinner" aria-hidden="true" />}
            Run sale
          </button>
          {payment.pending && (
            <span className="pending" role="status">
              {payment.pending === 'closeBatch'
                ? 'Closing the batch…'
                : `${FOLLOW_UP_LABEL[payment.pending as FollowUp] ?? 'Sale'} in progress…`}
            </span>
          )}
        </div>
      </form>
      <FieldMessages id="sale-general-errors" messages={payment.fieldErrors.general} />
      {payment.error && (
        <ErrorPanel error={payment.error} shownWithFields={['amount', 'currency', 'orderId']} />
      )}
      {payment.sale && (
        <div className="sale-outcome" role="region" aria-label="Sale result">
          <PaymentResult outcome={payment.sale} onInspect={setInspecting} />
          <div className="form-actions">
            {followUps.map((action) => (
              <button
                key={action}
                type="button"
                disabled={payment.pending !== null}
                onClick={() => void payment.followUp(action)}
              >
                {FOLLOW_UP_LABEL[action]}
              </button>
            ))}
          </div>
          {payment.sale.environmentId === 'sandbox' && (
            <div className="sandbox-settle">
              <button
                type="button"
                disabled={payment.pending !== null}
                aria-describedby="close-batch-help"
                onClick={() => void payment.closeBatch()}
              >
                Close batch
              </button>
              <p className="field-hint" id="close-batch-help">
                Sandbox: a sale in the open batch can only be reversed; closing the batch settles it (as the
                nightly close would), then Refund works.
              </p>
              {payment.batchClosed && <p role="status">{payment.batchClosed}</p>}
            </div>
          )}
          {payment.followUps.map((outcome) => (
            <PaymentResult key={outcome.journalId} outcome={outcome} onInspect={setInspecting} />
          ))}
        </div>
      )}
      {payment.error?.journalId && (
        <button
          type="button"
          className="small"
          onClick={() => setInspecting(payment.error?.journalId ?? null)}
        >
          Inspect the failed call
        </button>
      )}
      {inspecting && (
        <Suspense fallback={null}>
          <Inspector journalId={inspecting} onClose={() => setInspecting(null)} />
        </Suspense>
      )}
      <ConfirmDialog
        open={payment.confirming !== null}
        title="Confirm production call"
        confirmLabel={`${payment.confirming === 'run' ? 'Run sale' : (FOLLOW_UP_LABEL[payment.confirming as FollowUp] ?? '')} in production`}
        onConfirm={() => void payment.confirm()}
        onCancel={payment.cancel}
      >
        <p>
          This moves real money on Payroc <strong>production</strong> for processing terminal{' '}
          <code>{created.processingTerminalId}</code>.
        </p>
      </ConfirmDialog>
    </section>
  )
}
