import { describe, expect, it } from 'vitest'
import type { SecureTokenListed } from '@shared/contract'
import { startedStore, type Handlers } from '../../../support/renderer-transport'

const listed = (secureTokenId: string): SecureTokenListed => ({
  secureTokenId,
  processingTerminalId: '1234001',
  maskedToken: '2967…1234',
  status: 'notValidated',
  source: { type: 'card', masked: '453985******7062', cardType: 'Visa' },
})

const HANDLERS: Handlers = {
  'secureToken:list': (r) => ({
    ok: true,
    value: {
      environmentId: r.environmentId,
      processingTerminalId: r.processingTerminalId,
      items: [listed('one'), listed('two')],
      limit: r.limit ?? 10,
      count: 2,
      hasMore: true,
      nextCursor: 'two',
      durationMs: 1,
      journalId: 'j',
    },
  }),
  'secureToken:get': (r) => ({
    ok: true,
    value: { ...listed(r.secureTokenId), token: '2967530000001234', durationMs: 1, journalId: 'j' },
  }),
  'secureToken:delete': (r) => ({
    ok: true,
    value: { secureTokenId: r.secureTokenId, deleted: true, attempts: 1, durationMs: 1, journalId: 'j' },
  }),
  'secureToken:patch': (r) => ({
    ok: true,
    value: {
      ...listed(r.secureTokenId),
      customer: { firstName: r.customer.firstName ?? '' },
      idempotencyKey: 'k',
      attempts: 1,
      durationMs: 1,
      journalId: 'j',
    },
  }),
}

describe('secure tokens slice', () => {
  it('lists with only the filters given (trimmed) and pages on with the cursor', async () => {
    const { store, requests } = await startedStore(HANDLERS)
    const s = () => store.getState().secureTokens
    s().setFilter('last4', ' 7062 ')
    s().setFilter('email', '  ')
    await s().list()
    await s().list({ after: s().page?.nextCursor ?? '' })
    expect(requests('secureToken:list')).toEqual([
      {
        environmentId: 'sandbox',
        profile: 'default',
        processingTerminalId: '1234001',
        last4: '7062',
        limit: 10,
      },
      {
        environmentId: 'sandbox',
        profile: 'default',
        processingTerminalId: '1234001',
        last4: '7062',
        limit: 10,
        after: 'two',
      },
    ])
    expect(s().page?.items.map((i) => i.maskedToken)).toEqual(['2967…1234', '2967…1234'])
  })

  it('deletes only after the confirmation, and drops the row', async () => {
    const { store, count } = await startedStore(HANDLERS)
    const s = () => store.getState().secureTokens
    await s().list()
    s().askDelete('one')
    expect(count('secureToken:delete')).toBe(0)
    s().cancel()
    await s().confirm()
    expect(count('secureToken:delete')).toBe(0)
    s().askDelete('one')
    await s().confirm()
    expect(count('secureToken:delete')).toBe(1)
    expect(s().page?.items.map((i) => i.secureTokenId)).toEqual(['two'])
    expect(s().notice).toMatch(/one deleted/)
  })

  it('Copy fetches the full value; a patch updates the row; Use for update fills the session form', async () => {
    const { store, requests } = await startedStore(HANDLERS)
    const s = () => store.getState().secureTokens
    await s().list()
    expect(await s().fullValue('two')).toBe('2967530000001234')
    await s().patch('two', { firstName: 'Jo' })
    expect(requests('secureToken:patch')).toMatchObject([
      { secureTokenId: 'two', customer: { firstName: 'Jo' } },
    ])
    expect(s().page?.items.find((i) => i.secureTokenId === 'two')?.customer?.firstName).toBe('Jo')
    s().useForUpdate(listed('two'))
    expect(store.getState().session.form.secureTokenId).toBe('two')
    expect(store.getState().session.form.scenario).toBe('tokenization')
    expect(store.getState().nav.view).toBe('session')
  })
})
