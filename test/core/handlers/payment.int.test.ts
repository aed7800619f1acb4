/**
 * payment:* through dispatch against the embedded sandbox (real loopback HTTP, the real keychain): a sale with the
 * test page's single-use token and with a saved secure token, the forced decline amounts, capture / reverse /
 * refund, the Idempotency-Key, History entries with plain-word verdicts, and no full token in History or the
 * journal. Plus the Production confirmation refusal of every channel of issue 14 that changes gateway state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../../src/core/console-app'
import { createConsole } from '../../../src/core/console-app'
import type { Channel } from '../../../src/shared/channels'
import { sandboxControlClient } from '../../../src/sandbox/control-client'
import { UUID_V4_PATTERN } from '../../../src/shared/payroc'
import { call } from '../../support/call'
import { consoleOptions, tempDir } from '../../support/console-fixtures'

let app: ConsoleApp
let sandboxUrl: string

beforeAll(async () => {
  app = await createConsole(
    consoleOptions(await tempDir('hfc-payments-'), {
      gateway: { retry: { baseDelayMs: 5 }, timeouts: { responseTimeoutMs: 5000 } },
    }),
  )
  sandboxUrl = app.info.sandboxUrl
})
afterAll(async () => app.close())

const target = { environmentId: 'sandbox', profile: 'default' } as const
let orderSeq = 0
const orderId = () => `ord-${Date.now() % 1e9}-${(orderSeq += 1)}`

/** A payment session, then the simulated library's submit with a test card: the test page's single-use token. */
async function pageSingleUseToken(scenario: 'payment' | 'tokenization' = 'payment'): Promise<string> {
  const session = await call(app, 'session:create', {
    ...target,
    processingTerminalId: '1234001',
    scenario,
    libVersion: '1.7.0.261457',
  })
  if (!session.ok) throw new Error(session.error.message)
  const response = await fetch(`${sandboxUrl}/hosted-fields/single-use-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sessionToken: session.value.token,
      cardholderName: 'Jo Doe',
      cardNumber: '4539858876047062',
      expiryDate: '12/30',
      cvv: '123',
    }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { token: string }).token
}

const sale = (token: string, amount = 1000, extra: Record<string, unknown> = {}) =>
  call(app, 'payment:run', {
    ...target,
    processingTerminalId: '1234001',
    amount,
    currency: 'USD',
    orderId: orderId(),
    paymentMethod: { type: 'singleUseToken', token },
    ...extra,
  })

async function historyEntry(id: string | undefined) {
  const list = await call(app, 'history:list', {})
  if (!list.ok) throw new Error(list.error.message)
  const entry = list.value.entries.find((candidate) => candidate.id === id)
  if (!entry) throw new Error(`no history entry ${id}`)
  return entry
}

describe('payment:run', () => {
  it('runs a sale with the single-use token: approved, journaled with a UUID v4 key, in History, token masked', async () => {
    const token = await pageSingleUseToken()
    const paid = await sale(token)
    expect(paid.ok, JSON.stringify(paid)).toBe(true)
    if (!paid.ok) return
    expect(paid.value.approved).toBe(true)
    expect(paid.value.paymentId).toHaveLength(10)
    expect(paid.value.transactionResult.responseCode).toBe('A')
    expect(paid.value.verdict).toMatch(/^Approved: sale of 10\.00 USD \(/)
    expect(paid.value.paymentMethod.masked).toMatch(/^453985.*7062$/)
    expect(paid.value.idempotencyKey).toMatch(UUID_V4_PATTERN)

    const journal = await call(app, 'journal:get', { id: paid.value.journalId })
    if (!journal.ok) throw new Error(journal.error.message)
    expect(journal.value.operation).toBe('payment:sale')
    expect(journal.value.idempotencyKey).toBe(paid.value.idempotencyKey)
    expect(journal.value.attempts[0]?.request.headers['Idempotency-Key']).toBe(paid.value.idempotencyKey)
    expect(journal.value.attempts[0]?.url).toMatch(/\/v1\/payments$/)
    const sent = JSON.parse(journal.value.attempts[0]?.request.body ?? '{}') as Record<string, unknown>
    expect(sent).toMatchObject({ channel: 'web', paymentMethod: { type: 'singleUseToken' } })
    expect(JSON.stringify(journal.value)).not.toContain(token)

    const entry = await historyEntry(paid.value.historyId)
    expect(entry.kind).toBe('payment')
    expect(entry.flow).toMatchObject({
      operation: 'sale',
      paymentId: paid.value.paymentId,
      amount: 1000,
      currency: 'USD',
      responseCode: 'A',
      approved: true,
    })
    expect(entry.verdict?.tone).toBe('success')
    expect(entry.verdict?.sentence).toBe(paid.value.verdict)
    expect(JSON.stringify(entry)).not.toContain(token)
  })

  it.each([
    [1001, '05'],
    [1002, '51'],
  ])('amount %i is declined with processor code %s, in plain words', async (amount, code) => {
    const paid = await sale(await pageSingleUseToken(), amount)
    expect(paid.ok, JSON.stringify(paid)).toBe(true)
    if (!paid.ok) return
    expect(paid.value.approved).toBe(false)
    expect(paid.value.transactionResult.status).toBe('declined')
    expect(paid.value.transactionResult.responseCode).toBe('D')
    expect(paid.value.transactionResult.processorResponseCode).toBe(code)
    expect(paid.value.verdict).toMatch(/^Declined: sale of 10\.0\d USD \(declined, D, /)
    const entry = await historyEntry(paid.value.historyId)
    expect(entry.outcome).toBe('ok')
    expect(entry.flow?.approved).toBe(false)
    expect(entry.verdict).toMatchObject({ tone: 'warning', historyOutcome: 'declined' })
  })

  it('amount ending 03 is a gateway error after the retries, recorded with the same key', async () => {
    const paid = await sale(await pageSingleUseToken(), 1003)
    expect(paid.ok).toBe(false)
    if (paid.ok) return
    expect(paid.error.kind).toBe('gateway')
    const journal = await call(app, 'journal:get', { id: paid.error.journalId ?? '' })
    if (!journal.ok) throw new Error(journal.error.message)
    expect(journal.value.attempts.length).toBeGreaterThan(1)
    const keys = new Set(journal.value.attempts.map((attempt) => attempt.request.headers['Idempotency-Key']))
    expect(keys.size).toBe(1)
    const list = await call(app, 'history:list', {})
    const entry = list.ok ? list.value.entries.find((e) => e.journalId === paid.error.journalId) : undefined
    expect(entry?.outcome).toBe('error')
    expect(entry?.verdict?.tone).toBe('error')
  })

  it('amount ending 04 (a slow answer) still answers within the call, once', async () => {
    await sandboxControlClient(sandboxUrl).send('PATCH', 'config', { slowOutcomeMs: 1500 })
    try {
      const paid = await sale(await pageSingleUseToken(), 1004)
      expect(paid.ok, JSON.stringify(paid)).toBe(true)
      if (paid.ok) {
        expect(paid.value.attempts).toBe(1)
        expect(paid.value.durationMs).toBeGreaterThanOrEqual(1400)
      }
    } finally {
      await sandboxControlClient(sandboxUrl).send('PATCH', 'config', { slowOutcomeMs: 20_000 })
    }
  })

  it('keeps to the 30 s budget: a Retry-After of a day stops the sale at once, the reason named', async () => {
    const control = sandboxControlClient(sandboxUrl)
    await control.send('POST', 'faults', {
      route: 'payments',
      action: { type: 'rate-limit', retryAfterSeconds: 86_400 },
    })
    try {
      const started = Date.now()
      const paid = await sale('no-token-needed-the-fault-answers-first')
      expect(paid).toMatchObject({ ok: false, error: { kind: 'timeout' } })
      if (!paid.ok) expect(paid.error.message).toMatch(/Retry-After.*budget/)
      expect(Date.now() - started).toBeLessThan(30_000)
    } finally {
      await control.clearFaults()
    }
  })

  it('a single-use token works once: the second sale names the token and says what to do', async () => {
    const token = await pageSingleUseToken()
    expect((await sale(token)).ok).toBe(true)
    const again = await sale(token)
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.error.hint).toMatch(/single-use token works once/i)
  })

  it('pre-authorizes (autoCapture false), then captures', async () => {
    const auth = await sale(await pageSingleUseToken(), 2500, { autoCapture: false })
    expect(auth.ok, JSON.stringify(auth)).toBe(true)
    if (!auth.ok) return
    expect(auth.value.transactionResult.status).toBe('pending')
    const captured = await call(app, 'payment:capture', {
      ...target,
      processingTerminalId: '1234001',
      paymentId: auth.value.paymentId,
    })
    expect(captured.ok, JSON.stringify(captured)).toBe(true)
    if (!captured.ok) return
    expect(captured.value.operation).toBe('capture')
    expect(captured.value.paymentId).toBe(auth.value.paymentId)
    expect(captured.value.verdict).toMatch(/^Approved: capture of 25\.00 USD/)
    expect((await historyEntry(captured.value.historyId)).flow?.operation).toBe('capture')
  })

  it('reverses a sale; a second reverse is refused with the follow-up hint', async () => {
    const paid = await sale(await pageSingleUseToken(), 1200)
    if (!paid.ok) throw new Error(paid.error.message)
    const reverse = () =>
      call(app, 'payment:reverse', {
        ...target,
        processingTerminalId: '1234001',
        paymentId: paid.value.paymentId,
      })
    const reversed = await reverse()
    expect(reversed.ok, JSON.stringify(reversed)).toBe(true)
    if (reversed.ok) expect(reversed.value.operation).toBe('reverse')
    const twice = await reverse()
    expect(twice.ok).toBe(false)
    if (!twice.ok) {
      expect(twice.error.status).toBe(400)
      expect(twice.error.hint).toMatch(/not in a state that allows this/)
    }
  })

  it('says the payment is unknown for a Payment ID the gateway does not have', async () => {
    const answer = await call(app, 'payment:refund', {
      ...target,
      processingTerminalId: '1234001',
      paymentId: 'ZZZZZZZZZZ',
      amount: 100,
    })
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.error.hint).toMatch(/no payment with that Payment ID/)
  })

  it('tokenize → save → sale with the secure token (by id) → refund once settled', async () => {
    // Save the test page's token as a secure token, then pay with it by its Secure token ID.
    const saved = await call(app, 'secureToken:save', {
      ...target,
      processingTerminalId: '1234001',
      singleUseToken: await pageSingleUseToken('tokenization'),
    })
    if (!saved.ok) throw new Error(saved.error.message)
    const paid = await call(app, 'payment:run', {
      ...target,
      processingTerminalId: '1234001',
      amount: 4200,
      currency: 'USD',
      orderId: orderId(),
      paymentMethod: { type: 'secureToken', secureTokenId: saved.value.secureTokenId },
    })
    expect(paid.ok, JSON.stringify(paid)).toBe(true)
    if (!paid.ok) return
    expect(paid.value.approved).toBe(true)
    const journal = await call(app, 'journal:get', { id: paid.value.journalId })
    if (!journal.ok) throw new Error(journal.error.message)
    expect(JSON.stringify(journal.value)).not.toContain(saved.value.token)
    expect(JSON.parse(journal.value.attempts[0]?.request.body ?? '{}')).toMatchObject({
      paymentMethod: { type: 'secureToken', token: `…${saved.value.token.slice(-6)}` },
    })
    // Unsettled, the sale can only be reversed; Close batch (sandbox:closeBatch) settles it, then refund part of it.
    const early = await call(app, 'payment:refund', {
      ...target,
      processingTerminalId: '1234001',
      paymentId: paid.value.paymentId,
      amount: 1000,
    })
    expect(early.ok).toBe(false)
    const closed = await call(app, 'sandbox:closeBatch', {
      environmentId: 'sandbox',
      processingTerminalId: '1234001',
    })
    expect(closed.ok && closed.value.settled, JSON.stringify(closed)).toBeGreaterThanOrEqual(1)
    const refunded = await call(app, 'payment:refund', {
      ...target,
      processingTerminalId: '1234001',
      paymentId: paid.value.paymentId,
      amount: 1000,
    })
    expect(refunded.ok, JSON.stringify(refunded)).toBe(true)
    if (!refunded.ok) return
    expect(refunded.value.operation).toBe('refund')
    // The verdict names this refund (10.00 of the 42.00 sale) and its own result.
    expect(refunded.value.verdict).toMatch(/^Approved: refund of 10\.00 USD \(/)
    expect(refunded.value.amount).toBe(4200)
    expect((await historyEntry(refunded.value.historyId)).flow).toMatchObject({
      operation: 'refund',
      amount: 1000,
    })
    expect(refunded.value.refunds?.length).toBeGreaterThan(0)
    const sentRefund = await call(app, 'journal:get', { id: refunded.value.journalId })
    expect(sentRefund.ok && JSON.parse(sentRefund.value.attempts[0]?.request.body ?? '{}')).toEqual({
      amount: 1000,
      description: 'Refund from the console',
    })
  })

  it('saves the card during the sale (tokenize) and answers the full secure token, masked in History', async () => {
    const paid = await sale(await pageSingleUseToken(), 1500, { tokenize: true })
    expect(paid.ok, JSON.stringify(paid)).toBe(true)
    if (!paid.ok) return
    expect(paid.value.secureToken?.token.length).toBeGreaterThanOrEqual(12)
    const entry = await historyEntry(paid.value.historyId)
    expect(entry.secureTokenId).toBe(paid.value.secureToken?.secureTokenId)
    expect(JSON.stringify(entry)).not.toContain(paid.value.secureToken?.token ?? '(none)')
    const journal = await call(app, 'journal:get', { id: paid.value.journalId })
    expect(journal.ok && JSON.stringify(journal.value)).not.toContain(
      paid.value.secureToken?.token ?? '(none)',
    )
  })

  it('the support bundle of a sale holds its exchange (token masked) and its History entry', async () => {
    const token = await pageSingleUseToken()
    const paid = await sale(token, 1300)
    if (!paid.ok) throw new Error(paid.error.message)
    const bundle = await call(app, 'bundle:export', { ...target, journalId: paid.value.journalId })
    if (!bundle.ok) throw new Error(bundle.error.message)
    const document = JSON.parse(bundle.value.json) as {
      journal: { operation: string }[]
      attempts: { kind?: string; flow?: { operation: string; paymentId?: string } }[]
    }
    expect(document.journal.map((entry) => entry.operation)).toContain('payment:sale')
    expect(document.attempts).toContainEqual(
      expect.objectContaining({
        kind: 'payment',
        flow: expect.objectContaining({ operation: 'sale', paymentId: paid.value.paymentId }),
      }),
    )
    expect(bundle.value.json).not.toContain(token)
    expect(bundle.value.har).not.toContain(token)
  })

  it('a sale in History is not re-run (only session creates are)', async () => {
    const paid = await sale(await pageSingleUseToken(), 1100)
    if (!paid.ok) throw new Error(paid.error.message)
    const rerun = await call(app, 'history:rerun', { id: paid.value.historyId ?? '' })
    expect(rerun).toMatchObject({ ok: false, error: { kind: 'validation' } })
    if (!rerun.ok) expect(rerun.error.message).toMatch(/only sessions can be re-run/)
  })

  it('exports the flows in the History CSV, with their columns', async () => {
    const csv = await call(app, 'history:exportCsv', {})
    if (!csv.ok) throw new Error(csv.error.message)
    const [header, ...rows] = csv.value.csv.trim().split('\r\n')
    expect(header).toMatch(
      /^at,environmentId,profile,processingTerminalId,.*,kind,operation,paymentId,orderId,amount,currency,transactionStatus,responseCode,responseMessage,approved,paymentMethod,verdict$/,
    )
    expect(rows.some((row) => row.includes(',payment,sale,'))).toBe(true)
    expect(rows.some((row) => row.includes(',payment,refund,'))).toBe(true)
  })
})

describe('Production confirmation', () => {
  const production = { environmentId: 'production', profile: 'default', processingTerminalId: '1234001' }
  const order = { amount: 1000, currency: 'USD', orderId: 'o-1' }
  const method = { type: 'singleUseToken', token: 'never-sent-token' }
  const changing: [Channel, Record<string, unknown>][] = [
    ['payment:run', { ...order, paymentMethod: method }],
    ['payment:capture', { paymentId: 'P000000001' }],
    ['payment:reverse', { paymentId: 'P000000001' }],
    ['payment:refund', { paymentId: 'P000000001', amount: 100 }],
    ['bankTransfer:run', { ...order, paymentMethod: method }],
    ['bankTransfer:reverse', { paymentId: 'P000000001' }],
    ['bankTransfer:refund', { paymentId: 'P000000001', amount: 100 }],
    ['secureToken:delete', { secureTokenId: 'st-1' }],
    ['secureToken:patch', { secureTokenId: 'st-1', customer: { firstName: 'Jo' } }],
    [
      'singleUseToken:create',
      {
        source: { type: 'card', cardNumber: '4539858876047062', expiryDate: '1230', cardholderName: 'Jo' },
      },
    ],
  ]
  it.each(changing)(
    '%s is refused without the confirmation, nothing sent or recorded',
    async (channel, rest) => {
      const journalBefore = await call(app, 'journal:list', { limit: 1000 })
      const historyBefore = await call(app, 'history:list', {})
      const answer = await app.dispatch(channel, { ...production, ...rest })
      expect(answer.ok).toBe(false)
      if (!answer.ok) {
        expect(answer.error.kind).toBe('confirmation-required')
        expect(answer.error.message).toMatch(/in Production needs an explicit confirmation/)
      }
      const journalAfter = await call(app, 'journal:list', { limit: 1000 })
      const historyAfter = await call(app, 'history:list', {})
      expect(journalAfter.ok && journalAfter.value.entries.length).toBe(
        journalBefore.ok && journalBefore.value.entries.length,
      )
      expect(historyAfter.ok && historyAfter.value.entries.length).toBe(
        historyBefore.ok && historyBefore.value.entries.length,
      )
    },
  )
})
