/** BIN lookup with surcharging, and single-use tokens without a browser, over loopback HTTP. */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { base, errorParameters, expectProblem, sandbox, useSandbox } from '../../support/sandbox'
import { ACH, apiToken, keyedCard, ok, PAD, post, saveSecureToken, VISA, VISA_DEBIT } from './flow-calls'

useSandbox()

const lookup = (body: unknown) => post('/cards/bin-lookup', body, null)

describe('POST /cards/bin-lookup', () => {
  it('surcharging on 1234003: allowed, 3 % of the amount, the percentage and a disclosure', async () => {
    const body = ok(
      await lookup({ processingTerminalId: '1234003', amount: 10_050, currency: 'USD', card: keyedCard() }),
      200,
    )
    expect(body).toMatchObject({ type: 'Visa', cardNumber: '453985******7062', debit: false, country: 'US' })
    expect(body.surcharging).toEqual({
      allowed: true,
      amount: 302,
      percentage: 3,
      disclosure: expect.stringContaining('3%'),
    })
    // No amount: no surcharge amount, the rest the same.
    const noAmount = ok(await lookup({ processingTerminalId: '1234003', card: keyedCard() }), 200)
    expect(noAmount.surcharging).toEqual({ allowed: true, percentage: 3, disclosure: expect.any(String) })
  })

  it('no surcharge on a terminal without one, or without a terminal; debit reported', async () => {
    expect(
      ok(await lookup({ processingTerminalId: '1234001', amount: 100, card: keyedCard() }), 200).surcharging,
    ).toEqual({
      allowed: false,
    })
    const debit = ok(await lookup({ card: keyedCard(VISA_DEBIT) }), 200)
    expect(debit).toMatchObject({ type: 'Visa Debit', debit: true, surcharging: { allowed: false } })
    const bin = ok(await lookup({ card: { type: 'cardBin', bin: '453985' } }), 200)
    expect(bin.cardNumber).toBe('453985**********')
  })

  it("for a saved secure token (the merchant's, on any of its terminals), surcharged by the terminal given", async () => {
    const saved = await saveSecureToken('1234001')
    const body = ok(
      await lookup({
        processingTerminalId: '1234003',
        amount: 2000,
        card: { type: 'secureToken', token: saved.token },
      }),
      200,
    )
    expect(body).toMatchObject({
      cardNumber: saved.source.cardNumber,
      surcharging: { allowed: true, amount: 60 },
    })
    expectProblem(
      await lookup({ card: { type: 'secureToken', token: '2967530000000000' } }),
      404,
      'not-found',
    )
  })

  it('400 for a card failing Luhn or a bad body, 403 for an unknown terminal; needs no Idempotency-Key', async () => {
    expect(errorParameters(await lookup({ card: keyedCard('4539858876047063') }))).toEqual([
      'card.cardDetails.keyedData.cardNumber',
    ])
    expect(errorParameters(await lookup({ card: { type: 'cardBin', bin: '12' } }))).toEqual(['card.bin'])
    expectProblem(await lookup({ processingTerminalId: '9999999', card: keyedCard() }), 403)
  })
})

describe('POST …/single-use-tokens', () => {
  it('mints a 128-character token for a keyed card, valid 30 minutes, with the masked card as source', async () => {
    const answer = await post('/processing-terminals/1234001/single-use-tokens', {
      channel: 'web',
      operator: 'Jane',
      source: keyedCard(VISA),
    })
    const body = ok(answer, 201)
    expect(body.token).toMatch(/^[0-9a-f]{128}$/)
    expect(Date.parse(body.expiresAt) - sandbox.state.now()).toBeGreaterThan(29 * 60 * 1000)
    expect(body.source).toEqual({
      type: 'card',
      cardholderName: 'Sarah Hazel Hopper',
      cardNumber: '453985******7062',
      expiryDate: '1239',
      cardType: 'Visa',
    })
    expect(answer.headers.get('location')).toBe(
      `${base}/v1/processing-terminals/1234001/single-use-tokens/${body.token}`,
    )
  })

  it('ACH on 1234004 and PAD on 1234005 (account numbers digits-only, last 4 kept); elsewhere 403', async () => {
    const ach = ok(
      await post('/processing-terminals/1234004/single-use-tokens', { channel: 'web', source: ACH }),
      201,
    )
    expect(ach.source).toMatchObject({ type: 'ach', accountNumber: '0000007890', routingNumber: '053200983' })
    const pad = ok(
      await post('/processing-terminals/1234005/single-use-tokens', { channel: 'web', source: PAD }),
      201,
    )
    expect(pad.source).toMatchObject({ type: 'pad', accountNumber: '0004321' })
    expectProblem(
      await post('/processing-terminals/1234004/single-use-tokens', { channel: 'web', source: PAD }),
      403,
    )
    expectProblem(
      await post('/processing-terminals/9999999/single-use-tokens', { channel: 'web', source: ACH }),
      403,
    )
  })

  it('is idempotent; refuses an expired or Luhn-failing card (400 naming the field)', async () => {
    const key = randomUUID()
    const body = { channel: 'moto', source: keyedCard() }
    const first = ok(await post('/processing-terminals/1234001/single-use-tokens', body, key), 201)
    expect(ok(await post('/processing-terminals/1234001/single-use-tokens', body, key), 201).token).toBe(
      first.token,
    )
    const expired = keyedCard()
    expired.cardDetails.keyedData.expiryDate = '0120'
    expect(
      errorParameters(
        await post('/processing-terminals/1234001/single-use-tokens', { channel: 'web', source: expired }),
      ),
    ).toEqual(['source.cardDetails.keyedData.expiryDate'])
    expect(
      errorParameters(
        await post('/processing-terminals/1234001/single-use-tokens', {
          channel: 'web',
          source: keyedCard('1234567890123'),
        }),
      ),
    ).toEqual(['source.cardDetails.keyedData.cardNumber'])
  })

  it('the token saves a secure token once; a second use → 400 on token', async () => {
    const token = await apiToken()
    ok(
      await post('/processing-terminals/1234001/secure-tokens', {
        source: { type: 'singleUseToken', token },
      }),
      201,
    )
    const again = await post('/processing-terminals/1234001/secure-tokens', {
      source: { type: 'singleUseToken', token },
    })
    expect(errorParameters(again)).toEqual(['token'])
  })
})
