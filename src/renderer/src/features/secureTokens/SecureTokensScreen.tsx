import { useId, useState, type FormEvent } from 'react'
import type { SecureTokenListed } from '@shared/contract'
import { ConfirmDialog } from '@renderer/components/ConfirmDialog'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { FieldMessages } from '@renderer/components/FieldMessages'
import { copyToClipboard } from '@renderer/components/clipboard'
import { useStore } from '@renderer/store-context'
import { UpdateAccount } from '@renderer/features/singleUseToken/UpdateAccount'
import { SurchargingCheck } from '@renderer/features/card/SurchargingCheck'
import {
  FILTER_FIELDS,
  type CustomerDraft,
  type CustomerField,
  type FilterField,
} from './secure-tokens-slice'

const FILTER_LABELS: Record<FilterField, string> = {
  secureTokenId: 'Secure token ID',
  customerName: 'Customer name',
  phone: 'Phone',
  email: 'Email',
  token: 'Secure token',
  first6: 'First 6 digits',
  last4: 'Last 4 digits',
}
const CUSTOMER_LABELS: Record<CustomerField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  referenceNumber: 'Reference number',
  email: 'Email',
  phone: 'Phone',
}
const CUSTOMER_FIELDS = Object.keys(CUSTOMER_LABELS) as CustomerField[]

function Filters() {
  const id = useId()
  const s = useStore((state) => state.secureTokens)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void s.list()
  }
  return (
    <form className="card" role="search" aria-label="Secure token filters" noValidate onSubmit={onSubmit}>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-terminal`}>Processing terminal ID</label>
          <input
            id={`${id}-terminal`}
            value={s.processingTerminalId}
            onChange={(e) => s.setTerminal(e.target.value)}
            autoComplete="off"
          />
          <FieldMessages id={`${id}-terminal-error`} messages={s.fieldErrors['processingTerminalId']} />
        </div>
        {FILTER_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{FILTER_LABELS[field]}</label>
            <input
              id={`${id}-${field}`}
              value={s.filters[field]}
              onChange={(e) => s.setFilter(field, e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={s.fieldErrors[field]?.length ? true : undefined}
            />
            <FieldMessages id={`${id}-${field}-error`} messages={s.fieldErrors[field]} />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-limit`}>Page size</label>
          <select id={`${id}-limit`} value={s.limit} onChange={(e) => s.setLimit(Number(e.target.value))}>
            {[5, 10, 25, 50, 100].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="primary"
          disabled={s.pending !== null}
          aria-busy={s.pending === 'list'}
        >
          Filter secure tokens
        </button>
        {s.pending && (
          <span className="pending" role="status">
            Working…
          </span>
        )}
      </div>
    </form>
  )
}

function CopyButton({ secureTokenId }: { secureTokenId: string }) {
  const fullValue = useStore((s) => s.secureTokens.fullValue)
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      className="small"
      aria-label={`Copy secure token ${secureTokenId}`}
      onClick={async () => {
        const value = await fullValue(secureTokenId)
        if (value) setCopied(await copyToClipboard(value))
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  )
}

function Row({ item }: { item: SecureTokenListed }) {
  const s = useStore((state) => state.secureTokens)
  const name = [item.customer?.firstName, item.customer?.lastName].filter(Boolean).join(' ')
  return (
    <tr data-secure-token-id={item.secureTokenId}>
      <td>
        <code>{item.secureTokenId}</code>
      </td>
      <td>
        <code data-testid="masked-token">{item.maskedToken}</code>
      </td>
      <td>
        {item.source.type.toUpperCase()} {item.source.cardType ?? ''} <code>{item.source.masked}</code>
        {item.source.name ? ` · ${item.source.name}` : ''}
      </td>
      <td>{name || item.customer?.email || '—'}</td>
      <td>{item.status}</td>
      <td className="row-actions">
        <button type="button" className="small" onClick={() => void s.retrieve(item.secureTokenId)}>
          Retrieve
        </button>
        <CopyButton secureTokenId={item.secureTokenId} />
        <button type="button" className="small" onClick={() => s.useForUpdate(item)}>
          Use for update
        </button>
        <button type="button" className="small danger" onClick={() => s.askDelete(item.secureTokenId)}>
          Delete secure token
        </button>
      </td>
    </tr>
  )
}

function Results() {
  const page = useStore((s) => s.secureTokens.page)
  const list = useStore((s) => s.secureTokens.list)
  if (!page) return null
  return (
    <section className="card" role="region" aria-label="Secure tokens list">
      <div className="card-head">
        <h2>Secure tokens</h2>
        <span className="muted">
          terminal <code>{page.processingTerminalId}</code> · {page.count} shown
        </span>
      </div>
      {page.items.length === 0 ? (
        <p className="empty">No secure token matches these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Secure tokens">
            <thead>
              <tr>
                <th scope="col">Secure token ID</th>
                <th scope="col">Token</th>
                <th scope="col">Payment details</th>
                <th scope="col">Customer</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <Row key={item.secureTokenId} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          disabled={!page.previousCursor}
          onClick={() => page.previousCursor && void list({ before: page.previousCursor })}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={!page.hasMore || !page.nextCursor}
          onClick={() => page.nextCursor && void list({ after: page.nextCursor })}
        >
          Next page
        </button>
      </div>
    </section>
  )
}

/** Retrieve's answer, the customer details form (partial update) and the update-account step. */
function Details() {
  const id = useId()
  const retrieved = useStore((s) => s.secureTokens.retrieved)
  const patch = useStore((s) => s.secureTokens.patch)
  const pending = useStore((s) => s.secureTokens.pending)
  const [draft, setDraft] = useState<Partial<CustomerDraft>>({})
  const [forToken, setForToken] = useState<string | null>(null)
  if (retrieved && forToken !== retrieved.secureTokenId) {
    setForToken(retrieved.secureTokenId)
    setDraft({})
  }
  if (!retrieved) return null
  const changed = Object.fromEntries(
    Object.entries(draft).filter(
      ([key, value]) => value !== (retrieved.customer?.[key as CustomerField] ?? ''),
    ),
  ) as Partial<CustomerDraft>
  return (
    <section className="card" role="region" aria-label="Secure token details">
      <h2>Secure token {retrieved.secureTokenId}</h2>
      <dl className="details">
        <dt>Secure token</dt>
        <dd>
          <code data-testid="retrieved-token">{retrieved.token}</code>
        </dd>
        <dt>Payment details</dt>
        <dd>
          {retrieved.source.type.toUpperCase()} {retrieved.source.cardType ?? ''}{' '}
          <code>{retrieved.source.masked}</code>
          {retrieved.source.expiryDate ? ` · expires ${retrieved.source.expiryDate}` : ''}
        </dd>
        <dt>Status</dt>
        <dd>{retrieved.status}</dd>
      </dl>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (Object.keys(changed).length > 0) void patch(retrieved.secureTokenId, changed)
        }}
      >
        <h3>Customer details</h3>
        <div className="form-grid">
          {CUSTOMER_FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`${id}-${field}`}>{CUSTOMER_LABELS[field]}</label>
              <input
                id={`${id}-${field}`}
                value={draft[field] ?? retrieved.customer?.[field] ?? ''}
                onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
                autoComplete="off"
              />
            </div>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" disabled={pending !== null || Object.keys(changed).length === 0}>
            Save customer details
          </button>
        </div>
      </form>
      <UpdateAccount
        secureTokenId={retrieved.secureTokenId}
        processingTerminalId={retrieved.processingTerminalId}
      />
    </section>
  )
}

/** Screen: find, inspect, update and delete the secure tokens a merchant saved. */
export function SecureTokensScreen() {
  const id = useId()
  const error = useStore((s) => s.secureTokens.error)
  const notice = useStore((s) => s.secureTokens.notice)
  const confirming = useStore((s) => s.secureTokens.confirming)
  const confirm = useStore((s) => s.secureTokens.confirm)
  const cancel = useStore((s) => s.secureTokens.cancel)
  const production = useStore(
    (s) =>
      s.environment.list.find((e) => e.id === s.environment.environmentId)?.requiresConfirmation === true,
  )
  return (
    <main className="screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} className="screen-title">
        Secure tokens
      </h1>
      <Filters />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorPanel error={error} shownWithFields={[...FILTER_FIELDS, 'processingTerminalId']} />}
      <Results />
      <Details />
      <SurchargingCheck />
      <ConfirmDialog
        open={confirming !== null}
        title={confirming?.type === 'delete' ? 'Delete secure token' : 'Confirm production call'}
        confirmLabel={
          confirming?.type === 'delete'
            ? production
              ? 'Delete in production'
              : 'Delete'
            : confirming?.type === 'update'
              ? 'Update in production'
              : 'Save in production'
        }
        onConfirm={() => void confirm()}
        onCancel={cancel}
      >
        <p>
          {confirming?.type === 'delete'
            ? `This deletes secure token ${confirming.secureTokenId} at the gateway; payments can no longer use it.`
            : `This changes secure token ${confirming?.secureTokenId ?? ''}.`}
          {production && (
            <>
              {' '}
              It is a real record on Payroc <strong>production</strong>.
            </>
          )}
        </p>
      </ConfirmDialog>
    </main>
  )
}
