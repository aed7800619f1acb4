/**
 * What a card sale and a bank-transfer sale share: the payment method it is paid with (a single-use token or a
 * saved secure token, with credentialOnFile.tokenize saving one during the sale), the checks after the
 * terminal's (tokenize, forced outcome), and the secure token it answers with. The answer bodies, the GET and
 * the follow-ups: payment-replies.ts.
 */
import type { CredentialOnFileRequest, PaymentMethodRequest } from '../../shared/payroc'
import { forbidden, problem, resourceAlreadyExists, type Reply } from '../problem-replies'
import { delay } from '../sandbox-http'
import type { SandboxRouteRequest } from '../sandbox-types'
import type { Terminal } from '../terminal-directory'
import { forcedOutcome, type ForcedOutcome, type SavedTokenSummary } from '../state/payment-ledger'
import { newSecureTokenNumber, newToken } from '../state/random-tokens'
import { SandboxInputError } from '../state/sandbox-input-error'
import {
  findSecureToken,
  findSecureTokenByNumber,
  putSecureToken,
  wasDeleted,
  type SecureTokenRecord,
} from '../state/secure-token-store'
import type { TokenSource } from '../state/single-use-token-store'
import { terminalResource, type Caller } from './gateway-checks'
import { secureTokenUrl, summaryOf } from './payment-replies'

const tokenProblem = (detail: string): never => {
  throw new SandboxInputError([{ parameter: 'token', detail, message: 'Invalid token' }])
}

/** What a sale is paid with, once the token is checked (single-use: consumed). */
export interface PaidWith {
  source: TokenSource
  /** The secure token used (paymentMethod secureToken) or saved (credentialOnFile.tokenize). */
  secureToken?: SecureTokenRecord
  /** The single-use token's preset secureTokenId (a tokenization session opened with one). */
  presetSecureTokenId?: string
}

/**
 * Checks, before anything is consumed, that a secure token saved during the sale would not clash with an
 * existing or deleted id: the 409 Payroc documents for payments.
 */
function tokenizeConflict(
  ctx: SandboxRouteRequest,
  terminalId: string,
  caller: Caller,
  credentialOnFile: CredentialOnFileRequest | undefined,
): Reply | undefined {
  const id = credentialOnFile?.tokenize === true ? credentialOnFile.secureTokenId : undefined
  if (id === undefined || id === '') return undefined
  const { state } = ctx
  if (
    findSecureToken(state.secureTokens, terminalId, id, caller.apiKeyId) ||
    wasDeleted(state.deletedSecureTokens, terminalId, id, caller.apiKeyId)
  ) {
    return resourceAlreadyExists(
      secureTokenUrl(ctx, terminalId, id),
      'credentialOnFile.secureTokenId',
      `A secure token with secureTokenId ${id} already exists or was deleted.`,
    )
  }
  return undefined
}

/**
 * Resolves the payment method: a single-use token (consumed; used twice or expired → 400 on `token`) or the
 * caller's secure token on the terminal (unknown → 400 on `token`). `accepts` says which sources the call
 * takes (cards for /payments, ACH or PAD for bank transfers). Throws SandboxInputError.
 */
export function resolvePaymentMethod(
  ctx: SandboxRouteRequest,
  terminalId: string,
  caller: Caller,
  method: PaymentMethodRequest,
  accepts: readonly TokenSource['type'][],
  what: string,
): PaidWith {
  const { state } = ctx
  if (method.type === 'secureToken') {
    const saved = findSecureTokenByNumber(state.secureTokens, method.token, caller.apiKeyId, terminalId)
    if (!saved) return tokenProblem('No secure token with this token on the processing terminal.')
    if (!accepts.includes(saved.source.type)) {
      return tokenProblem(
        `The secure token holds ${saved.source.type} details; ${what} takes ${accepts.join(' or ')}.`,
      )
    }
    return { source: saved.source, secureToken: saved }
  }
  // Peek first so a token of the wrong kind is refused without being used up.
  const peeked = state.singleUseTokens.peek(method.token)
  if (peeked && !accepts.includes(peeked.source.type) && peeked.usedAt === undefined) {
    return tokenProblem(
      `The single-use token holds ${peeked.source.type} details; ${what} takes ${accepts.join(' or ')}.`,
    )
  }
  const single = state.consumeSingleUseToken(method.token, terminalId, 'payment')
  return {
    source: single.source,
    ...(single.secureTokenId !== undefined ? { presetSecureTokenId: single.secureTokenId } : {}),
  }
}

/** Saves the sale's payment details as a secure token (credentialOnFile.tokenize). */
function saveDuringSale(
  ctx: SandboxRouteRequest,
  terminalId: string,
  caller: Caller,
  paid: PaidWith,
  credentialOnFile: CredentialOnFileRequest,
): SecureTokenRecord {
  const requested = credentialOnFile.secureTokenId
  const id =
    requested !== undefined && requested !== ''
      ? requested
      : (paid.presetSecureTokenId ?? `MREF_${newToken().slice(0, 24)}`)
  return putNewSecureToken(ctx, terminalId, caller, id, paid.source, credentialOnFile.mitAgreement)
}

/**
 * Stores a new secure token of `source` for the caller on the terminal (status notValidated, never expiring):
 * POST …/secure-tokens and a sale's credentialOnFile.tokenize.
 */
export function putNewSecureToken(
  ctx: SandboxRouteRequest,
  terminalId: string,
  caller: Caller,
  secureTokenId: string,
  source: TokenSource,
  mitAgreement: string | undefined,
): SecureTokenRecord {
  const { state } = ctx
  const now = state.now()
  const record: SecureTokenRecord = {
    secureTokenId,
    processingTerminalId: terminalId,
    token: newSecureTokenNumber(),
    status: 'notValidated',
    source: { ...source },
    apiKeyId: caller.apiKeyId,
    createdAt: now,
    updatedAt: now,
    expiresAt: Number.POSITIVE_INFINITY,
  }
  if (mitAgreement !== undefined) record.mitAgreement = mitAgreement
  putSecureToken(state.secureTokens, record)
  state.counters.secureTokensCreated++
  return record
}

/** A sale's request (card or bank transfer), as far as the shared sale checks read it. */
export interface SaleRequest {
  paymentMethod: PaymentMethodRequest
  credentialOnFile?: CredentialOnFileRequest | undefined
  order: { amount: number }
}

/** What the sale checks settled: whether a secure token is saved during the sale, and the forced outcome. */
export interface SaleChecked {
  tokenize: boolean
  outcome: ForcedOutcome
}

/**
 * A sale's checks after the terminal's: credentialOnFile.tokenize (with a single-use token) needs secure tokens
 * on the terminal (403) and a secureTokenId that does not clash (409); then the forced outcome by amount (03 →
 * 500; 04 → answered after config slowOutcomeMs).
 */
export async function saleChecks(
  ctx: SandboxRouteRequest,
  terminalId: string,
  terminal: Terminal,
  caller: Caller,
  body: SaleRequest,
): Promise<Reply | SaleChecked> {
  const tokenize = body.credentialOnFile?.tokenize === true && body.paymentMethod.type === 'singleUseToken'
  if (tokenize && !terminal.tokenization) {
    return forbidden(
      ctx.path,
      terminalResource(terminalId),
      'Secure tokens are not enabled for this processing terminal (credentialOnFile.tokenize).',
    )
  }
  const conflict = tokenize ? tokenizeConflict(ctx, terminalId, caller, body.credentialOnFile) : undefined
  if (conflict) return conflict
  const outcome = forcedOutcome(body.order.amount)
  if (outcome.kind === 'error')
    return problem(500, 'Forced outcome: amounts ending in 03 fail in the sandbox.')
  if (outcome.kind === 'slow') await delay(ctx.state.config.slowOutcomeMs)
  return { tokenize, outcome }
}

/**
 * The secure token a sale answers with: the one it was paid with, or one saved during it
 * (credentialOnFile.tokenize; not on a decline).
 */
export function saleSecureToken(
  ctx: SandboxRouteRequest,
  terminalId: string,
  caller: Caller,
  paid: PaidWith,
  body: SaleRequest,
  sale: SaleChecked,
): SavedTokenSummary | undefined {
  if (paid.secureToken) return summaryOf(ctx, paid.secureToken)
  if (sale.tokenize && body.credentialOnFile && sale.outcome.kind !== 'declined') {
    return summaryOf(ctx, saveDuringSale(ctx, terminalId, caller, paid, body.credentialOnFile))
  }
  return undefined
}
