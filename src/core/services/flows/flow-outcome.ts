/**
 * The gateway's payment answers in the console's words: a card payment or a bank-transfer payment becomes one
 * PaymentOutcome with a verdict a person reads at a glance (approved / declined, with the transactionResult's
 * status, response code and message). Pure.
 */
import type { PaymentOperation, PaymentOutcome } from '../../../shared/contract'
import type { BankTransferPayment, Payment } from '../../../shared/payroc'

const OPERATION_WORDS: Record<PaymentOperation, string> = {
  sale: 'sale',
  capture: 'capture',
  reverse: 'reversal',
  refund: 'refund',
  'bank-transfer': 'bank transfer payment',
  'bank-transfer:reverse': 'bank transfer reversal',
  'bank-transfer:refund': 'bank transfer refund',
}

/** 1000 USD → "10.00 USD" (two decimals; the few zero- or three-decimal currencies are shown the same way). */
export function formatAmount(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency}`
}

/** A, and P (partial approval), are approvals; everything else (D, E, R, C) is not. */
export const isApproved = (responseCode: string): boolean => responseCode === 'A' || responseCode === 'P'

export function paymentVerdict(
  operation: PaymentOperation,
  amount: number,
  currency: string,
  result: { status: string; responseCode: string; responseMessage?: string | undefined },
): string {
  const facts = [result.status, result.responseCode, result.responseMessage].filter(Boolean).join(', ')
  const what = `${OPERATION_WORDS[operation]} of ${formatAmount(amount, currency)}`
  return isApproved(result.responseCode) ? `Approved: ${what} (${facts}).` : `Declined: ${what} (${facts}).`
}

type Exchange = Pick<PaymentOutcome, 'idempotencyKey' | 'attempts' | 'durationMs' | 'journalId'>

/**
 * What the verdict is about: a refund's own entry (the answer is the payment, its refunds[] newest last) with its
 * amount, else the payment's transactionResult with the amount this call asked for (a partial capture or
 * reversal) or the order's.
 */
function verdictSource(
  operation: PaymentOperation,
  answer: Payment | BankTransferPayment,
  operationAmount: number | undefined,
): { amount: number; status: string; responseCode: string; responseMessage?: string | undefined } {
  const refund =
    operation === 'refund' || operation === 'bank-transfer:refund' ? answer.refunds?.at(-1) : undefined
  if (refund)
    return {
      amount: operationAmount ?? Math.abs(refund.amount),
      status: refund.status,
      responseCode: refund.responseCode,
      responseMessage: refund.responseMessage,
    }
  const result = answer.transactionResult
  return {
    amount: operationAmount ?? answer.order.amount,
    status: result.status,
    responseCode: result.responseCode,
    responseMessage: result.responseMessage,
  }
}

function common(
  environmentId: string,
  operation: PaymentOperation,
  answer: Payment | BankTransferPayment,
  exchange: Exchange,
  operationAmount?: number,
): Omit<PaymentOutcome, 'paymentMethod' | 'secureToken'> {
  const result = answer.transactionResult
  const about = verdictSource(operation, answer, operationAmount)
  return {
    environmentId,
    operation,
    paymentId: answer.paymentId,
    processingTerminalId: answer.processingTerminalId,
    orderId: answer.order.orderId,
    amount: answer.order.amount,
    currency: answer.order.currency,
    approved: isApproved(about.responseCode),
    verdict: paymentVerdict(operation, about.amount, answer.order.currency, about),
    transactionResult: {
      ...(result.type !== undefined ? { type: result.type } : {}),
      status: result.status,
      responseCode: result.responseCode,
      ...(result.responseMessage !== undefined ? { responseMessage: result.responseMessage } : {}),
      ...(result.processorResponseCode !== undefined
        ? { processorResponseCode: result.processorResponseCode }
        : {}),
      ...('approvalCode' in result && typeof result.approvalCode === 'string'
        ? { approvalCode: result.approvalCode }
        : {}),
      ...(result.authorizedAmount !== undefined ? { authorizedAmount: result.authorizedAmount } : {}),
      ...(result.currency !== undefined ? { currency: result.currency } : {}),
    },
    supportedOperations:
      'supportedOperations' in answer && Array.isArray(answer.supportedOperations)
        ? answer.supportedOperations.filter((op): op is string => typeof op === 'string')
        : [],
    ...(answer.refunds
      ? {
          refunds: answer.refunds.map((refund) => ({
            refundId: refund.refundId,
            amount: refund.amount,
            status: refund.status,
          })),
        }
      : {}),
    ...exchange,
  }
}

/**
 * `tokenized`: this call saved the payment method (credentialOnFile.tokenize), so the secure token the answer
 * reports is this flow's product and goes out in full; otherwise (a sale with a saved token, a follow-up) it
 * is left out — full values leave only the flow that produced them.
 */
export function cardPaymentOutcome(
  environmentId: string,
  operation: PaymentOperation,
  answer: Payment,
  exchange: Exchange,
  tokenized = false,
  operationAmount?: number,
): PaymentOutcome {
  const saved = tokenized ? answer.card.secureToken : undefined
  return {
    ...common(environmentId, operation, answer, exchange, operationAmount),
    paymentMethod: {
      type: 'card',
      masked: answer.card.cardNumber,
      cardType: answer.card.type,
    },
    ...(saved ? { secureToken: { secureTokenId: saved.secureTokenId, token: saved.token } } : {}),
  }
}

export function bankTransferOutcome(
  environmentId: string,
  operation: PaymentOperation,
  answer: BankTransferPayment,
  exchange: Exchange,
  tokenized = false,
  operationAmount?: number,
): PaymentOutcome {
  const account = answer.bankAccount
  const saved = tokenized ? account.secureToken : undefined
  return {
    ...common(environmentId, operation, answer, exchange, operationAmount),
    paymentMethod: {
      type: account.type,
      masked: account.accountNumber,
      nameOnAccount: account.nameOnAccount,
    },
    ...(saved ? { secureToken: { secureTokenId: saved.secureTokenId, token: saved.token } } : {}),
  }
}
