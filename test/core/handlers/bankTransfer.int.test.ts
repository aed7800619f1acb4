/**
 * bankTransfer:* and singleUseToken:create through dispatch against the embedded sandbox: ACH (1234004) and PAD
 * (1234005) single-use tokens made without a browser, the bank-transfer payment with them, reverse and refund,
 * a card-only terminal refusing ACH, and no account number or full token in the journal or History.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../../src/core/console-app'
import { createConsole } from '../../../src/core/console-app'
import { FLOW_HINTS } from '../../../src/core/hint-catalogue'
import { TEST_BANK_PRESETS } from '../../../src/shared/contract'
import { call } from '../../support/call'
import { consoleOptions, tempDir } from '../../support/console-fixtures'

let app: ConsoleApp
let sandboxUrl: string

beforeAll(async () => {
  app = await createConsole(
    consoleOptions(await tempDir('hfc-bank-transfers-'), {
      gateway: { retry: { baseDelayMs: 5 }, timeouts: { responseTimeoutMs: 5000 } },
    }),
  )
  sandboxUrl = app.info.sandboxUrl
})
afterAll(async () => app.close())

const target = { environmentId: 'sandbox', profile: 'default' } as const
let seq = 0
const orderId = () => `bt-${Date.now() % 1e9}-${(seq += 1)}`

async function bankToken(kind: 'ach' | 'pad', terminal: string): Promise<string> {
  const created = await call(app, 'singleUseToken:create', {
    ...target,
    processingTerminalId: terminal,
    source:
      kind === 'ach' ? { type: 'ach', ...TEST_BANK_PRESETS.ach } : { type: 'pad', ...TEST_BANK_PRESETS.pad },
  })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  expect(created.value.source.type).toBe(kind)
  return created.value.token
}

const pay = (token: string, terminal: string, amount = 5000) =>
  call(app, 'bankTransfer:run', {
    ...target,
    processingTerminalId: terminal,
    amount,
    currency: terminal === '1234005' ? 'CAD' : 'USD',
    orderId: orderId(),
    paymentMethod: { type: 'singleUseToken', token },
  })

describe.each([
  ['ach', '1234004'],
  ['pad', '1234005'],
] as const)('%s on %s', (kind, terminal) => {
  it('pays with a single-use token made without a browser, then reverses it', async () => {
    const token = await bankToken(kind, terminal)
    const paid = await pay(token, terminal)
    expect(paid.ok, JSON.stringify(paid)).toBe(true)
    if (!paid.ok) return
    expect(paid.value.operation).toBe('bank-transfer')
    expect(paid.value.approved).toBe(true)
    expect(paid.value.paymentMethod.type).toBe(kind)
    expect(paid.value.paymentMethod.masked).not.toContain(TEST_BANK_PRESETS[kind].accountNumber)
    expect(paid.value.verdict).toMatch(/^Approved: bank transfer payment of 50\.00 (USD|CAD)/)
    const journal = await call(app, 'journal:get', { id: paid.value.journalId })
    if (!journal.ok) throw new Error(journal.error.message)
    expect(journal.value.operation).toBe('bank-transfer:payment')
    expect(JSON.stringify(journal.value)).not.toContain(token)

    const reversed = await call(app, 'bankTransfer:reverse', {
      ...target,
      processingTerminalId: terminal,
      paymentId: paid.value.paymentId,
    })
    expect(reversed.ok, JSON.stringify(reversed)).toBe(true)
    if (!reversed.ok) return
    expect(reversed.value.operation).toBe('bank-transfer:reverse')
    const sent = await call(app, 'journal:get', { id: reversed.value.journalId })
    // reverse takes no body
    expect(sent.ok && sent.value.attempts[0]?.request.body).toBeUndefined()

    const list = await call(app, 'history:list', {})
    const mine = list.ok ? list.value.entries.filter((e) => e.flow?.paymentId === paid.value.paymentId) : []
    expect(mine.map((e) => e.flow?.operation).sort()).toEqual(['bank-transfer', 'bank-transfer:reverse'])
    expect(JSON.stringify(mine)).not.toContain(TEST_BANK_PRESETS[kind].accountNumber)
  })

  it('refunds a settled payment', async () => {
    const paid = await pay(await bankToken(kind, terminal), terminal, 3000)
    if (!paid.ok) throw new Error(paid.error.message)
    expect((await fetch(`${sandboxUrl}/__sandbox/batches/close`, { method: 'POST' })).ok).toBe(true)
    const refunded = await call(app, 'bankTransfer:refund', {
      ...target,
      processingTerminalId: terminal,
      paymentId: paid.value.paymentId,
      amount: 3000,
      description: 'QA cleanup',
    })
    expect(refunded.ok, JSON.stringify(refunded)).toBe(true)
    if (refunded.ok) expect(refunded.value.operation).toBe('bank-transfer:refund')
  })
})

describe('singleUseToken:create', () => {
  it('creates a card token from a test-card preset: full once, masked in the journal and History', async () => {
    const created = await call(app, 'singleUseToken:create', {
      ...target,
      processingTerminalId: '1234001',
      source: {
        type: 'card',
        cardNumber: '4539858876047062',
        expiryDate: '1230',
        cvv: '987',
        cardholderName: 'Jo Doe',
      },
    })
    expect(created.ok, JSON.stringify(created)).toBe(true)
    if (!created.ok) return
    expect(created.value.token.length).toBeGreaterThan(20)
    expect(created.value.source.masked).toMatch(/^453985.*7062$/)
    const journal = await call(app, 'journal:get', { id: created.value.journalId })
    if (!journal.ok) throw new Error(journal.error.message)
    expect(journal.value.idempotencyKey).toBeDefined()
    const text = JSON.stringify(journal.value)
    expect(text).not.toContain(created.value.token)
    expect(text).not.toContain('4539858876047062')
    const sent = JSON.parse(journal.value.attempts[0]?.request.body ?? '{}') as {
      source: { cardDetails: { keyedData: { cardNumber: string; cvv: string } } }
    }
    expect(sent.source.cardDetails.keyedData).toEqual({
      dataFormat: 'plainText',
      cardNumber: '…7062',
      expiryDate: '1230',
      cvv: '…',
    })
    const list = await call(app, 'history:list', {})
    const entry = list.ok ? list.value.entries.find((e) => e.id === created.value.historyId) : undefined
    expect(entry?.kind).toBe('single-use-token')
    expect(entry?.tokenSuffix).toBe(created.value.token.slice(-6))
    expect(JSON.stringify(entry)).not.toContain(created.value.token)
  })

  it('a card-only terminal refuses an ACH payment', async () => {
    const token = await bankToken('ach', '1234004')
    const paid = await pay(token, '1234001')
    expect(paid.ok).toBe(false)
    if (!paid.ok) {
      expect(paid.error.kind).toBe('forbidden')
      expect(paid.error.hint).toBe(FLOW_HINTS.notAllowed)
    }
  })
})
