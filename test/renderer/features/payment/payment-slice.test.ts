import { describe, expect, it } from 'vitest'
import type { PaymentOutcome, RequestOf, SessionCreated } from '@shared/contract'
import { AMOUNT_PRESETS, channelFor, newOrderId } from '@renderer/features/payment/payment-slice'
import { startedStore, type Handlers } from '../../../support/renderer-transport'
import { sessionCreated } from '../../session-created'

const session = (environmentId = 'sandbox'): SessionCreated => sessionCreated({ environmentId })

const outcome = (
  operation: PaymentOutcome['operation'],
  request: { environmentId: string; amount?: number },
  type: 'card' | 'ach' | 'pad' = 'card',
): PaymentOutcome => ({
  environmentId: request.environmentId,
  operation,
  paymentId: 'PAYMENT001',
  processingTerminalId: '1234001',
  orderId: 'HFC-1',
  amount: request.amount ?? 1000,
  currency: 'USD',
  approved: true,
  verdict: 'Approved.',
  transactionResult: { status: 'ready', responseCode: 'A', responseMessage: 'APPROVAL' },
  paymentMethod: { type, masked: '453985******7062' },
  supportedOperations: [],
  idempotencyKey: '93dd93ff-fdb5-4765-9158-e2dc3ae288b7',
  attempts: 1,
  durationMs: 3,
  journalId: `j-${operation}`,
})

const HANDLERS: Handlers = {
  'payment:run': (r) => ({ ok: true, value: outcome('sale', r) }),
  'payment:refund': (r) => ({ ok: true, value: outcome('refund', r) }),
  'payment:capture': (r) => ({ ok: true, value: outcome('capture', r) }),
  'bankTransfer:run': (r) => ({ ok: true, value: outcome('bank-transfer', r, 'ach') }),
  'bankTransfer:reverse': (r) => ({ ok: true, value: outcome('bank-transfer:reverse', r, 'ach') }),
}

async function withSession(environmentId = 'sandbox', handlers: Handlers = HANDLERS) {
  const fake = await startedStore(handlers)
  fake.store.getState().session.adopt(session(environmentId))
  return fake
}

describe('payment slice', () => {
  it('runs a card sale with the single-use token and the form as typed, then refunds it in full', async () => {
    const { store, requests } = await withSession()
    store.getState().payment.setField('amount', '1001')
    store.getState().payment.setField('orderId', 'ORDER-7')
    await store.getState().payment.run({ type: 'singleUseToken', token: 'sut-1', kind: 'card' })
    expect(requests('payment:run')).toEqual([
      {
        environmentId: 'sandbox',
        profile: 'default',
        processingTerminalId: '1234001',
        amount: 1001,
        currency: 'USD',
        orderId: 'ORDER-7',
        paymentMethod: { type: 'singleUseToken', token: 'sut-1' },
      },
    ])
    expect(store.getState().payment.sale?.operation).toBe('sale')
    // A new order id for the next sale.
    expect(store.getState().payment.form.orderId).not.toBe('ORDER-7')
    await store.getState().payment.followUp('refund')
    const [refund] = requests('payment:refund') as RequestOf<'payment:refund'>[]
    expect(refund).toMatchObject({ paymentId: 'PAYMENT001', amount: 1001 })
    expect(store.getState().payment.followUps.map((o) => o.operation)).toEqual(['refund'])
  })

  it('pays an ACH secure token as a bank transfer, by its Secure token ID; bank transfers have no capture', async () => {
    const { store, requests, count } = await withSession()
    await store.getState().payment.run({ type: 'secureToken', secureTokenId: ' my-token ', kind: 'ach' })
    expect(requests('bankTransfer:run')).toMatchObject([
      { paymentMethod: { type: 'secureToken', secureTokenId: 'my-token' } },
    ])
    expect(count('payment:run')).toBe(0)
    await store.getState().payment.followUp('capture')
    expect(count('payment:capture')).toBe(0)
    await store.getState().payment.followUp('reverse')
    expect(count('bankTransfer:reverse')).toBe(1)
    expect(channelFor('pad', 'refund')).toBe('bankTransfer:refund')
    expect(channelFor('ach', 'capture')).toBeUndefined()
  })

  it('refuses an amount that is not whole minor units, and sends nothing', async () => {
    const { store, count } = await withSession()
    store.getState().payment.setField('amount', '10.00')
    await store.getState().payment.run({ type: 'singleUseToken', token: 'sut-1', kind: 'card' })
    expect(count('payment:run')).toBe(0)
    expect(store.getState().payment.fieldErrors.amount?.[0]).toMatch(/minor units/)
  })

  it('asks first in Production and sends confirmProduction only after the yes; Cancel sends nothing', async () => {
    const { store, requests } = await withSession('production')
    await store.getState().payment.run({ type: 'singleUseToken', token: 'sut-1', kind: 'card' })
    expect(store.getState().payment.confirming).toBe('run')
    expect(requests('payment:run')).toEqual([])
    store.getState().payment.cancel()
    await store.getState().payment.confirm()
    expect(requests('payment:run')).toEqual([])
    await store.getState().payment.run({ type: 'singleUseToken', token: 'sut-1', kind: 'card' })
    await store.getState().payment.confirm()
    expect(requests('payment:run')).toMatchObject([{ confirmProduction: true }])
  })

  it('puts a validation error on the field the gateway named', async () => {
    const { store } = await withSession('sandbox', {
      'payment:run': () => ({
        ok: false,
        error: {
          kind: 'validation',
          message: 'Bad request',
          hint: 'Fix the field',
          fields: { 'body.currency': ['Currency must be a 3-letter code such as USD'] },
        },
      }),
    })
    await store.getState().payment.run({ type: 'singleUseToken', token: 'sut-1', kind: 'card' })
    expect(store.getState().payment.fieldErrors.currency).toEqual([
      'Currency must be a 3-letter code such as USD',
    ])
    expect(store.getState().payment.error?.kind).toBe('validation')
  })

  it('offers the sandbox forced-outcome amounts and order ids the spec allows', () => {
    expect(AMOUNT_PRESETS.map((p) => p.amount.slice(-2))).toEqual(['00', '01', '02', '03', '04'])
    for (let i = 0; i < 50; i++) expect(newOrderId().length).toBeLessThanOrEqual(24)
  })
})
