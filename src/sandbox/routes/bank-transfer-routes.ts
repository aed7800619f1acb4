/**
 * Bank-transfer payments: POST /bank-transfer-payments paid with an ACH or PAD single-use token (the Hosted
 * Fields ACH / PAD forms, or POST …/single-use-tokens) or a saved ACH / PAD secure token, on a terminal that
 * allows that kind (seeded: 1234004 ACH, 1234005 PAD); GET /bank-transfer-payments/{paymentId}; reverse (open
 * batch, no body) and refund (settled). The card sale's forced outcomes by amount apply here too.
 */
import {
  BankTransferPaymentRequest,
  PaymentId,
  RefundBankTransferRequest,
  type ProblemError,
} from '../../shared/payroc'
import { z } from 'zod'
import { forbidden, json, problem, validationProblem, type Reply } from '../problem-replies'
import type { SandboxRoute, SandboxRouteRequest } from '../sandbox-types'
import { createPayment, refundPayment, reversePayment } from '../state/payment-ledger'
import type { TokenSource } from '../state/single-use-token-store'
import type { Terminal } from '../terminal-directory'
import {
  answeringInputErrors,
  parseBody,
  terminalForbidden,
  terminalResource,
  writeChecks,
} from './gateway-checks'
import { idempotent } from './idempotent-replay'
import { apiUrl, bankAccountOf, bankTransferBody, followUp, getPayment } from './payment-replies'
import { resolvePaymentMethod, saleChecks, saleSecureToken } from './sale-payment'

/** The bank-account kinds a terminal takes (seeded: 1234004 ACH, 1234005 PAD). */
function bankKinds(terminal: Terminal): TokenSource['type'][] {
  const kinds: TokenSource['type'][] = []
  if (terminal.ach === true) kinds.push('ach')
  if (terminal.pad === true) kinds.push('pad')
  return kinds
}

async function createBankTransfer(ctx: SandboxRouteRequest): Promise<Reply> {
  const checked = writeChecks(ctx)
  if ('status' in checked) return checked
  const { caller, key } = checked
  const { state } = ctx
  const errors: ProblemError[] = []
  const body = parseBody(ctx.body, BankTransferPaymentRequest, errors)
  if (errors.length > 0 || body === undefined) return validationProblem(errors)
  const terminalId = body.processingTerminalId

  return idempotent(ctx, caller, key, async () => {
    const terminal = state.terminalFor(terminalId, caller.apiKey)
    if (!terminal || !terminal.payment) return terminalForbidden(ctx, terminalId)
    const kinds = bankKinds(terminal)
    if (kinds.length === 0) {
      return forbidden(
        ctx.path,
        terminalResource(terminalId),
        'Bank transfers (ACH, PAD) are not enabled for this processing terminal.',
      )
    }
    const sale = await saleChecks(ctx, terminalId, terminal, caller, body)
    if ('status' in sale) return sale
    const { outcome } = sale
    return answeringInputErrors(() => {
      const what = `a bank transfer on this terminal`
      const paid = resolvePaymentMethod(ctx, terminalId, caller, body.paymentMethod, kinds, what)
      if (paid.source.type === 'card') return problem(500)
      const account = bankAccountOf(paid.source, body.paymentMethod.secCode)
      const secureToken = saleSecureToken(ctx, terminalId, caller, paid, body, sale)
      if (secureToken) account.secureToken = secureToken
      const record = createPayment(
        state.payments,
        {
          kind: 'bankTransfer',
          processingTerminalId: terminalId,
          apiKeyId: caller.apiKeyId,
          order: body.order,
          bankAccount: account,
          autoCapture: true,
          outcome,
          ...(body.customer !== undefined ? { customer: body.customer } : {}),
          ...(body.customFields !== undefined ? { customFields: body.customFields } : {}),
        },
        state.now(),
      )
      state.counters.paymentsCreated++
      return json(201, bankTransferBody(ctx, record), {
        Location: apiUrl(ctx, `/bank-transfer-payments/${record.paymentId}`),
      })
    })
  })
}

const getBankTransfer = (ctx: SandboxRouteRequest) => getPayment(ctx, 'bankTransfer', PaymentId)

/** Reverse takes no body (the spec documents none); an empty object is accepted too. */
const NoBody = z.object({})

const reverse = (ctx: SandboxRouteRequest) =>
  followUp(ctx, 'bankTransfer', NoBody, PaymentId, (record) => reversePayment(record, undefined), {
    bodyOptional: true,
  })
const refund = (ctx: SandboxRouteRequest) =>
  followUp(ctx, 'bankTransfer', RefundBankTransferRequest, PaymentId, (record, body) => {
    refundPayment(record, body.amount, ctx.state.now())
  })

const PAYMENT = '^\\/v1\\/bank-transfer-payments\\/([^/]*)'

export const bankTransferRoutes: readonly SandboxRoute[] = [
  { method: 'POST', path: /^\/v1\/bank-transfer-payments$/, group: 'payments', handle: createBankTransfer },
  { method: 'GET', path: new RegExp(`${PAYMENT}$`), group: 'payments', handle: getBankTransfer },
  { method: 'POST', path: new RegExp(`${PAYMENT}\\/reverse$`), group: 'payments', handle: reverse },
  { method: 'POST', path: new RegExp(`${PAYMENT}\\/refund$`), group: 'payments', handle: refund },
]
