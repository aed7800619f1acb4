/**
 * The sale after the form: a card sale (payment:*) or a bank-transfer payment (bankTransfer:*) with the test
 * page's single-use token or a saved secure token, then its follow-ups (capture, reverse, refund). Production
 * asks first (the same confirmation as a session); core makes the Idempotency-Key and reuses it on retries.
 */
import type { Channel } from '@shared/channels'
import type { PaymentOutcome } from '@shared/contract'
import type { AppError } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'
import type { FormType } from '@renderer/testpage/protocol'

export type PaymentKind = FormType
export type FollowUp = 'capture' | 'reverse' | 'refund'
export type PaymentAction = 'run' | FollowUp

/** What pays: the page's single-use token, or a saved secure token by its Secure token ID. */
export type PayWith =
  | { type: 'singleUseToken'; token: string; kind: PaymentKind }
  | { type: 'secureToken'; secureTokenId: string; kind: PaymentKind }

export interface SaleForm {
  /** Minor units, as typed. */
  amount: string
  currency: string
  orderId: string
}
export type SaleField = keyof SaleForm

/** The sandbox's forced outcomes by amount (INTERFACES.md), offered as presets. */
export const AMOUNT_PRESETS = [
  { amount: '1000', label: 'Approved (1000)' },
  { amount: '1001', label: 'Declined, 05 (1001)' },
  { amount: '1002', label: 'Declined, insufficient funds 51 (1002)' },
  { amount: '1003', label: 'Gateway error 500 (1003)' },
  { amount: '1004', label: 'Answered after 20 s (1004)' },
] as const

/** A fresh order id: at most 24 characters, as the spec allows. */
export const newOrderId = (now = Date.now()): string =>
  `HFC-${now.toString(36).toUpperCase()}-${Math.floor(Math.random() * 1296)
    .toString(36)
    .toUpperCase()}`.slice(0, 24)

/** Minor units as the currency's major units, for reading (2 decimals; the gateway's own rules decide). */
export const formatAmount = (minor: number, currency: string): string =>
  `${(minor / 100).toFixed(2)} ${currency}`

const defaultCurrency = (kind: PaymentKind): string => (kind === 'pad' ? 'CAD' : 'USD')

interface Pending {
  action: PaymentAction
  request: Record<string, unknown>
  channel: Channel
}

export interface PaymentSlice {
  payment: {
    form: SaleForm
    fieldErrors: Partial<Record<SaleField | 'general', string[]>>
    /** The call in flight (Close batch is the sandbox's own, never confirmed). */
    pending: PaymentAction | 'closeBatch' | null
    /** Production: the dialog is open for this call. */
    confirming: PaymentAction | null
    error: AppError | null
    /** The sale or bank-transfer payment. */
    sale: PaymentOutcome | null
    /** Its follow-ups, newest first. */
    followUps: PaymentOutcome[]
    /** Sandbox only: what the last Close batch did ("2 payments settled"), or null. */
    batchClosed: string | null
    setField(field: SaleField, value: string): void
    /** The form for a new payment of this kind: currency by kind, a new order id. */
    prepare(kind: PaymentKind): void
    run(payWith: PayWith): Promise<void>
    followUp(action: FollowUp): Promise<void>
    /** Sandbox only: settle the terminal's open batch (as a nightly close would), so the sale can be refunded. */
    closeBatch(): Promise<void>
    confirm(): Promise<void>
    cancel(): void
    reset(): void
  }
}

/** Bank transfers have no capture (the spec has none). */
const CHANNELS: Record<'card' | 'bank', Partial<Record<PaymentAction, Channel>>> = {
  card: {
    run: 'payment:run',
    capture: 'payment:capture',
    reverse: 'payment:reverse',
    refund: 'payment:refund',
  },
  bank: { run: 'bankTransfer:run', reverse: 'bankTransfer:reverse', refund: 'bankTransfer:refund' },
}

export const channelFor = (kind: PaymentKind, action: PaymentAction): Channel | undefined =>
  CHANNELS[kind === 'card' ? 'card' : 'bank'][action]

const kindOf = (outcome: PaymentOutcome): PaymentKind => outcome.paymentMethod.type

export const createPaymentSlice: SliceFactory<PaymentSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<PaymentSlice['payment']>): void =>
      set((s) => ({ payment: { ...s.payment, ...partial } }))
    let waiting: Pending | null = null

    const target = () => {
      const created = get().session.created
      return created
        ? {
            environmentId: created.environmentId,
            profile: get().environment.profile,
            processingTerminalId: created.processingTerminalId,
          }
        : null
    }
    const needsConfirmation = (environmentId: string): boolean =>
      get().environment.list.find((e) => e.id === environmentId)?.requiresConfirmation === true

    const send = async (call: Pending, confirmProduction: boolean): Promise<void> => {
      const request = call.request as { environmentId: string }
      if (needsConfirmation(request.environmentId) && !confirmProduction) {
        waiting = call
        patch({ confirming: call.action, error: null })
        return
      }
      waiting = null
      patch({ pending: call.action, confirming: null, error: null, fieldErrors: {} })
      const body = { ...call.request, ...(confirmProduction ? { confirmProduction: true } : {}) }
      // The channel is one of CHANNELS, each given the request built for it above; core validates it again.
      const result = await transport.call(call.channel, body as never)
      if (result.ok) {
        const outcome = result.value as PaymentOutcome
        if (call.action === 'run')
          patch({
            pending: null,
            sale: outcome,
            followUps: [],
            form: { ...get().payment.form, orderId: newOrderId() },
          })
        else patch({ pending: null, followUps: [outcome, ...get().payment.followUps] })
      } else if (result.error.kind === 'confirmation-required') {
        waiting = call
        patch({ pending: null, confirming: call.action })
      } else {
        const fields: Partial<Record<SaleField | 'general', string[]>> = {}
        for (const [key, messages] of Object.entries(result.error.fields ?? {})) {
          const last = key.split(/[./]/).pop() ?? ''
          const field: SaleField | 'general' =
            last === 'amount' || last === 'currency' || last === 'orderId' ? last : 'general'
          fields[field] = [...(fields[field] ?? []), ...messages]
        }
        patch({ pending: null, error: result.error, fieldErrors: fields })
      }
    }

    return {
      payment: {
        form: { amount: '1000', currency: 'USD', orderId: newOrderId() },
        fieldErrors: {},
        pending: null,
        confirming: null,
        error: null,
        sale: null,
        followUps: [],
        batchClosed: null,

        setField(field, value) {
          const { form, fieldErrors } = get().payment
          patch({ form: { ...form, [field]: value }, fieldErrors: { ...fieldErrors, [field]: undefined } })
        },

        prepare(kind) {
          patch({ form: { ...get().payment.form, currency: defaultCurrency(kind), orderId: newOrderId() } })
        },

        async run(payWith) {
          const base = target()
          if (!base || get().payment.pending) return
          const { form } = get().payment
          const amount = Number(form.amount.trim())
          if (!/^\d+$/.test(form.amount.trim()) || amount <= 0) {
            patch({
              fieldErrors: {
                amount: ['Amount must be a whole number of minor units greater than 0 (1000 = 10.00)'],
              },
            })
            return
          }
          const channel = channelFor(payWith.kind, 'run')
          if (!channel) return
          const paymentMethod =
            payWith.type === 'singleUseToken'
              ? { type: 'singleUseToken', token: payWith.token }
              : { type: 'secureToken', secureTokenId: payWith.secureTokenId.trim() }
          await send(
            {
              action: 'run',
              channel,
              request: {
                ...base,
                amount,
                currency: form.currency.trim().toUpperCase(),
                orderId: form.orderId.trim(),
                paymentMethod,
              },
            },
            false,
          )
        },

        async followUp(action) {
          const { sale, pending } = get().payment
          const base = target()
          if (!sale || !base || pending) return
          const channel = channelFor(kindOf(sale), action)
          if (!channel) return
          const request: Record<string, unknown> = {
            ...base,
            environmentId: sale.environmentId,
            processingTerminalId: sale.processingTerminalId,
            paymentId: sale.paymentId,
            ...(action === 'refund'
              ? { amount: sale.amount, description: `Refund of ${sale.orderId} from the console` }
              : {}),
          }
          await send({ action, channel, request }, false)
        },

        async closeBatch() {
          const { sale, pending } = get().payment
          if (!sale || pending) return
          patch({ pending: 'closeBatch', error: null, batchClosed: null })
          const result = await transport.call('sandbox:closeBatch', {
            environmentId: sale.environmentId,
            processingTerminalId: sale.processingTerminalId,
          })
          if (result.ok)
            patch({
              pending: null,
              batchClosed:
                result.value.settled === 1
                  ? 'Batch closed: 1 payment settled. It can be refunded now (no longer reversed).'
                  : `Batch closed: ${result.value.settled} payments settled.`,
            })
          else patch({ pending: null, error: result.error })
        },

        async confirm() {
          if (waiting) await send(waiting, true)
        },
        cancel() {
          waiting = null
          patch({ confirming: null })
        },
        reset() {
          waiting = null
          patch({
            pending: null,
            confirming: null,
            error: null,
            sale: null,
            followUps: [],
            fieldErrors: {},
            batchClosed: null,
          })
        },
      },
    }
  }
