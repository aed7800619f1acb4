/**
 * The Secure tokens screen's channels through dispatch against the embedded sandbox: list (filters, pagination,
 * masked values), get (the full value, for Copy), patch of the customer details, delete (then 404 with the
 * hint), and the surcharging check (card:binLookup) on 1234003 for a BIN and for a saved secure token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../../src/core/console-app'
import { createConsole } from '../../../src/core/console-app'
import { call } from '../../support/call'
import { consoleOptions, tempDir } from '../../support/console-fixtures'

let app: ConsoleApp

beforeAll(async () => {
  app = await createConsole(
    consoleOptions(await tempDir('hfc-secure-token-admin-'), {
      gateway: { retry: { baseDelayMs: 5 }, timeouts: { responseTimeoutMs: 5000 } },
    }),
  )
})
afterAll(async () => app.close())

const target = { environmentId: 'sandbox', profile: 'default' } as const

/** A secure token saved from a single-use token made without a browser. */
async function savedToken(terminal: string, secureTokenId: string, cardNumber = '4539858876047062') {
  const single = await call(app, 'singleUseToken:create', {
    ...target,
    processingTerminalId: terminal,
    source: { type: 'card', cardNumber, expiryDate: '1230', cardholderName: 'Jo Doe' },
  })
  if (!single.ok) throw new Error(JSON.stringify(single.error))
  const saved = await call(app, 'secureToken:save', {
    ...target,
    processingTerminalId: terminal,
    singleUseToken: single.value.token,
    secureTokenId,
  })
  if (!saved.ok) throw new Error(JSON.stringify(saved.error))
  return saved.value
}

describe('secureToken:list / get / patch / delete', () => {
  const stamp = Date.now() % 1e9
  const ids = [`list-${stamp}-a`, `list-${stamp}-b`, `list-${stamp}-c`]
  let tokens: string[] = []
  const onTerminal = { ...target, processingTerminalId: '1234001' } as const
  const tokenRef = (secureTokenId: string) => ({ ...onTerminal, secureTokenId })

  beforeAll(async () => {
    tokens = []
    for (const id of ids) tokens.push((await savedToken('1234001', id)).token)
  })

  it('lists with masked values only, filters by Secure token ID, and pages with cursors', async () => {
    const listed = await call(app, 'secureToken:list', {
      ...onTerminal,
      limit: 2,
    })
    expect(listed.ok, JSON.stringify(listed)).toBe(true)
    if (!listed.ok) return
    expect(listed.value.items).toHaveLength(2)
    expect(listed.value.hasMore).toBe(true)
    expect(listed.value.nextCursor).toBeDefined()
    const text = JSON.stringify(listed.value)
    for (const token of tokens) expect(text).not.toContain(token)
    for (const item of listed.value.items) expect(item.maskedToken).toMatch(/^….{6}$/)
    const next = await call(app, 'secureToken:list', {
      ...onTerminal,
      limit: 2,
      after: listed.value.nextCursor ?? '',
    })
    expect(next.ok && next.value.items[0]?.secureTokenId).not.toBe(listed.value.items[0]?.secureTokenId)

    const one = await call(app, 'secureToken:list', tokenRef(ids[1] ?? ''))
    expect(one.ok && one.value.items.map((item) => item.secureTokenId)).toEqual([ids[1]])
    // The journal of the list keeps the values masked too.
    const journal = one.ok ? await call(app, 'journal:get', { id: one.value.journalId }) : undefined
    expect(journal?.ok && JSON.stringify(journal.value)).not.toContain(tokens[1])
    expect(journal?.ok && journal.value.attempts[0]?.request.headers['Idempotency-Key']).toBeUndefined()
  })

  it('get answers the full value (Copy), its journal masked', async () => {
    const got = await call(app, 'secureToken:get', tokenRef(ids[0] ?? ''))
    expect(got.ok, JSON.stringify(got)).toBe(true)
    if (!got.ok) return
    expect(got.value.token).toBe(tokens[0])
    expect(got.value.source.masked).toMatch(/^453985.*7062$/)
    const journal = await call(app, 'journal:get', { id: got.value.journalId })
    expect(journal.ok && JSON.stringify(journal.value)).not.toContain(tokens[0])
  })

  it('patches the customer details (JSON Patch), then removes one', async () => {
    const id = ids[2] ?? ''
    const patched = await call(app, 'secureToken:patch', {
      ...tokenRef(id),
      customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    })
    expect(patched.ok, JSON.stringify(patched)).toBe(true)
    if (!patched.ok) return
    expect(patched.value.customer).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    })
    const journal = await call(app, 'journal:get', { id: patched.value.journalId })
    if (!journal.ok) throw new Error(journal.error.message)
    expect(journal.value.attempts[0]?.method).toBe('PATCH')
    expect(journal.value.idempotencyKey).toBeDefined()
    expect(Array.isArray(JSON.parse(journal.value.attempts[0]?.request.body ?? '{}'))).toBe(true)

    const removed = await call(app, 'secureToken:patch', {
      ...tokenRef(id),
      customer: { lastName: '' },
    })
    expect(removed.ok, JSON.stringify(removed)).toBe(true)
    if (removed.ok) {
      expect(removed.value.customer?.firstName).toBe('Ada')
      expect(removed.value.customer?.lastName).toBeUndefined()
    }
    const list = await call(app, 'history:list', {})
    const entry = list.ok ? list.value.entries.find((e) => e.id === patched.value.historyId) : undefined
    expect(entry?.flow?.operation).toBe('secure-token:patch')
  })

  it('deletes; then retrieve says it is gone', async () => {
    const id = ids[1] ?? ''
    const deleted = await call(app, 'secureToken:delete', tokenRef(id))
    expect(deleted.ok, JSON.stringify(deleted)).toBe(true)
    if (!deleted.ok) return
    const journal = await call(app, 'journal:get', { id: deleted.value.journalId })
    expect(journal.ok && journal.value.attempts[0]?.method).toBe('DELETE')
    expect(journal.ok && journal.value.attempts[0]?.response?.status).toBe(204)
    const gone = await call(app, 'secureToken:get', tokenRef(id))
    expect(gone.ok).toBe(false)
    if (!gone.ok) expect(gone.error.hint).toMatch(/no secure token with that Secure token ID/)
    const list = await call(app, 'history:list', {})
    const entry = list.ok ? list.value.entries.find((e) => e.id === deleted.value.historyId) : undefined
    expect(entry).toMatchObject({ kind: 'secure-token', outcome: 'ok', secureTokenId: id })
  })
})

describe('card:binLookup', () => {
  it('surcharging allowed on 1234003 for a test card BIN and an amount', async () => {
    const found = await call(app, 'card:binLookup', {
      ...target,
      processingTerminalId: '1234003',
      amount: 1000,
      currency: 'USD',
      card: { type: 'cardBin', bin: '453985' },
    })
    expect(found.ok, JSON.stringify(found)).toBe(true)
    if (!found.ok) return
    expect(found.value.surcharging.allowed).toBe(true)
    expect(found.value.surcharging.percentage).toBe(3)
    expect(found.value.surcharging.amount).toBe(30)
    expect(found.value.verdict).toMatch(/^Surcharging allowed: 3 % \(0\.30 USD on 10\.00 USD\)\.$/)
    const journal = await call(app, 'journal:get', { id: found.value.journalId })
    expect(journal.ok && journal.value.attempts[0]?.request.headers['Idempotency-Key']).toBeUndefined()
  })

  it('for a saved secure token by its id; not allowed on 1234001', async () => {
    const saved = await savedToken('1234003', `bin-${Date.now() % 1e9}`)
    const found = await call(app, 'card:binLookup', {
      ...target,
      processingTerminalId: '1234003',
      amount: 2000,
      currency: 'USD',
      card: { type: 'secureToken', secureTokenId: saved.secureTokenId },
    })
    expect(found.ok, JSON.stringify(found)).toBe(true)
    if (found.ok) expect(found.value.surcharging.allowed).toBe(true)
    const plain = await call(app, 'card:binLookup', {
      ...target,
      processingTerminalId: '1234001',
      amount: 2000,
      currency: 'USD',
      card: { type: 'cardBin', bin: '453985' },
    })
    expect(plain.ok && plain.value.surcharging.allowed).toBe(false)
  })
})
