import { useId, useState } from 'react'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { useStore } from '@renderer/store-context'
import { TEST_CARDS } from '@shared/test-cards'

/** Surcharging check: BIN lookup for a test card or a saved secure token, and an amount. */
export function SurchargingCheck() {
  const id = useId()
  const terminal = useStore((s) => s.secureTokens.processingTerminalId)
  const check = useStore((s) => s.card.check)
  const result = useStore((s) => s.card.result)
  const error = useStore((s) => s.card.error)
  const pending = useStore((s) => s.card.pending)
  const [by, setBy] = useState<'card' | 'secureToken'>('card')
  const [preset, setPreset] = useState<string>(TEST_CARDS[0].number)
  const [secureTokenId, setSecureTokenId] = useState('')
  const [amount, setAmount] = useState('1000')
  const [currency, setCurrency] = useState('USD')
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Surcharging check</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void check(
            terminal,
            by === 'card'
              ? { type: 'cardBin', bin: preset.slice(0, 8) }
              : { type: 'secureToken', secureTokenId },
            amount,
            currency,
          )
        }}
      >
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-by`}>Check</label>
            <select
              id={`${id}-by`}
              value={by}
              onChange={(e) => setBy(e.target.value as 'card' | 'secureToken')}
            >
              <option value="card">Test card</option>
              <option value="secureToken">Secure token</option>
            </select>
          </div>
          {by === 'card' ? (
            <div className="field">
              <label htmlFor={`${id}-card`}>Test card</label>
              <select id={`${id}-card`} value={preset} onChange={(e) => setPreset(e.target.value)}>
                {TEST_CARDS.map((card) => (
                  <option key={card.id} value={card.number}>
                    {card.label} {card.number}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-stid`}>Token to check</label>
              <input
                id={`${id}-stid`}
                value={secureTokenId}
                onChange={(e) => setSecureTokenId(e.target.value)}
              />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-amount`}>Amount to surcharge</label>
            <input
              id={`${id}-amount`}
              value={amount}
              inputMode="numeric"
              onChange={(e) => setAmount(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-currency`}>Surcharge currency</label>
            <input id={`${id}-currency`} value={currency} onChange={(e) => setCurrency(e.target.value)} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={pending} aria-busy={pending}>
            Check surcharging
          </button>
        </div>
      </form>
      {error && <ErrorPanel error={error} />}
      {result && (
        <div className="surcharge-result" role="status" data-testid="surcharge-result">
          <p>
            <strong>{result.surcharging.allowed ? 'Surcharging allowed' : 'Surcharging not allowed'}</strong>{' '}
            — {result.verdict}
          </p>
          <dl className="details">
            <dt>Card</dt>
            <dd>
              {result.cardType} <code>{result.cardNumber}</code>
            </dd>
            {result.surcharging.percentage !== undefined && (
              <>
                <dt>Percentage</dt>
                <dd>{result.surcharging.percentage} %</dd>
              </>
            )}
            {result.surcharging.amount !== undefined && (
              <>
                <dt>Surcharge amount</dt>
                <dd>{result.surcharging.amount}</dd>
              </>
            )}
            {result.surcharging.disclosure && (
              <>
                <dt>Disclosure</dt>
                <dd>{result.surcharging.disclosure}</dd>
              </>
            )}
          </dl>
        </div>
      )}
    </section>
  )
}
