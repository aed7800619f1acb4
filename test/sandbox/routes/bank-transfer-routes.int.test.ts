/** Bank-transfer payments (ACH on 1234004, PAD on 1234005) over loopback HTTP, with reverse and refund. */
import { describe, expect, it } from 'vitest'
import { base, errorParameters, expectProblem, useSandbox } from '../../support/sandbox'
import { ACH, apiToken, closeBatch, get, keyedCard, ok, PAD, post } from './flow-calls'

useSandbox()

const transfer = (terminal: string, token: string, extra: Record<string, unknown> = {}, amount = 2500) => ({
  processingTerminalId: terminal,
  order: { orderId: `bank-${amount}`, amount, currency: 'USD' },
  paymentMethod: { type: 'singleUseToken', token },
  ...extra,
})

describe('POST /bank-transfer-payments', () => {
  it('ACH with a single-use token on 1234004: 201, Location, the account masked, ready', async () => {
    const answer = await post('/bank-transfer-payments', transfer('1234004', await apiToken('1234004', ACH)))
    const body = ok(answer, 201)
    expect(answer.headers.get('location')).toBe(`${base}/v1/bank-transfer-payments/${body.paymentId}`)
    expect(body.bankAccount).toEqual({
      type: 'ach',
      secCode: 'web',
      nameOnAccount: 'Sarah Hazel Hopper',
      accountNumber: '******7890',
      routingNumber: '053200983',
    })
    expect(body.transactionResult).toMatchObject({ type: 'payment', status: 'ready', responseCode: 'A' })
    expect(ok(await get(`/bank-transfer-payments/${body.paymentId}`), 200)).toEqual(body)
    // A bank transfer is not a card payment.
    expectProblem(await get(`/payments/${body.paymentId}`), 404)
  })

  it('PAD on 1234005; an ACH token there → 400 on token; a terminal without bank transfers → 403', async () => {
    const pad = ok(
      await post('/bank-transfer-payments', transfer('1234005', await apiToken('1234005', PAD))),
      201,
    )
    expect(pad.bankAccount).toMatchObject({
      type: 'pad',
      accountNumber: '***4321',
      transitNumber: '76543',
      institutionNumber: '543',
    })
    const achToken = await apiToken('1234004', ACH)
    expect(errorParameters(await post('/bank-transfer-payments', transfer('1234005', achToken)))).toEqual([
      'token',
    ])
    expectProblem(await post('/bank-transfer-payments', transfer('1234001', achToken)), 403, 'forbidden')
    // An ACH single-use token cannot even be made where ACH is off.
    expectProblem(
      await post('/processing-terminals/1234001/single-use-tokens', { channel: 'web', source: ACH }),
      403,
    )
  })

  it('a card token → 400 on token (not used up); used twice → 400 on token', async () => {
    const card = await apiToken('1234004', keyedCard())
    expect(errorParameters(await post('/bank-transfer-payments', transfer('1234004', card)))).toEqual([
      'token',
    ])
    ok(await post('/payments', { channel: 'web', ...transfer('1234004', card) }), 201)
    const ach = await apiToken('1234004', ACH)
    ok(await post('/bank-transfer-payments', transfer('1234004', ach)), 201)
    const again = await post('/bank-transfer-payments', transfer('1234004', ach, {}, 2600))
    expect(errorParameters(again)).toEqual(['token'])
  })

  it('saves the account during the payment (tokenize) and pays again with the secure token', async () => {
    const first = ok(
      await post(
        '/bank-transfer-payments',
        transfer('1234004', await apiToken('1234004', ACH), { credentialOnFile: { tokenize: true } }),
      ),
      201,
    )
    const saved = first.bankAccount.secureToken
    expect(saved).toMatchObject({ customerName: 'Sarah Hazel Hopper', status: 'notValidated' })
    const source = ok(await get(saved.link.href), 200).source
    expect(source).toEqual({
      type: 'ach',
      nameOnAccount: 'Sarah Hazel Hopper',
      accountNumber: '0000007890',
      routingNumber: '053200983',
      accountType: 'checking',
    })
    const repeat = ok(
      await post('/bank-transfer-payments', {
        ...transfer('1234004', 'unused'),
        paymentMethod: { type: 'secureToken', token: saved.token },
      }),
      201,
    )
    expect(repeat.bankAccount.secureToken.secureTokenId).toBe(saved.secureTokenId)
    // The saved ACH account is no card.
    const asCard = await post('/payments', {
      channel: 'web',
      ...transfer('1234004', 'unused'),
      paymentMethod: { type: 'secureToken', token: saved.token },
    })
    expect(errorParameters(asCard)).toEqual(['token'])
  })

  it('forced outcomes by amount apply: 01 declined, 03 → 500', async () => {
    const declined = ok(
      await post('/bank-transfer-payments', transfer('1234004', await apiToken('1234004', ACH), {}, 2501)),
      201,
    )
    expect(declined.transactionResult).toMatchObject({
      status: 'declined',
      responseCode: 'D',
      processorResponseCode: '05',
    })
    expectProblem(
      await post('/bank-transfer-payments', transfer('1234004', await apiToken('1234004', ACH), {}, 2503)),
      500,
    )
  })
})

describe('bank-transfer reverse and refund', () => {
  it('reverse (no body) in the open batch; twice → 400; refund after reversal → 400', async () => {
    const { paymentId } = ok(
      await post('/bank-transfer-payments', transfer('1234004', await apiToken('1234004', ACH))),
      201,
    )
    const reversed = ok(await post(`/bank-transfer-payments/${paymentId}/reverse`, ''), 200)
    expect(reversed.transactionResult.status).toBe('reversal')
    expect(errorParameters(await post(`/bank-transfer-payments/${paymentId}/reverse`, ''))).toEqual([
      'paymentId',
    ])
    expect(
      errorParameters(
        await post(`/bank-transfer-payments/${paymentId}/refund`, { amount: 1, description: 'x' }),
      ),
    ).toEqual(['paymentId'])
  })

  it('refund: refused while unsettled, then after the batch closes; reverse after settlement → 400', async () => {
    const { paymentId } = ok(
      await post('/bank-transfer-payments', transfer('1234005', await apiToken('1234005', PAD))),
      201,
    )
    const early = await post(`/bank-transfer-payments/${paymentId}/refund`, {
      amount: 500,
      description: 'early',
    })
    expect(errorParameters(early)).toEqual(['paymentId'])
    expect(await closeBatch('1234005')).toBe(1)
    const refunded = ok(
      await post(`/bank-transfer-payments/${paymentId}/refund`, { amount: 500, description: 'part' }),
      200,
    )
    expect(refunded.refunds).toEqual([expect.objectContaining({ amount: -500, status: 'ready' })])
    expect(refunded.transactionResult.status).toBe('complete')
    expect(errorParameters(await post(`/bank-transfer-payments/${paymentId}/reverse`, ''))).toEqual([
      'paymentId',
    ])
    expectProblem(await post('/bank-transfer-payments/ABCDEFGHIJ/reverse', ''), 404)
    // A refund needs its description.
    expect(errorParameters(await post(`/bank-transfer-payments/${paymentId}/refund`, { amount: 1 }))).toEqual(
      ['description'],
    )
  })
})
