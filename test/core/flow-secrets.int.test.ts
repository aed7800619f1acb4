/**
 * Tokens and card data of the flows after the form (INTERFACES.md, "Secrets and sensitive values"): a single-use
 * token and a secure token are full only in the answer of the call that produced them (and secureToken:get, for
 * Copy); the card number and CVV sent to make a single-use token never leave the request. After a run of every
 * flow, none of them appears in History (memory and history.json), the journal, push events, the log files, the
 * CSV export, the support bundle, or in the answers of the calls that did not produce them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ConsoleApp } from '../../src/core/console-app'
import { createConsole } from '../../src/core/console-app'
import type { ConsoleEvent } from '../../src/shared/contract'
import { call } from '../support/call'
import { filesText } from '../support/folder-text'
import { consoleOptions, tempDir } from '../support/console-fixtures'

const CARD = '5100270000000007'
const CVV = '4321'
let app: ConsoleApp
let dataDir: string
const events: ConsoleEvent[] = []

beforeAll(async () => {
  dataDir = await tempDir('hfc-flow-secrets-')
  app = await createConsole(consoleOptions(dataDir))
  app.subscribe((event) => events.push(event))
})
let closed = false
afterAll(async () => {
  if (!closed) await app.close()
})

it('keeps single-use tokens, secure tokens, the card number and the CVV out of everything but their own answer', async () => {
  const target = { environmentId: 'sandbox', profile: 'default', processingTerminalId: '1234003' } as const
  const others: unknown[] = []
  const made = await call(app, 'singleUseToken:create', {
    ...target,
    source: { type: 'card', cardNumber: CARD, expiryDate: '1230', cvv: CVV, cardholderName: 'Jo Doe' },
  })
  if (!made.ok) throw new Error(made.error.message)
  const single = made.value.token
  const made2 = await call(app, 'singleUseToken:create', {
    ...target,
    source: { type: 'card', cardNumber: CARD, expiryDate: '1230', cvv: CVV, cardholderName: 'Jo Doe' },
  })
  if (!made2.ok) throw new Error(made2.error.message)
  // A sale that saves the card (tokenize): its answer has the new secure token in full.
  const paid = await call(app, 'payment:run', {
    ...target,
    amount: 1000,
    currency: 'USD',
    orderId: `leak-${Date.now() % 1e9}`,
    paymentMethod: { type: 'singleUseToken', token: single },
    tokenize: true,
  })
  if (!paid.ok || !paid.value.secureToken) throw new Error(JSON.stringify(paid))
  const secure = paid.value.secureToken
  const saved = await call(app, 'secureToken:save', { ...target, singleUseToken: made2.value.token })
  if (!saved.ok) throw new Error(saved.error.message)

  others.push(
    await call(app, 'secureToken:list', { ...target }),
    await call(app, 'card:binLookup', {
      ...target,
      amount: 1000,
      currency: 'USD',
      card: { type: 'secureToken', secureTokenId: secure.secureTokenId },
    }),
    await call(app, 'secureToken:patch', {
      ...target,
      secureTokenId: secure.secureTokenId,
      customer: { firstName: 'Jo' },
    }),
    await call(app, 'payment:run', {
      ...target,
      amount: 500,
      currency: 'USD',
      orderId: `leak2-${Date.now() % 1e9}`,
      paymentMethod: { type: 'secureToken', secureTokenId: saved.value.secureTokenId },
    }),
    await call(app, 'secureToken:delete', { ...target, secureTokenId: saved.value.secureTokenId }),
  )
  for (const answer of others) expect((answer as { ok: boolean }).ok, JSON.stringify(answer)).toBe(true)
  // Retrieve answers the full value (Copy): the one read that may.
  const got = await call(app, 'secureToken:get', { ...target, secureTokenId: secure.secureTokenId })
  expect(got.ok && got.value.token).toBe(secure.token)

  const history = await call(app, 'history:list', {})
  const csv = await call(app, 'history:exportCsv', {})
  const summaries = await call(app, 'journal:list', { limit: 1000 })
  const entries = await Promise.all(
    (summaries.ok ? summaries.value.entries : []).map((entry) => call(app, 'journal:get', { id: entry.id })),
  )
  const bundle = await call(app, 'bundle:export', { environmentId: 'sandbox', profile: 'default' })
  const curls = await Promise.all(
    (summaries.ok ? summaries.value.entries : []).map((entry) => call(app, 'journal:curl', { id: entry.id })),
  )
  await app.close()
  closed = true
  const files = await filesText(dataDir)
  const haystacks: Record<string, string> = {
    'other answers': JSON.stringify(others),
    history: JSON.stringify(history),
    csv: JSON.stringify(csv),
    journal: JSON.stringify(entries),
    bundle: JSON.stringify(bundle),
    curl: JSON.stringify(curls),
    events: JSON.stringify(events),
    'data folder': files,
  }
  expect(files).toContain('history') // the history file was written
  for (const [where, text] of Object.entries(haystacks)) {
    for (const [what, secret] of [
      ['single-use token', single],
      ['second single-use token', made2.value.token],
      ['secure token from the sale', secure.token],
      ['saved secure token', saved.value.token],
      ['card number', CARD],
    ] as const)
      expect(text.includes(secret), `${what} in ${where}`).toBe(false)
  }
  // The CVV is short: look for it as a JSON value in the journal bodies, not as a substring.
  for (const entry of entries)
    for (const attempt of entry.ok ? entry.value.attempts : [])
      expect(attempt.request.body ?? '').not.toMatch(new RegExp(`"cvv":"${CVV}"`))
})
