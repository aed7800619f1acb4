/** Card payments over loopback HTTP: the sale, its forced outcomes, the payment life cycle, tokens used once. */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sandboxControlClient } from '../../../src/sandbox'
import { base, control, errorParameters, expectProblem, sandbox, useSandbox } from '../../support/sandbox'
import {
  apiToken,
  closeBatch,
  get,
  libraryToken,
  ok,
  post,
  runSale,
  sale,
  saveSecureToken,
} from './flow-calls'

useSandbox()

describe('POST /payments', () => {
  it('runs an approved sale with a single-use token: 201, Location, the card masked, ready in the open batch', async () => {
    const token = await apiToken()
    const answer = await post('/payments', sale(token, 4999))
    const body = ok(answer, 201)
    expect(body.paymentId).toMatch(/^[A-Z0-9]{10}$/)
    expect(answer.headers.get('location')).toBe(`${base}/v1/payments/${body.paymentId}`)
    expect(body.order).toMatchObject({ amount: 4999, currency: 'USD' })
    expect(body.card).toMatchObject({
      type: 'Visa',
      entryMethod: 'keyed',
      cardNumber: '453985******7062',
      expiryDate: '1239',
    })
    expect(body.transactionResult).toMatchObject({
      type: 'sale',
      status: 'ready',
      responseCode: 'A',
      authorizedAmount: 4999,
      processorResponseCode: '00',
    })
    expect(body.supportedOperations).toEqual(['capture', 'fullyReverse', 'partiallyReverse'])
    expect(ok(await get(`/payments/${body.paymentId}`), 200)).toEqual(body)
  })

  it.each([
    [1001, '05', 'Do not honor'],
    [250_002, '51', 'Insufficient funds'],
  ])('amount %i is declined with processor code %s (201, no follow-ups)', async (amount, code, message) => {
    const body = ok(await post('/payments', sale(await apiToken(), amount)), 201)
    expect(body.transactionResult).toMatchObject({
      status: 'declined',
      responseCode: 'D',
      processorResponseCode: code,
      responseMessage: message,
    })
    expect(body.transactionResult.approvalCode).toBeUndefined()
    expect(body.supportedOperations).toEqual([])
    expectProblem(await post(`/payments/${body.paymentId}/reverse`, {}), 400)
  })

  it('amount ending 03 → 500 and nothing is stored: the token is still usable, the same key can succeed', async () => {
    const token = await apiToken()
    const key = randomUUID()
    expectProblem(await post('/payments', sale(token, 1003), key), 500)
    expect(sandbox.state.payments.size).toBe(0)
    ok(await post('/payments', sale(token, 1000)), 201)
  })

  it('amount ending 04 is answered after the slow-outcome delay (20 s by default; here 300 ms), approved', async () => {
    expect(sandbox.config().slowOutcomeMs).toBe(20_000)
    ok(await control(base, 'PATCH', 'config', { slowOutcomeMs: 300 }), 200)
    const token = await apiToken()
    const started = performance.now()
    const body = ok(await post('/payments', sale(token, 1004)), 201)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(body.transactionResult.status).toBe('ready')
  })

  it('a single-use token is usable once: the second sale → 400 on token; expired → 400 on token', async () => {
    const token = await libraryToken('1234001', 'payment')
    ok(await post('/payments', sale(token)), 201)
    const again = await post('/payments', sale(token))
    expectProblem(again, 400, 'bad-request')
    expect(errorParameters(again)).toEqual(['token'])
    expect(again.json.errors[0].detail).toMatch(/already been used/)

    const stale = await apiToken()
    const record = sandbox.state.singleUseTokens.peek(stale)
    if (record) record.expiresAt = sandbox.state.now() - 1
    const expired = await post('/payments', sale(stale))
    expect(errorParameters(expired)).toEqual(['token'])
    expect(expired.json.errors[0].detail).toMatch(/expired/)
  })

  it("a token minted on another terminal, or an unknown one, is refused on token; a bank account's too", async () => {
    const elsewhere = await apiToken('1234006')
    expect(errorParameters(await post('/payments', sale(elsewhere)))).toEqual(['token'])
    expect(errorParameters(await post('/payments', sale('f'.repeat(128))))).toEqual(['token'])
    const ach = await apiToken('1234004', {
      type: 'ach',
      nameOnAccount: 'A B',
      accountNumber: '12345678',
      routingNumber: '053200983',
    })
    const answer = await post('/payments', { ...sale(ach), processingTerminalId: '1234004' })
    expect(errorParameters(answer)).toEqual(['token'])
    // Refused without being used up: the bank transfer still takes it.
    ok(
      await post('/bank-transfer-payments', {
        processingTerminalId: '1234004',
        order: { orderId: 'ach-after-refusal', amount: 100, currency: 'USD' },
        paymentMethod: { type: 'singleUseToken', token: ach },
      }),
      201,
    )
  })

  it('saves the card during the sale (credentialOnFile.tokenize) and a later sale runs with the secure token', async () => {
    const first = await runSale({ credentialOnFile: { tokenize: true, secureTokenId: 'MREF_sale_save' } })
    expect(first.card.secureToken).toMatchObject({
      secureTokenId: 'MREF_sale_save',
      customerName: 'Sarah Hazel Hopper',
      status: 'notValidated',
      link: { rel: 'self', method: 'GET' },
    })
    const saved = ok(await get(first.card.secureToken.link.href), 200)
    expect(saved.token).toBe(first.card.secureToken.token)
    const repeat = ok(
      await post('/payments', {
        ...sale('unused'),
        paymentMethod: { type: 'secureToken', token: saved.token },
      }),
      201,
    )
    expect(repeat.card.secureToken.secureTokenId).toBe('MREF_sale_save')
    // The id is now taken: saving again under it → 409 before the token is spent.
    const token = await apiToken()
    const clash = await post(
      '/payments',
      sale(token, 4999, { credentialOnFile: { tokenize: true, secureTokenId: 'MREF_sale_save' } }),
    )
    expectProblem(clash, 409, 'resource-already-exists')
    ok(await post('/payments', sale(token)), 201)
  })

  it('refuses an unknown secure token (400 on token), an unknown terminal (403) and a bad body (400 naming fields)', async () => {
    const saved = await saveSecureToken()
    expect(
      errorParameters(
        await post('/payments', {
          ...sale('x'),
          paymentMethod: { type: 'secureToken', token: '2967530000000001' },
        }),
      ),
    ).toEqual(['token'])
    ok(
      await post('/payments', { ...sale('x'), paymentMethod: { type: 'secureToken', token: saved.token } }),
      201,
    )
    expectProblem(
      await post('/payments', { ...sale(await apiToken()), processingTerminalId: '9999999' }),
      403,
    )
    const invalid = await post('/payments', {
      channel: 'shop',
      processingTerminalId: '1234001',
      order: { orderId: '', amount: 1.5 },
    })
    expectProblem(invalid, 400)
    expect(errorParameters(invalid)).toEqual(
      expect.arrayContaining(['channel', 'order.orderId', 'order.amount', 'order.currency', 'paymentMethod']),
    )
  })

  it('replays a sale for the same key and body (same paymentId), 409 for the same key with another body', async () => {
    const body = sale(await apiToken())
    const key = randomUUID()
    const first = ok(await post('/payments', body, key), 201)
    const again = ok(await post('/payments', body, key), 201)
    expect(again.paymentId).toBe(first.paymentId)
    expectProblem(await post('/payments', { ...body, order: { ...body.order, amount: 1 } }, key), 409)
    expect(sandbox.state.payments.size).toBe(1)
  })

  it("a fault on the 'payments' group answers instead, and is not stored", async () => {
    sandbox.addFault({ route: 'payments', action: { type: 'status', status: 503 }, times: 1 })
    const body = sale(await apiToken())
    const key = randomUUID()
    expect((await post('/payments', body, key)).status).toBe(503)
    ok(await post('/payments', body, key), 201)
  })
})

describe('the payment life cycle', () => {
  it('sale → refund refused while unsettled → batch closes → partial refunds → nothing left', async () => {
    const { paymentId } = await runSale({}, 5000)
    const early = await post(`/payments/${paymentId}/refund`, { amount: 1000, description: 'early' })
    expectProblem(early, 400)
    expect(errorParameters(early)).toEqual(['paymentId'])
    expect(early.json.errors[0].detail).toMatch(/not settled/)

    expect(await closeBatch()).toBe(1)
    const settled = ok(await get(`/payments/${paymentId}`), 200)
    expect(settled.transactionResult.status).toBe('complete')
    expect(settled.supportedOperations).toEqual(['refund'])
    const reverse = await post(`/payments/${paymentId}/reverse`, {})
    expect(reverse.json.errors[0].detail).toMatch(/settled/)

    const first = ok(await post(`/payments/${paymentId}/refund`, { amount: 3000, description: 'part' }), 200)
    expect(first.refunds).toHaveLength(1)
    expect(first.refunds[0]).toMatchObject({
      amount: -3000,
      currency: 'USD',
      status: 'ready',
      responseCode: 'A',
    })
    expect(first.refunds[0].refundId).toMatch(/^[A-Z0-9]{10}$/)
    const tooMuch = await post(`/payments/${paymentId}/refund`, { amount: 2001, description: 'too much' })
    expect(errorParameters(tooMuch)).toEqual(['amount'])
    const rest = ok(await post(`/payments/${paymentId}/refund`, { amount: 2000, description: 'rest' }), 200)
    expect(rest.refunds).toHaveLength(2)
    expect(rest.supportedOperations).toEqual([])
  })

  it('reverse in the open batch (part, then the rest); reversing twice → 400 on paymentId', async () => {
    const { paymentId } = await runSale({}, 5000)
    const part = ok(await post(`/payments/${paymentId}/reverse`, { amount: 1000 }), 200)
    expect(part.transactionResult).toMatchObject({ status: 'ready', authorizedAmount: 4000 })
    const whole = ok(await post(`/payments/${paymentId}/reverse`, ''), 200)
    expect(whole.transactionResult.status).toBe('reversal')
    expect(whole.supportedOperations).toEqual([])
    const twice = await post(`/payments/${paymentId}/reverse`, {})
    expectProblem(twice, 400, 'bad-request')
    expect(errorParameters(twice)).toEqual(['paymentId'])
    expect(twice.json.errors[0].detail).toMatch(/already been reversed/)
    expect(
      errorParameters(await post(`/payments/${paymentId}/refund`, { amount: 1, description: 'x' })),
    ).toEqual(['paymentId'])
  })

  it('pre-authorization: pending → capture (part) → ready → reverse after capture; capture after reverse → 400', async () => {
    const pre = await runSale({ autoCapture: false }, 9999)
    expect(pre.transactionResult.status).toBe('pending')
    expect(errorParameters(await post(`/payments/${pre.paymentId}/capture`, { amount: 10_000 }))).toEqual([
      'amount',
    ])
    const captured = ok(await post(`/payments/${pre.paymentId}/capture`, { amount: 3999 }), 200)
    expect(captured.transactionResult).toMatchObject({ status: 'ready', authorizedAmount: 3999 })
    expect(captured.order.amount).toBe(3999)
    // A closed batch settles captured payments only: a pending one stays pending.
    const other = await runSale({ autoCapture: false })
    expect(await closeBatch('1234999')).toBe(0)
    ok(await post(`/payments/${pre.paymentId}/reverse`, {}), 200)
    expect(errorParameters(await post(`/payments/${pre.paymentId}/capture`, {}))).toEqual(['paymentId'])
    expect(await closeBatch()).toBe(0)
    expect(ok(await get(`/payments/${other.paymentId}`), 200).transactionResult.status).toBe('pending')
  })

  it('follow-ups check what every write checks, then 404 for a payment the caller does not have', async () => {
    expectProblem(await post('/payments/ABCDEFGHIJ/capture', {}, null), 400, 'idempotency-key-missing')
    const short = await post('/payments/ABC/capture', {})
    expect(errorParameters(short)).toEqual(['paymentId'])
    expectProblem(await post('/payments/ABCDEFGHIJ/capture', {}), 404, 'not-found')
    expectProblem(await post('/payments/ABCDEFGHIJ/refund', { amount: 1, description: 'x' }), 404)
    const { paymentId } = await runSale()
    const key = randomUUID()
    ok(await post(`/payments/${paymentId}/reverse`, { amount: 100 }, key), 200)
    // Replayed, not reversed again.
    expect(
      ok(await post(`/payments/${paymentId}/reverse`, { amount: 100 }, key), 200).transactionResult
        .authorizedAmount,
    ).toBe(4899)
    expectProblem(await post(`/payments/${paymentId}/reverse`, { amount: 200 }, key), 409)
  })

  it('POST /__sandbox/batches/close settles one terminal or all; reset forgets payments', async () => {
    await runSale()
    await runSale()
    expect(await closeBatch('1234001')).toBe(2)
    expect(await closeBatch()).toBe(0)
    // The typed control client does the same.
    const { paymentId } = await runSale()
    expect(await sandboxControlClient(base).closeBatch()).toBe(1)
    expect(ok(await get(`/payments/${paymentId}`), 200).transactionResult.status).toBe('complete')
    ok(await control(base, 'POST', 'reset'), 200)
    expect(sandbox.state.payments.size).toBe(0)
  })
})
