/**
 * Card payments and bank-transfer payments, with the life cycle Payroc describes: a pre-authorization
 * (autoCapture false) is `pending` until captured; a sale or a captured payment is `ready` (in the open batch)
 * and can be reversed, fully or partly; once its batch closes (the control API's POST /__sandbox/batches/close)
 * it is `complete` (settled) and can only be refunded, up to what is left. A declined payment takes no follow-up.
 * Every state change that Payroc would refuse throws a SandboxInputError naming the parameter.
 */
import { SANDBOX_FORCED_OUTCOMES, type PayrocCustomer, type ProblemError } from '../../shared/payroc'
import type { ExpiringStore } from './expiring-store'
import { newApprovalCode, newResourceId } from './random-tokens'
import { SandboxInputError } from './sandbox-input-error'

/** pending = authorized, not captured; ready = captured, open batch; complete = settled. */
export type PaymentState = 'pending' | 'ready' | 'complete' | 'reversal' | 'declined'
export type PaymentKind = 'card' | 'bankTransfer'

export interface PaymentCardDetails {
  type: string
  entryMethod: 'keyed'
  cardholderName: string
  /** Masked: first 6 … last 4. */
  cardNumber: string
  /** MMYY. */
  expiryDate: string
  secureToken?: SavedTokenSummary
}

export interface PaymentBankAccount {
  type: 'ach' | 'pad'
  secCode?: string
  nameOnAccount: string
  accountNumber: string
  routingNumber?: string
  transitNumber?: string
  institutionNumber?: string
  secureToken?: SavedTokenSummary
}

/** The secure token a payment used or saved (credentialOnFile.tokenize), as the payment reports it. */
export interface SavedTokenSummary {
  secureTokenId: string
  customerName: string
  token: string
  status: string
  href: string
}

export interface RefundEntry {
  refundId: string
  dateTime: string
  currency: string
  /** As the spec's example shows a refund: a negative amount. */
  amount: number
  status: string
  responseCode: string
  responseMessage: string
}

export interface PaymentRecord {
  paymentId: string
  kind: PaymentKind
  processingTerminalId: string
  apiKeyId: string
  operator?: string
  order: { orderId: string; dateTime: string; description?: string; amount: number; currency: string }
  customer?: PayrocCustomer
  customFields?: { name: string; value: string }[]
  card?: PaymentCardDetails
  bankAccount?: PaymentBankAccount
  state: PaymentState
  authorizedAmount: number
  approvalCode?: string
  responseCode: string
  responseMessage: string
  processorResponseCode: string
  refunds: RefundEntry[]
  /** Total refunded so far (positive). */
  refunded: number
  createdAt: number
  /** Payments do not expire; the store's count cap bounds them. */
  expiresAt: number
}

/** The sandbox's forced outcomes of a sale, by the amount's last two digits in minor units (SANDBOX_FORCED_OUTCOMES). */
export type ForcedOutcome =
  | { kind: 'approved' }
  | { kind: 'declined'; processorResponseCode: string; responseMessage: string }
  | { kind: 'error' }
  | { kind: 'slow' }

export function forcedOutcome(amount: number): ForcedOutcome {
  const ending = String(Math.abs(amount) % 100).padStart(2, '0')
  const forced = SANDBOX_FORCED_OUTCOMES.find((entry) => entry.ending === ending)
  if (!forced) return { kind: 'approved' }
  if (forced.outcome === 'declined') {
    return {
      kind: 'declined',
      processorResponseCode: forced.processorResponseCode,
      responseMessage: forced.responseMessage,
    }
  }
  return { kind: forced.outcome }
}

export interface NewPayment {
  kind: PaymentKind
  processingTerminalId: string
  apiKeyId: string
  operator?: string
  order: { orderId: string; description?: string; amount: number; currency: string }
  customer?: PayrocCustomer
  customFields?: { name: string; value: string }[]
  card?: PaymentCardDetails
  bankAccount?: PaymentBankAccount
  /** false: a pre-authorization (card payments only). */
  autoCapture: boolean
  outcome: ForcedOutcome
}

/** Creates and stores a payment with its outcome (approved or declined). */
export function createPayment(
  store: ExpiringStore<PaymentRecord>,
  input: NewPayment,
  now: number,
): PaymentRecord {
  const declined = input.outcome.kind === 'declined' ? input.outcome : undefined
  const record: PaymentRecord = {
    paymentId: newResourceId(),
    kind: input.kind,
    processingTerminalId: input.processingTerminalId,
    apiKeyId: input.apiKeyId,
    order: { ...input.order, dateTime: new Date(now).toISOString() },
    state: declined ? 'declined' : input.autoCapture ? 'ready' : 'pending',
    authorizedAmount: declined ? 0 : input.order.amount,
    responseCode: declined ? 'D' : 'A',
    responseMessage: declined ? declined.responseMessage : input.kind === 'card' ? 'APPROVAL' : 'NoError',
    processorResponseCode: declined ? declined.processorResponseCode : input.kind === 'card' ? '00' : '0',
    refunds: [],
    refunded: 0,
    createdAt: now,
    expiresAt: Number.POSITIVE_INFINITY,
  }
  if (!declined && input.kind === 'card') record.approvalCode = newApprovalCode()
  if (input.operator !== undefined) record.operator = input.operator
  if (input.customer !== undefined) record.customer = input.customer
  if (input.customFields !== undefined) record.customFields = input.customFields
  if (input.card !== undefined) record.card = input.card
  if (input.bankAccount !== undefined) record.bankAccount = input.bankAccount
  store.set(record.paymentId, record)
  return record
}

/** The payment when it exists, is of `kind` and belongs to the API key `apiKeyId`. */
export function findPayment(
  store: ExpiringStore<PaymentRecord>,
  paymentId: string,
  kind: PaymentKind,
  apiKeyId: string,
): PaymentRecord | undefined {
  const record = store.get(paymentId)
  return record && record.kind === kind && record.apiKeyId === apiKeyId ? record : undefined
}

const refuse = (parameter: string, detail: string): never => {
  const error: ProblemError = { parameter, detail, message: `Invalid ${parameter}` }
  throw new SandboxInputError([error])
}

/** Why `record` cannot take a follow-up, in Payroc's words for its state; undefined when it can. */
function closed(record: PaymentRecord): string | undefined {
  if (record.state === 'declined') return 'The payment was declined; there is nothing to follow up.'
  if (record.state === 'reversal') return 'The payment has already been reversed.'
  return undefined
}

/** Capture: a pending pre-authorization becomes ready (for `amount`, at most the authorized amount). */
export function capturePayment(record: PaymentRecord, amount: number | undefined): PaymentRecord {
  const why = closed(record)
  if (why) return refuse('paymentId', why)
  if (record.state === 'complete')
    return refuse('paymentId', 'The payment is settled; it cannot be captured.')
  if (amount !== undefined && amount > record.authorizedAmount) {
    return refuse('amount', `amount must not exceed the authorized amount (${record.authorizedAmount}).`)
  }
  // A sale (autoCapture) is captured already: capturing it again changes nothing, as Payroc's example shows.
  if (record.state === 'pending') {
    if (amount !== undefined) {
      record.authorizedAmount = amount
      record.order.amount = amount
    }
    record.state = 'ready'
  }
  return record
}

/**
 * Reverse (void) while the payment is in the open batch: the whole payment, or part of a card payment
 * (`amount` below the authorized amount). Settled → refund instead; reversed twice → refused.
 */
export function reversePayment(record: PaymentRecord, amount: number | undefined): PaymentRecord {
  const why = closed(record)
  if (why) return refuse('paymentId', why)
  if (record.state === 'complete') {
    return refuse('paymentId', 'The payment is settled (its batch is closed); refund it instead.')
  }
  if (amount !== undefined && amount > record.authorizedAmount) {
    return refuse('amount', `amount must not exceed the authorized amount (${record.authorizedAmount}).`)
  }
  if (amount === undefined || amount === record.authorizedAmount) {
    record.state = 'reversal'
  } else {
    record.authorizedAmount -= amount
  }
  return record
}

/** Refund a settled payment, up to what has not been refunded yet. In the open batch → reverse instead. */
export function refundPayment(
  record: PaymentRecord,
  amount: number,
  now: number,
): { record: PaymentRecord; refund: RefundEntry } {
  const why = closed(record)
  if (why) return refuse('paymentId', why)
  if (record.state !== 'complete') {
    return refuse(
      'paymentId',
      'The payment is not settled yet (its batch is open); reverse it instead, or refund it once the batch closes.',
    )
  }
  const left = record.authorizedAmount - record.refunded
  if (amount > left) return refuse('amount', `amount must not exceed what is left to refund (${left}).`)
  const refund: RefundEntry = {
    refundId: newResourceId(),
    dateTime: new Date(now).toISOString(),
    currency: record.order.currency,
    amount: -amount,
    status: 'ready',
    responseCode: 'A',
    responseMessage: 'Transaction refunded',
  }
  record.refunds.push(refund)
  record.refunded += amount
  return { record, refund }
}

/** Closes the batch: every ready payment (of the terminal, when given) is settled. Returns how many. */
export function closeBatch(store: ExpiringStore<PaymentRecord>, processingTerminalId?: string): number {
  let settled = 0
  for (const record of store.values()) {
    if (record.state !== 'ready') continue
    if (processingTerminalId !== undefined && record.processingTerminalId !== processingTerminalId) continue
    record.state = 'complete'
    settled++
  }
  return settled
}

/** The follow-ups the sandbox offers for the payment's state (the spec's supportedOperations values). */
export function supportedOperations(record: PaymentRecord): string[] {
  switch (record.state) {
    case 'pending':
      return ['capture', 'fullyReverse', 'partiallyReverse']
    case 'ready':
      return record.kind === 'card' ? ['capture', 'fullyReverse', 'partiallyReverse'] : ['fullyReverse']
    case 'complete':
      return record.refunded < record.authorizedAmount ? ['refund'] : []
    default:
      return []
  }
}
