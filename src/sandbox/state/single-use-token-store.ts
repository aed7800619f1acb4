/**
 * Single-use tokens: issued by the simulated library's submit (card checked, never kept in full), consumed once
 * by a secure-token call on the same terminal.
 */
import type { ProblemError, Scenario } from '../../shared/payroc'
import { cardType, expiryInPast, luhnValid, maskCardNumber, parseExpiry } from '../card-checks'
import type { ExpiringStore } from './expiring-store'
import { newSingleUseToken } from './random-tokens'
import { SandboxInputError } from './sandbox-input-error'
import type { SessionLookup } from './session-store'

export interface CardInput {
  cardholderName: string
  cardNumber: string
  expiryDate: string
}

export interface CardSource {
  type: 'card'
  cardholderName: string
  /** Masked: first 6 … last 4. The full number is never kept. */
  cardNumber: string
  expiryDate: string
  cardType: string
}

/** A bank account from a Hosted Fields ACH or PAD form (account number masked: last 4 only). */
export interface BankSource {
  type: 'ach' | 'pad'
  nameOnAccount: string
  accountNumber: string
  /** ACH: routingNumber and accountType; PAD: transitNumber and institutionNumber. */
  routingNumber?: string
  accountType?: 'checking' | 'savings'
  transitNumber?: string
  institutionNumber?: string
}

export type TokenSource = CardSource | BankSource

export interface SingleUseTokenRecord {
  token: string
  sessionToken: string
  processingTerminalId: string
  scenario: Scenario
  secureTokenId?: string
  source: TokenSource
  /** The merchant (API key id) whose session minted it, when known. */
  apiKeyId?: string
  createdAt: number
  expiresAt: number
  usedAt?: number
  /**
   * Minted by POST /processing-terminals/{id}/single-use-tokens (no browser, no session): usable for secure
   * tokens and payments alike (`scenario` is then only nominal).
   */
  sessionless?: boolean
}

/** What a single-use token is spent on: saving / updating a secure token, or a payment (card or bank transfer). */
export type SingleUseTokenUse = 'secure-token' | 'payment'

/**
 * Checks the session (as looked up) and the card (Luhn, expiry) and stores a token valid for `ttlSeconds`.
 * Throws SandboxInputError naming every bad parameter.
 */
export function issueSingleUseToken(
  store: ExpiringStore<SingleUseTokenRecord>,
  found: SessionLookup,
  card: CardInput,
  ttlSeconds: number,
  now: number,
): SingleUseTokenRecord {
  const errors: ProblemError[] = []
  if (found.status !== 'ok') {
    errors.push({
      parameter: 'sessionToken',
      detail:
        found.status === 'expired'
          ? 'The session token has expired.'
          : 'The provided session token is invalid.',
      message: found.status === 'expired' ? 'Session token expired' : 'Invalid session token',
    })
  }
  const name = card.cardholderName.trim()
  if (name.length === 0 || name.length > 100) {
    errors.push({
      parameter: 'cardholderName',
      detail: 'cardholderName must be 1 to 100 characters',
      message: 'Invalid cardholder name',
    })
  }
  const digits = card.cardNumber.replace(/[\s-]/g, '')
  if (!luhnValid(digits)) {
    errors.push({
      parameter: 'cardNumber',
      detail: 'cardNumber must be 12 to 19 digits and pass the Luhn check',
      message: 'Invalid card number',
    })
  }
  const expiry = parseExpiry(card.expiryDate)
  if (!expiry || expiryInPast(expiry, now)) {
    errors.push({
      parameter: 'expiryDate',
      detail: expiry ? 'The card has expired' : 'expiryDate must be MM/YY',
      message: 'Invalid expiry date',
    })
  }
  if (errors.length > 0 || found.status !== 'ok' || !expiry) throw new SandboxInputError(errors)
  const session = found.session
  const record: SingleUseTokenRecord = {
    token: newSingleUseToken(),
    sessionToken: session.token,
    processingTerminalId: session.processingTerminalId,
    scenario: session.scenario,
    source: {
      type: 'card',
      cardholderName: name,
      cardNumber: maskCardNumber(digits),
      expiryDate: `${String(expiry.month).padStart(2, '0')}${String(expiry.year % 100).padStart(2, '0')}`,
      cardType: cardType(digits),
    },
    createdAt: now,
    expiresAt: now + ttlSeconds * 1000,
  }
  if (session.secureTokenId !== undefined) record.secureTokenId = session.secureTokenId
  store.set(record.token, record)
  return record
}

/**
 * Consumes a token for a call on `processingTerminalId`. Used twice, expired, unknown, from another terminal,
 * or (for a secure token) from a payment session → SandboxInputError on `token`. A payment takes a token of
 * either scenario.
 */
export function consumeSingleUseToken(
  store: ExpiringStore<SingleUseTokenRecord>,
  token: string,
  processingTerminalId: string,
  now: number,
  use: SingleUseTokenUse = 'secure-token',
): SingleUseTokenRecord {
  const record = store.peek(token)
  const fail = (detail: string): never => {
    throw new SandboxInputError([{ parameter: 'token', detail, message: 'Invalid single-use token' }])
  }
  if (!record) return fail('The single-use token is not valid.')
  if (record.usedAt !== undefined) return fail('The single-use token has already been used.')
  if (record.expiresAt <= now) return fail('The single-use token has expired.')
  if (record.processingTerminalId !== processingTerminalId) {
    return fail('The single-use token was issued for another processing terminal.')
  }
  if (use === 'secure-token' && record.scenario !== 'tokenization' && record.sessionless !== true) {
    return fail('The single-use token was not issued by a tokenization session.')
  }
  record.usedAt = now
  return record
}
