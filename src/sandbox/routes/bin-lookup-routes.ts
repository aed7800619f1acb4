/**
 * POST /cards/bin-lookup: what the gateway knows about a card — type, masked number, country, currency,
 * debit — and, for a terminal that surcharges (seeded: 1234003, 3 %), whether a surcharge applies and how
 * much for the amount given. The card is a keyed card number, a BIN, or a saved secure token (the caller's:
 * on the terminal given first, else on any of its terminals). No Idempotency-Key (the spec takes none): 401 → 415 → 406 → 400 → 403 →
 * 404 (unknown secure token) → 200.
 */
import { BinLookupRequest, type ProblemError } from '../../shared/payroc'
import { cardType, luhnValid, maskCardNumber } from '../card-checks'
import { SURCHARGE_DISCLOSURE } from '../library/surcharge-disclosure'
import { json, problem, validationProblem, type Reply } from '../problem-replies'
import type { SandboxRoute, SandboxRouteRequest } from '../sandbox-types'
import { findSecureTokenByNumber } from '../state/secure-token-store'
import { parseBody, postChecks, terminalForbidden } from './gateway-checks'

const DEBIT_TYPES = new Set(['Visa Debit', 'Debit Mastercard', 'Visa Electron', 'Maestro'])

/** The BIN's type and the masked number it reports, or a problem. */
function cardOf(
  ctx: SandboxRouteRequest,
  body: BinLookupRequest,
  apiKeyId: string,
): { type: string; cardNumber: string } | Reply {
  const { card } = body
  if (card.type === 'card') {
    const digits = card.cardDetails.keyedData.cardNumber
    if (!luhnValid(digits)) {
      return validationProblem([
        {
          parameter: 'card.cardDetails.keyedData.cardNumber',
          detail: 'cardNumber must be 12 to 19 digits and pass the Luhn check',
          message: 'Invalid card number',
        },
      ])
    }
    return { type: cardType(digits), cardNumber: maskCardNumber(digits) }
  }
  if (card.type === 'cardBin') {
    // A BIN alone: the type of the range, the number shown as the BIN followed by masked digits.
    const padded = card.bin.padEnd(16, '0')
    return { type: cardType(padded), cardNumber: `${card.bin}${'*'.repeat(16 - card.bin.length)}` }
  }
  // The terminal's own secure token first, else the merchant's on another terminal (the terminal given is
  // the one whose surcharging applies).
  const store = ctx.state.secureTokens
  const saved =
    findSecureTokenByNumber(store, card.token, apiKeyId, body.processingTerminalId) ??
    findSecureTokenByNumber(store, card.token, apiKeyId)
  if (!saved) return problem(404, 'No secure token with this token.')
  if (saved.source.type !== 'card') {
    return validationProblem([
      {
        parameter: 'card.token',
        detail: 'The secure token holds bank account details, not a card.',
        message: 'Invalid token',
      },
    ])
  }
  return { type: saved.source.cardType, cardNumber: saved.source.cardNumber }
}

function binLookup(ctx: SandboxRouteRequest): Reply {
  const caller = postChecks(ctx)
  if ('status' in caller) return caller
  const errors: ProblemError[] = []
  const body = parseBody(ctx.body, BinLookupRequest, errors)
  if (errors.length > 0 || body === undefined) return validationProblem(errors)
  const terminalId = body.processingTerminalId
  const terminal = terminalId === undefined ? undefined : ctx.state.terminalFor(terminalId, caller.apiKey)
  if (terminalId !== undefined && !terminal) return terminalForbidden(ctx, terminalId)
  const card = cardOf(ctx, body, caller.apiKeyId)
  if ('status' in card) return card
  const percentage = terminal?.surchargePercentage
  const surcharging =
    percentage !== undefined && percentage > 0
      ? {
          allowed: true,
          ...(body.amount !== undefined ? { amount: Math.round((body.amount * percentage) / 100) } : {}),
          percentage,
          disclosure: SURCHARGE_DISCLOSURE(percentage),
        }
      : { allowed: false }
  return json(200, {
    type: card.type,
    cardNumber: card.cardNumber,
    country: 'US',
    currency: body.currency ?? 'USD',
    debit: DEBIT_TYPES.has(card.type),
    healthcare: false,
    surcharging,
  })
}

export const binLookupRoutes: readonly SandboxRoute[] = [
  { method: 'POST', path: /^\/v1\/cards\/bin-lookup$/, group: 'payments', handle: binLookup },
]
