/**
 * Card payments and bank-transfer payments with their follow-ups. Each call: a fresh UUID v4 Idempotency-Key
 * reused on its retries, the 30 s budget, the journal (tokens masked), one History entry with the verdict, the
 * flows' error hints. A secure token named by its Secure token ID is looked up first (its own journal entry).
 */
import type { z } from 'zod'
import type {
  CapturePaymentInput,
  PaymentMethodInput,
  PaymentOperation,
  PaymentOutcome,
  RefundBankTransferInput,
  RefundPaymentInput,
  ReverseBankTransferInput,
  ReversePaymentInput,
  RunBankTransferInput,
  RunPaymentInput,
} from '../../../shared/contract'
import type { EnvironmentInfo } from '../../../shared/environments'
import {
  BankTransferPayment,
  BankTransferPaymentRequest,
  Payment,
  PaymentRequest,
  type PaymentMethodRequest,
} from '../../../shared/payroc'
import { err, ok, validationError, type Result } from '../../../shared/result'
import type { GatewayCall } from '../gateway/gateway-client'
import { CallBudget } from '../gateway/time-budget'
import { flowError, type FlowSubject } from './flow-errors'
import { recordFlow, startFlow, type FlowKind } from './flow-history'
import { bankTransferOutcome, cardPaymentOutcome } from './flow-outcome'
import { fetchSecureToken, type FlowDeps } from './secure-token-admin'

export const DEFAULT_REFUND_DESCRIPTION = 'Refund from the console'

const seg = encodeURIComponent

/** The payment method as the gateway takes it; a Secure token ID is turned into the token's value first. */
async function paymentMethodOf(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: { profile: string; processingTerminalId: string; paymentMethod: PaymentMethodInput },
  secCode: PaymentMethodRequest['secCode'] | undefined,
  budget: CallBudget,
): Promise<Result<PaymentMethodRequest>> {
  const method = input.paymentMethod
  const extra = secCode !== undefined ? { secCode } : {}
  if (method.type === 'singleUseToken') return ok({ type: 'singleUseToken', token: method.token, ...extra })
  if (method.token !== undefined) return ok({ type: 'secureToken', token: method.token, ...extra })
  const saved = await fetchSecureToken(
    deps,
    environment,
    {
      profile: input.profile,
      processingTerminalId: input.processingTerminalId,
      secureTokenId: method.secureTokenId ?? '',
    },
    budget,
  )
  return saved.ok ? ok({ type: 'secureToken', token: saved.value.value.token, ...extra }) : saved
}

interface FlowCall<T> {
  kind: FlowKind
  operation: PaymentOperation
  subject: FlowSubject
  profile: string
  processingTerminalId: string
  secureTokenId?: string
  call: Omit<GatewayCall<T>, 'tokensOf'>
  requestTokens?: string[]
  /** The amount this call is about (a partial capture, reversal or refund); History records it. */
  operationAmount?: number | undefined
  tokensOf: (value: T) => string[]
  outcome: (value: T, exchange: ExchangeMeta) => PaymentOutcome
}
type ExchangeMeta = Pick<PaymentOutcome, 'idempotencyKey' | 'attempts' | 'durationMs' | 'journalId'>

const HISTORY_OPERATION = {
  sale: 'sale',
  capture: 'capture',
  reverse: 'reverse',
  refund: 'refund',
  'bank-transfer': 'bank-transfer',
  'bank-transfer:reverse': 'bank-transfer:reverse',
  'bank-transfer:refund': 'bank-transfer:refund',
} as const

/** Sends one payment call, turns the answer into a PaymentOutcome and records it in History. */
async function runFlow<T>(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  spec: FlowCall<T>,
  started = startFlow(),
  prior?: Result<never>,
  budget?: CallBudget,
): Promise<Result<PaymentOutcome>> {
  const record = {
    kind: spec.kind,
    operation: HISTORY_OPERATION[spec.operation],
    profile: spec.profile,
    processingTerminalId: spec.processingTerminalId,
    ...(spec.secureTokenId !== undefined ? { secureTokenId: spec.secureTokenId } : {}),
    ...started,
  }
  if (prior) {
    await recordFlow(deps, environment, record, prior)
    return prior
  }
  const answer = await deps.gateways
    .get(environment, spec.profile)
    .call(
      { ...spec.call, tokensOf: spec.tokensOf, requestTokens: spec.requestTokens ?? [] },
      budget ? { budget } : {},
    )
  if (!answer.ok) {
    const failed = err(flowError(answer.error, spec.subject))
    await recordFlow(deps, environment, record, failed)
    return failed
  }
  const { value, response: _response, ...meta } = answer.value
  const outcome = spec.outcome(value, meta)
  const entry = await recordFlow(
    deps,
    environment,
    {
      ...record,
      ...(outcome.secureToken ? { secureTokenId: outcome.secureToken.secureTokenId } : {}),
      sentence: outcome.verdict,
      approved: outcome.approved,
      flow: {
        paymentId: outcome.paymentId,
        orderId: outcome.orderId,
        amount: spec.operationAmount ?? outcome.amount,
        currency: outcome.currency,
        transactionStatus: outcome.transactionResult.status,
        responseCode: outcome.transactionResult.responseCode,
        ...(outcome.transactionResult.responseMessage !== undefined
          ? { responseMessage: outcome.transactionResult.responseMessage }
          : {}),
        paymentMethod: outcome.paymentMethod.masked,
      },
    },
    ok(meta),
  )
  deps.logger.log('info', `${spec.operation} answered`, {
    environment: environment.id,
    approved: outcome.approved,
    attempts: meta.attempts,
    durationMs: meta.durationMs,
  })
  return ok({ ...outcome, historyId: entry?.id })
}

const paymentTokens = (payment: Payment) => (payment.card.secureToken ? [payment.card.secureToken.token] : [])
const bankTokens = (payment: BankTransferPayment) =>
  payment.bankAccount.secureToken ? [payment.bankAccount.secureToken.token] : []

/** credentialOnFile when the sale saves its payment details (Save as secure token), with the merchant's id. */
const credentialOnFileOf = (input: RunPaymentInput | RunBankTransferInput) =>
  input.tokenize
    ? {
        credentialOnFile: {
          tokenize: true,
          ...(input.secureTokenId !== undefined ? { secureTokenId: input.secureTokenId } : {}),
        },
      }
    : {}

/**
 * What stops a sale before its call: the Secure token ID's lookup failing, or the request the spec's schema
 * refuses (`what` names it in the message).
 */
function stoppedBeforeCall(
  method: Result<unknown>,
  body: { success: true } | { success: false; error: z.ZodError } | undefined,
  what: string,
): Result<never> | undefined {
  if (!method.ok) return method
  return body && !body.success ? err(validationError(body.error, what)) : undefined
}

export async function runPayment(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: RunPaymentInput,
): Promise<Result<PaymentOutcome>> {
  const started = startFlow()
  const budget = new CallBudget()
  const method = await paymentMethodOf(deps, environment, input, undefined, budget)
  const body = method.ok
    ? PaymentRequest.safeParse({
        channel: 'web',
        processingTerminalId: input.processingTerminalId,
        order: { orderId: input.orderId, amount: input.amount, currency: input.currency },
        paymentMethod: method.value,
        ...(input.autoCapture !== undefined ? { autoCapture: input.autoCapture } : {}),
        ...credentialOnFileOf(input),
      })
    : undefined
  const prior = stoppedBeforeCall(method, body, 'The sale')
  return runFlow(
    deps,
    environment,
    {
      kind: 'payment',
      operation: 'sale',
      subject: 'payment',
      profile: input.profile,
      processingTerminalId: input.processingTerminalId,
      ...(input.paymentMethod.type === 'secureToken' && input.paymentMethod.secureTokenId !== undefined
        ? { secureTokenId: input.paymentMethod.secureTokenId }
        : {}),
      call: { operation: 'payment:sale', path: '/payments', body: body?.data, schema: Payment },
      requestTokens: method.ok ? [method.value.token] : [],
      tokensOf: paymentTokens,
      outcome: (value, meta) =>
        cardPaymentOutcome(environment.id, 'sale', value, meta, input.tokenize === true),
    },
    started,
    prior,
    budget,
  )
}

type FollowUp = 'capture' | 'reverse' | 'refund'

function followUpBody(operation: FollowUp, input: CapturePaymentInput | RefundPaymentInput): unknown {
  if (operation === 'refund')
    return {
      amount: input.amount,
      description: ('description' in input && input.description) || DEFAULT_REFUND_DESCRIPTION,
    }
  return {
    ...(operation === 'capture' ? { processingTerminalId: input.processingTerminalId } : {}),
    ...(input.amount !== undefined ? { amount: input.amount } : {}),
  }
}

export function paymentFollowUp(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  operation: FollowUp,
  input: CapturePaymentInput | ReversePaymentInput | RefundPaymentInput,
): Promise<Result<PaymentOutcome>> {
  return runFlow(deps, environment, {
    kind: 'payment',
    operation,
    subject: 'follow-up',
    profile: input.profile,
    processingTerminalId: input.processingTerminalId,
    call: {
      operation: `payment:${operation}`,
      path: `/payments/${seg(input.paymentId)}/${operation}`,
      body: followUpBody(operation, input),
      schema: Payment,
    },
    operationAmount: input.amount,
    tokensOf: paymentTokens,
    outcome: (value, meta) => cardPaymentOutcome(environment.id, operation, value, meta, false, input.amount),
  })
}

export async function runBankTransfer(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: RunBankTransferInput,
): Promise<Result<PaymentOutcome>> {
  const started = startFlow()
  const budget = new CallBudget()
  const method = await paymentMethodOf(deps, environment, input, input.secCode, budget)
  const body = method.ok
    ? BankTransferPaymentRequest.safeParse({
        processingTerminalId: input.processingTerminalId,
        order: { orderId: input.orderId, amount: input.amount, currency: input.currency },
        paymentMethod: method.value,
        ...credentialOnFileOf(input),
      })
    : undefined
  const prior = stoppedBeforeCall(method, body, 'The bank transfer payment')
  return runFlow(
    deps,
    environment,
    {
      kind: 'bank-transfer',
      operation: 'bank-transfer',
      subject: 'payment',
      profile: input.profile,
      processingTerminalId: input.processingTerminalId,
      call: {
        operation: 'bank-transfer:payment',
        path: '/bank-transfer-payments',
        body: body?.data,
        schema: BankTransferPayment,
      },
      requestTokens: method.ok ? [method.value.token] : [],
      tokensOf: bankTokens,
      outcome: (value, meta) =>
        bankTransferOutcome(environment.id, 'bank-transfer', value, meta, input.tokenize === true),
    },
    started,
    prior,
    budget,
  )
}

export function bankTransferFollowUp(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  operation: 'reverse' | 'refund',
  input: ReverseBankTransferInput | RefundBankTransferInput,
): Promise<Result<PaymentOutcome>> {
  const kind = operation === 'reverse' ? 'bank-transfer:reverse' : 'bank-transfer:refund'
  return runFlow(deps, environment, {
    kind: 'bank-transfer',
    operation: kind,
    subject: 'follow-up',
    profile: input.profile,
    processingTerminalId: input.processingTerminalId,
    call: {
      operation: kind,
      path: `/bank-transfer-payments/${seg(input.paymentId)}/${operation}`,
      // reverse takes no body; refund its amount and description.
      ...('amount' in input
        ? {
            body: {
              amount: input.amount,
              description: input.description ?? DEFAULT_REFUND_DESCRIPTION,
            },
          }
        : {}),
      schema: BankTransferPayment,
    },
    operationAmount: 'amount' in input ? input.amount : undefined,
    tokensOf: bankTokens,
    outcome: (value, meta) =>
      bankTransferOutcome(
        environment.id,
        kind,
        value,
        meta,
        false,
        'amount' in input ? input.amount : undefined,
      ),
  })
}
