import { useId, useState, type RefObject } from 'react'
import { groupedNumber, TEST_CARDS, testCardExpiry, testCardValues, TEST_CARD_CVV } from '@shared/test-cards'
import { CopyButton } from '@renderer/components/CopyButton'
import { PROTOCOL } from '@renderer/testpage/protocol'
import type { FillTestCardMessage } from '@renderer/testpage/test-card-fill'

/**
 * Test card (select): Payroc's UAT test cards. In the sandbox (the simulated library) choosing one fills the
 * card form at once, through the test page (test-card-fill.ts); Payroc's real frames cannot be filled from
 * outside, so elsewhere the number is offered to copy and type.
 */
export function TestCardPicker({
  frame,
  origin,
  fillable,
  ready,
}: {
  frame: RefObject<HTMLIFrameElement | null>
  origin: string
  /** The sandbox's simulated library: fields can be filled. */
  fillable: boolean
  /** The card form is ready (fields shown). */
  ready: boolean
}) {
  const id = useId()
  const [cardId, setCardId] = useState('')
  const [status, setStatus] = useState('')
  const card = TEST_CARDS.find((c) => c.id === cardId)
  const expiry = testCardExpiry()

  const fill = (chosen: string) => {
    setCardId(chosen)
    const picked = TEST_CARDS.find((c) => c.id === chosen)
    if (!picked) return setStatus('')
    if (!fillable) return setStatus('')
    const target = frame.current?.contentWindow
    if (!target || !ready)
      return setStatus('The card form is not ready yet; choose the card again once it is.')
    const message: FillTestCardMessage = {
      protocol: PROTOCOL,
      type: 'fillTestCard',
      values: testCardValues(picked),
    }
    target.postMessage(message, origin)
    setStatus(
      `Filled ${picked.brand} ${groupedNumber(picked.number)}, expiry ${expiry}${picked.cvv ? `, CVV ${TEST_CARD_CVV}` : ''}. Submit the form to get a single-use token.`,
    )
  }

  return (
    <div className="test-card" data-testid="test-card">
      <div className="field">
        <label htmlFor={`${id}-card`}>Test card</label>
        <select
          id={`${id}-card`}
          value={cardId}
          onChange={(event) => fill(event.target.value)}
          aria-describedby={`${id}-card-help`}
        >
          <option value="">{fillable ? 'Choose a card to fill the form…' : 'Choose a card to copy…'}</option>
          {TEST_CARDS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.brand} {groupedNumber(c.number)}
            </option>
          ))}
        </select>
      </div>
      {card && !fillable && (
        <p className="test-card-copy">
          <code>{groupedNumber(card.number)}</code> <CopyButton value={card.number} what="card number" />{' '}
          <span className="muted">
            expiry {expiry}
            {card.cvv ? `, any CVV (e.g. ${TEST_CARD_CVV})` : ', no CVV'}
          </span>
        </p>
      )}
      <p id={`${id}-card-help`} className="help" role="status">
        {status ||
          (fillable
            ? 'Payroc’s UAT test cards; the sandbox’s card form is filled in one click.'
            : 'Payroc’s card fields cannot be filled from outside: copy the number and type it into the form.')}
      </p>
    </div>
  )
}
