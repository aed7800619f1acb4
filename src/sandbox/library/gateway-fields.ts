/**
 * POST …/{token}/fields: one field frame posts one value, `{"<field>": "<value>", "type": "<field>"}`. The
 * gateway keeps it on the session until the single-use token is minted. Every accepted field is answered with
 * `info`; the card number's `info` tells the frames the card type, whether the brand has a CVV (Diners and Visa
 * Electron have none) and the terminal's surcharge for it. A card number the gateway does not take is answered
 * with the final `Card type is not supported` 400, which the library shows as the field's validation error.
 */
import { problemType } from '../../shared/payroc'
import { cardType, expiryInPast, luhnValid, parseExpiry } from '../card-checks'
import { json, problemReply, type Reply } from '../problem-replies'
import type { Terminal } from '../terminal-directory'
import { badGatewayRequest, type LiveSession } from './gateway-session'
import { SURCHARGE_DISCLOSURE } from './surcharge-disclosure'

export const CARD_FORM_FIELDS = ['cardholderName', 'cardNumber', 'expiryDate', 'cvv'] as const
export const ACH_FORM_FIELDS = ['nameOnAccount', 'achAccountNumber', 'routingNumber', 'accountType'] as const
export const PAD_FORM_FIELDS = [
  'nameOnAccount',
  'padAccountNumber',
  'institutionNumber',
  'transitNumber',
] as const
/** Every field a frame may post (the submit button never posts). */
export const POSTED_FIELDS: ReadonlySet<string> = new Set([
  ...CARD_FORM_FIELDS,
  ...ACH_FORM_FIELDS,
  ...PAD_FORM_FIELDS,
])

/** Card types without a CVV. */
const NO_CVV = /^(Diners Club|Visa Electron)$/

/** The text of the final card-number refusal (Payroc's own detail text is unconfirmed). */
export const CARD_NOT_ACCEPTED = 'This card number is not valid.'

const cardTypeNotSupported = (detail: string): Reply =>
  problemReply({
    type: problemType('bad-request'),
    title: 'Card type is not supported',
    status: 400,
    detail,
  })

const digits = (min: number, max: number) => (value: string) => new RegExp(`^\\d{${min},${max}}$`).test(value)

/** Checks of the non-card-number fields (the frames check the same before posting). */
const CHECKS: Record<string, { ok: (value: string, now: number) => boolean; message: string }> = {
  cardholderName: {
    ok: (v) => v.trim().length >= 1 && v.trim().length <= 50,
    message: 'cardholderName must be 1 to 50 characters',
  },
  expiryDate: {
    ok: (v, now) => {
      const expiry = /^\d{4}$/.test(v) ? parseExpiry(v) : undefined
      return expiry !== undefined && !expiryInPast(expiry, now)
    },
    message: 'expiryDate must be MMYY and not in the past',
  },
  cvv: { ok: digits(3, 4), message: 'cvv must be 3 or 4 digits' },
  nameOnAccount: {
    ok: (v) => v.trim().length >= 1 && v.trim().length <= 29,
    message: 'nameOnAccount must be 1 to 29 characters',
  },
  achAccountNumber: { ok: digits(4, 17), message: 'achAccountNumber must be 4 to 17 digits' },
  routingNumber: { ok: digits(9, 9), message: 'routingNumber must be 9 digits' },
  accountType: {
    ok: (v) => v === 'checking' || v === 'savings',
    message: 'accountType must be checking or savings',
  },
  padAccountNumber: { ok: digits(7, 12), message: 'padAccountNumber must be 7 to 12 digits' },
  institutionNumber: { ok: digits(3, 3), message: 'institutionNumber must be 3 digits' },
  transitNumber: { ok: digits(5, 5), message: 'transitNumber must be 5 digits' },
}

/** Whether the brand of a (valid) card number takes a CVV. */
export const brandHasCvv = (cardNumber: string): boolean => !NO_CVV.test(cardType(cardNumber))

function cardNumberInfo(cardNumber: string, terminal: Terminal): Record<string, unknown> {
  const percentage = terminal.surchargePercentage
  return {
    cardType: cardType(cardNumber),
    showCvv: brandHasCvv(cardNumber),
    surcharging:
      percentage !== undefined && percentage > 0
        ? { percentage, disclosure: SURCHARGE_DISCLOSURE(percentage) }
        : null,
  }
}

/** The body as `{type, value}`, or a problem naming what is wrong. */
function parsePosted(body: string): { type: string; value: string } | Reply {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return badGatewayRequest('body', 'The body must be a JSON object.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return badGatewayRequest('body', 'The body must be a JSON object.')
  }
  const record = parsed as Record<string, unknown>
  const type = record['type']
  if (typeof type !== 'string' || !POSTED_FIELDS.has(type)) {
    return badGatewayRequest('type', `type must be one of ${[...POSTED_FIELDS].join(', ')}`)
  }
  const value = record[type]
  if (typeof value !== 'string' || value.length > 100) {
    return badGatewayRequest(type, `${type} must be a string of at most 100 characters`)
  }
  return { type, value }
}

/** Stores one posted field on the session and answers it. */
export function postField(live: LiveSession, body: string, now: number): Reply {
  const posted = parsePosted(body)
  if ('status' in posted) return posted
  const { type, value } = posted
  let info: Record<string, unknown> = {}
  if (type === 'cardNumber') {
    if (!luhnValid(value)) return cardTypeNotSupported(CARD_NOT_ACCEPTED)
    info = cardNumberInfo(value, live.terminal)
  } else {
    const check = CHECKS[type]
    if (check && !check.ok(value, now)) return badGatewayRequest(type, check.message)
  }
  live.session.postedFields = {
    ...live.session.postedFields,
    [type]: type === 'cardholderName' || type === 'nameOnAccount' ? value.trim() : value,
  }
  return json(200, { info })
}
