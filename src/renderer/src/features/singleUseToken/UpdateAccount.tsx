import { useId, useState } from 'react'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { useStore } from '@renderer/store-context'
import { TEST_CARDS } from '@shared/test-cards'
import type { SourcePreset } from './single-use-token-slice'

const PRESET_OPTIONS: { id: SourcePreset; label: string }[] = [
  ...TEST_CARDS.map((card) => ({ id: card.id, label: `${card.label} ${card.number}` })),
  { id: 'ach', label: 'ACH test account' },
  { id: 'pad', label: 'PAD test account' },
]

/** A single-use token from a test-card preset (no browser), optionally put into a saved token (update-account). */
export function UpdateAccount({
  secureTokenId,
  processingTerminalId,
}: {
  secureTokenId: string
  processingTerminalId: string
}) {
  const id = useId()
  const [preset, setPreset] = useState<SourcePreset>('debit-mastercard')
  const create = useStore((s) => s.singleUseToken.create)
  const created = useStore((s) => s.singleUseToken.created)
  const error = useStore((s) => s.singleUseToken.error)
  const pending = useStore((s) => s.singleUseToken.pending)
  const updateAccount = useStore((s) => s.secureTokens.updateAccount)
  const busy = useStore((s) => s.secureTokens.pending !== null)
  const usable = created && created.processingTerminalId === processingTerminalId ? created : null
  return (
    <div className="update-account">
      <h3>Update account from a new single-use token</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-preset`}>Test card preset</label>
          <select
            id={`${id}-preset`}
            value={preset}
            onChange={(e) => setPreset(e.target.value as SourcePreset)}
          >
            {PRESET_OPTIONS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="button" disabled={pending} onClick={() => void create(processingTerminalId, preset)}>
          Create single-use token
        </button>
        <button
          type="button"
          disabled={!usable || busy}
          onClick={() => usable && void updateAccount(secureTokenId, usable.token)}
        >
          Update account
        </button>
      </div>
      {created && (
        <p className="single-use-token" data-testid="browserless-token">
          Single-use token <code>{created.token}</code> · {created.source.type}{' '}
          <code>{created.source.masked}</code>
        </p>
      )}
      {error && <ErrorPanel error={error} />}
    </div>
  )
}
