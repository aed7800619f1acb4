/**
 * What card and bank-transfer payment routes share: the answer bodies (as the spec's payment and
 * bank-transfer payment schemas have them), the payment method a sale is paid with (a single-use token or a
 * saved secure token, with credentialOnFile.tokenize saving one during the sale), the sale's checks after the
 * terminal's (tokenize, forced outcome), the GET of one payment, and the follow-up runner (capture / reverse /
 * refund: checks, idempotency, 404, the state change).
 */
import type { z } from 'zod'
import type { CredentialOnFileRequest, PaymentMethodRequest, ProblemError } from '../../shared/payroc'
import { parseExpiry, starredAccountNumber } from '../card-checks'
import {
  forbidden,
  json,
  problem,
  resourceAlreadyExists,
  validationProblem,
  type Reply,
} from '../problem-replies'
import { delay } from '../sandbox-http'
import type { SandboxRouteRequest } from '../sandbox-types'
import type { Terminal } from '../terminal-directory'
import {
  findPayment,
  forcedOutcome,
  type ForcedOutcome,
  type PaymentBankAccount,
  type PaymentCardDetails,
  type PaymentKind,
  type PaymentRecord,
  type SavedTokenSummary,
  supportedOperations as supportedOperationsOf,
} from '../state/payment-ledger'
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
import {
  answeringInputErrors,
  checkPathId,
  parseBody,
  readChecks,
  terminalResource,
  writeChecks,
  type Caller,
} from './gateway-checks'
import { idempotent } from './idempotent-replay'

export const apiUrl = (ctx: SandboxRouteRequest, path: string): string => `${ctx.sandbox.url}/v1${path}`

export const secureTokenUrl = (ctx: SandboxRouteRequest, terminalId: string, id: string): string =>
  apiUrl(
    ctx,
    `/processing-terminals/${encodeURIComponent(terminalId)}/secure-tokens/${encodeURIComponent(id)}`,
  )

const link = (href: string) => ({ rel: 'self', method: 'GET', href })

const tokenSummaryBody = (summary: SavedTokenSummary) => ({
  secureTokenId: summary.secureTokenId,
  customerName: summary.customerName,
  token: summary.token,
  status: summary.status,
  link: link(summary.href),
})

/** The customer name a secure token summary reports (required, 1–50 characters). */
export function customerNameOf(source: TokenSource): string {
  const name = (source.type === 'card' ? source.cardholderName : source.nameOnAccount).trim()
  return name === '' ? 'Not provided' : name.slice(0, 50)
}

/** MMYY from whatever the form posted (MM/YY, MMYY, MM/YYYY). */
export function expiryMmYy(text: string): string {
  const expiry = parseExpiry(text)
  if (!expiry) return text.replace(/\D/g, '').slice(0, 4).padEnd(4, '0')
  return `${String(expiry.month).padStart(2, '0')}${String(expiry.year % 100).padStart(2, '0')}`
}

/** The card a payment reports, from a saved or single-use card source. */
export function paymentCardOf(source: TokenSource & { type: 'card' }): PaymentCardDetails {
  const card: PaymentCardDetails = {
    type: source.cardType,
    entryMethod: 'keyed',
    cardholderName: source.cardholderName.slice(0, 50),
    cardNumber: source.cardNumber,
    expiryDate: expiryMmYy(source.expiryDate),
  }
  return card
}

/** The bank account a bank-transfer payment reports, from an ACH or PAD source. */
export function bankAccountOf(
  source: TokenSource & { type: 'ach' | 'pad' },
  secCode?: string,
): PaymentBankAccount {
  const account: PaymentBankAccount = {
    type: source.type,
    nameOnAccount: source.nameOnAccount,
    accountNumber: starredAccountNumber(source.accountNumber),
  }
  if (source.type === 'ach') {
    account.secCode = secCode ?? 'web'
    account.routingNumber = source.routingNumber ?? ''
  } else {
    account.transitNumber = source.transitNumber ?? ''
    account.institutionNumber = source.institutionNumber ?? ''
  }
  return account
}

function transactionResult(record: PaymentRecord): Record<string, unknown> {
  const result: Record<string, unknown> = {
    type: record.kind === 'card' ? 'sale' : 'payment',
    status: record.state,
    authorizedAmount: record.authorizedAmount,
    currency: record.order.currency,
    responseCode: record.responseCode,
    responseMessage: record.responseMessage,
    processorResponseCode: record.processorResponseCode,
  }
  if (record.approvalCode !== undefined) result.approvalCode = record.approvalCode
  return result
}

function common(ctx: SandboxRouteRequest, record: PaymentRecord): Record<string, unknown> {
  const order: Record<string, unknown> = {
    orderId: record.order.orderId,
    dateTime: record.order.dateTime,
    amount: record.order.amount,
    currency: record.order.currency,
  }
  if (record.order.description !== undefined) order.description = record.order.description
  return {
    paymentId: record.paymentId,
    processingTerminalId: record.processingTerminalId,
    ...(record.operator !== undefined ? { operator: record.operator } : {}),
    order,
    ...(record.customer !== undefined ? { customer: record.customer } : {}),
    ...(record.refunds.length > 0
      ? {
          refunds: record.refunds.map((refund) => ({
            ...refund,
            link: link(apiUrl(ctx, `/refunds/${refund.refundId}`)),
          })),
        }
      : {}),
  }
}

/** The body of a card payment (payment 201, capture / reverse / refund / retrieve 200). */
export function cardPaymentBody(ctx: SandboxRouteRequest, record: PaymentRecord): Record<string, unknown> {
  const card = record.card
  return {
    ...common(ctx, record),
    card: card && {
      type: card.type,
      entryMethod: card.entryMethod,
      ...(card.cardholderName !== '' ? { cardholderName: card.cardholderName } : {}),
      cardNumber: card.cardNumber,
      expiryDate: card.expiryDate,
      ...(card.secureToken ? { secureToken: tokenSummaryBody(card.secureToken) } : {}),
    },
    supportedOperations: supportedOperationsOf(record),
    transactionResult: transactionResult(record),
    ...(record.customFields !== undefined ? { customFields: record.customFields } : {}),
  }
}

/** The body of a bank-transfer payment (201, reverse / refund / retrieve 200). */
export function bankTransferBody(ctx: SandboxRouteRequest, record: PaymentRecord): Record<string, unknown> {
  const account = record.bankAccount
  const { secureToken, ...rest } = account ?? { secureToken: undefined }
  return {
    ...common(ctx, record),
    bankAccount: account && {
      ...rest,
      ...(secureToken ? { secureToken: tokenSummaryBody(secureToken) } : {}),
    },
    transactionResult: transactionResult(record),
    ...(record.customFields !== undefined ? { customFields: record.customFields } : {}),
  }
}

export const paymentBody = (ctx: SandboxRouteRequest, record: PaymentRecord): Record<string, unknown> =>
  record.kind === 'card' ? cardPaymentBody(ctx, record) : bankTransferBody(ctx, record)

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
export function tokenizeConflict(
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
export function saveDuringSale(
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

export function summaryOf(ctx: SandboxRouteRequest, record: SecureTokenRecord): SavedTokenSummary {
  return {
    secureTokenId: record.secureTokenId,
    customerName: customerNameOf(record.source),
    token: record.token,
    status: record.status,
    href: secureTokenUrl(ctx, record.processingTerminalId, record.secureTokenId),
  }
}

const paymentNotFound = (kind: PaymentKind, paymentId: string): Reply =>
  problem(404, `No ${kind === 'card' ? 'payment' : 'bank-transfer payment'} with paymentId ${paymentId}.`)

/** GET of one payment of `kind`: read checks, path validation, 404 for a payment the caller does not have. */
export function getPayment(
  ctx: SandboxRouteRequest,
  kind: PaymentKind,
  paymentIdSchema: z.ZodType<string>,
): Reply {
  const caller = readChecks(ctx)
  if ('status' in caller) return caller
  const errors: ProblemError[] = []
  const paymentId = checkPathId(ctx.params[0] ?? '', 'paymentId', paymentIdSchema, errors)
  if (paymentId === undefined) return validationProblem(errors)
  const record = findPayment(ctx.state.payments, paymentId, kind, caller.apiKeyId)
  if (!record) return paymentNotFound(kind, paymentId)
  return json(200, paymentBody(ctx, record))
}

/**
 * A follow-up on an existing payment (capture, reverse, refund): write checks, path and body validation,
 * idempotency, 404 for a payment the caller does not have, then `change` (which throws SandboxInputError for
 * a change Payroc refuses) → 200 with the payment.
 */
export async function followUp<T>(
  ctx: SandboxRouteRequest,
  kind: PaymentKind,
  schema: z.ZodType<T>,
  paymentIdSchema: z.ZodType<string>,
  change: (record: PaymentRecord, body: T) => void,
  options: { bodyOptional?: boolean } = {},
): Promise<Reply> {
  const checked = writeChecks(ctx, options)
  if ('status' in checked) return checked
  const { caller, key } = checked
  const errors: ProblemError[] = []
  const paymentId = checkPathId(ctx.params[0] ?? '', 'paymentId', paymentIdSchema, errors)
  const text = options.bodyOptional === true && ctx.body.trim() === '' ? '{}' : ctx.body
  const body = parseBody(text, schema, errors)
  if (errors.length > 0 || paymentId === undefined || body === undefined) return validationProblem(errors)
  return idempotent(ctx, caller, key, () => {
    const record = findPayment(ctx.state.payments, paymentId, kind, caller.apiKeyId)
    if (!record) return paymentNotFound(kind, paymentId)
    return answeringInputErrors(() => {
      change(record, body)
      return json(200, paymentBody(ctx, record))
    })
  })
}
