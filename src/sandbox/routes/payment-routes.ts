/**
 * Card payments: POST /payments (a sale, or a pre-authorization with autoCapture false) paid with a
 * single-use token or a saved secure token, optionally saving the card (credentialOnFile.tokenize); GET
 * /payments/{paymentId}; and the follow-ups capture, reverse and refund, which answer from the payment's state
 * (payment-ledger.ts). Sandbox-only forced outcomes by amount (INTERFACES.md): minor units ending 01 → declined
 * (05), 02 → declined (51), 03 → 500, 04 → answered after 20 s (config slowOutcomeMs).
 */
import {
  CapturePaymentRequest,
  PaymentId,
  PaymentRequest,
  RefundPaymentRequest,
  ReversePaymentRequest,
  type ProblemError,
} from '../../shared/payroc'
import { json, problem, validationProblem, type Reply } from '../problem-replies'
import type { SandboxRoute, SandboxRouteRequest } from '../sandbox-types'
import { capturePayment, createPayment, refundPayment, reversePayment } from '../state/payment-ledger'
import { answeringInputErrors, parseBody, terminalForbidden, writeChecks } from './gateway-checks'
import { idempotent } from './idempotent-replay'
import { apiUrl, cardPaymentBody, followUp, getPayment, paymentCardOf } from './payment-replies'
import { resolvePaymentMethod, saleChecks, saleSecureToken } from './sale-payment'

async function createCardPayment(ctx: SandboxRouteRequest): Promise<Reply> {
  const checked = writeChecks(ctx)
  if ('status' in checked) return checked
  const { caller, key } = checked
  const { state } = ctx
  const errors: ProblemError[] = []
  const body = parseBody(ctx.body, PaymentRequest, errors)
  if (errors.length > 0 || body === undefined) return validationProblem(errors)
  const terminalId = body.processingTerminalId

  return idempotent(ctx, caller, key, async () => {
    const terminal = state.terminalFor(terminalId, caller.apiKey)
    if (!terminal || !terminal.payment) return terminalForbidden(ctx, terminalId)
    const sale = await saleChecks(ctx, terminalId, terminal, caller, body)
    if ('status' in sale) return sale
    const { outcome } = sale
    return answeringInputErrors(() => {
      const paid = resolvePaymentMethod(
        ctx,
        terminalId,
        caller,
        body.paymentMethod,
        ['card'],
        'a card payment',
      )
      if (paid.source.type !== 'card') return problem(500)
      const card = paymentCardOf(paid.source)
      const secureToken = saleSecureToken(ctx, terminalId, caller, paid, body, sale)
      if (secureToken) card.secureToken = secureToken
      const record = createPayment(
        state.payments,
        {
          kind: 'card',
          processingTerminalId: terminalId,
          apiKeyId: caller.apiKeyId,
          order: body.order,
          card,
          autoCapture: body.autoCapture ?? true,
          outcome,
          ...(body.operator !== undefined ? { operator: body.operator } : {}),
          ...(body.customer !== undefined ? { customer: body.customer } : {}),
          ...(body.customFields !== undefined ? { customFields: body.customFields } : {}),
        },
        state.now(),
      )
      state.counters.paymentsCreated++
      return json(201, cardPaymentBody(ctx, record), {
        Location: apiUrl(ctx, `/payments/${record.paymentId}`),
      })
    })
  })
}

const getCardPayment = (ctx: SandboxRouteRequest) => getPayment(ctx, 'card', PaymentId)

const capture = (ctx: SandboxRouteRequest) =>
  followUp(
    ctx,
    'card',
    CapturePaymentRequest,
    PaymentId,
    (record, body) => capturePayment(record, body.amount),
    {
      bodyOptional: true,
    },
  )
const reverse = (ctx: SandboxRouteRequest) =>
  followUp(
    ctx,
    'card',
    ReversePaymentRequest,
    PaymentId,
    (record, body) => reversePayment(record, body.amount),
    {
      bodyOptional: true,
    },
  )
const refund = (ctx: SandboxRouteRequest) =>
  followUp(ctx, 'card', RefundPaymentRequest, PaymentId, (record, body) => {
    refundPayment(record, body.amount, ctx.state.now())
  })

const PAYMENT = '^\\/v1\\/payments\\/([^/]*)'

export const paymentRoutes: readonly SandboxRoute[] = [
  { method: 'POST', path: /^\/v1\/payments$/, group: 'payments', handle: createCardPayment },
  { method: 'GET', path: new RegExp(`${PAYMENT}$`), group: 'payments', handle: getCardPayment },
  { method: 'POST', path: new RegExp(`${PAYMENT}\\/capture$`), group: 'payments', handle: capture },
  { method: 'POST', path: new RegExp(`${PAYMENT}\\/reverse$`), group: 'payments', handle: reverse },
  { method: 'POST', path: new RegExp(`${PAYMENT}\\/refund$`), group: 'payments', handle: refund },
]
