/**
 * What card and bank-transfer payment routes share: the answer bodies (as the spec's payment and
 * bank-transfer payment schemas have them), the GET of one payment, and the follow-up runner (capture /
 * reverse / refund: checks, idempotency, 404, the state change). The sale itself: sale-payment.ts.
 */
import type { z } from 'zod'
import type { ProblemError } from '../../shared/payroc'
import { parseExpiry, starredAccountNumber } from '../card-checks'
import { json, problem, validationProblem, type Reply } from '../problem-replies'
import type { SandboxRouteRequest } from '../sandbox-types'
import {
  findPayment,
  type PaymentBankAccount,
  type PaymentCardDetails,
  type PaymentKind,
  type PaymentRecord,
  type SavedTokenSummary,
  supportedOperations as supportedOperationsOf,
} from '../state/payment-ledger'
import type { SecureTokenRecord } from '../state/secure-token-store'
import type { TokenSource } from '../state/single-use-token-store'
import { answeringInputErrors, checkPathId, parseBody, readChecks, writeChecks } from './gateway-checks'
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
