/**
 * POST …/{token}/single-use-tokens (no body): mints a single-use token from the fields the frames posted on
 * this session, stores it in the sandbox's single-use token store (scoped to the session's terminal and
 * merchant, usable by payments and secure tokens) and uses the session up. A retry with the same
 * Idempotency-Key gets the same answer again.
 */
import { cardType, maskAccountNumber, maskCardNumber } from '../card-checks'
import { JSON_CONTENT_TYPE, type Reply } from '../problem-replies'
import { newSingleUseToken } from '../state/random-tokens'
import type { SandboxState } from '../state/sandbox-state'
import type { SingleUseTokenRecord, TokenSource } from '../state/single-use-token-store'
import { ACH_FORM_FIELDS, brandHasCvv, CARD_FORM_FIELDS, PAD_FORM_FIELDS } from './gateway-fields'
import { badGatewayRequest, cvvPolicyOf, invalidSession, type LiveSession } from './gateway-session'

type Posted = Record<string, string>

/** The form the posted fields belong to, its required fields, and the source they make. */
function sourceOf(posted: Posted, live: LiveSession): { missing: string[]; source?: TokenSource } {
  const missing = (fields: readonly string[]) => fields.filter((field) => posted[field] === undefined)
  if (posted['achAccountNumber'] !== undefined || posted['routingNumber'] !== undefined) {
    const absent = missing(ACH_FORM_FIELDS)
    if (absent.length > 0) return { missing: absent }
    return {
      missing: [],
      source: {
        type: 'ach',
        nameOnAccount: posted['nameOnAccount'] ?? '',
        accountNumber: maskAccountNumber(posted['achAccountNumber'] ?? ''),
        routingNumber: posted['routingNumber'] ?? '',
        accountType: posted['accountType'] === 'savings' ? 'savings' : 'checking',
      },
    }
  }
  if (posted['padAccountNumber'] !== undefined || posted['transitNumber'] !== undefined) {
    const absent = missing(PAD_FORM_FIELDS)
    if (absent.length > 0) return { missing: absent }
    return {
      missing: [],
      source: {
        type: 'pad',
        nameOnAccount: posted['nameOnAccount'] ?? '',
        accountNumber: maskAccountNumber(posted['padAccountNumber'] ?? ''),
        transitNumber: posted['transitNumber'] ?? '',
        institutionNumber: posted['institutionNumber'] ?? '',
      },
    }
  }
  const cardNumber = posted['cardNumber'] ?? ''
  const cvvNeeded = cvvPolicyOf(live.terminal) === 'mandatory' && brandHasCvv(cardNumber)
  const absent = missing(CARD_FORM_FIELDS.filter((field) => field !== 'cvv' || cvvNeeded))
  if (absent.length > 0) return { missing: absent }
  return {
    missing: [],
    source: {
      type: 'card',
      cardholderName: posted['cardholderName'] ?? '',
      cardNumber: maskCardNumber(cardNumber),
      expiryDate: posted['expiryDate'] ?? '',
      cardType: cardType(cardNumber),
    },
  }
}

export function mintSingleUseToken(
  state: SandboxState,
  live: LiveSession,
  idempotencyKey: string | undefined,
): Reply {
  const { session } = live
  if (session.usedAt !== undefined) {
    return session.minted !== undefined && session.minted.idempotencyKey === idempotencyKey
      ? { status: 201, contentType: JSON_CONTENT_TYPE, body: session.minted.body }
      : invalidSession('used')
  }
  const { missing, source } = sourceOf(session.postedFields ?? {}, live)
  if (source === undefined) {
    return badGatewayRequest(missing[0] ?? 'fields', `Not posted yet: ${missing.join(', ')}.`)
  }
  const now = state.now()
  const record: SingleUseTokenRecord = {
    token: newSingleUseToken(),
    sessionToken: session.token,
    processingTerminalId: session.processingTerminalId,
    scenario: session.scenario,
    source,
    apiKeyId: session.apiKeyId,
    createdAt: now,
    expiresAt: now + state.config.singleUseTokenTtlSeconds * 1000,
  }
  if (session.secureTokenId !== undefined) record.secureTokenId = session.secureTokenId
  state.singleUseTokens.set(record.token, record)
  state.counters.singleUseTokensIssued++
  const body = JSON.stringify({
    processingTerminalId: record.processingTerminalId,
    token: record.token,
    expiresAt: new Date(record.expiresAt).toISOString(),
    source,
  })
  session.usedAt = now
  delete session.postedFields
  if (idempotencyKey !== undefined) session.minted = { idempotencyKey, body }
  return { status: 201, contentType: JSON_CONTENT_TYPE, body }
}
