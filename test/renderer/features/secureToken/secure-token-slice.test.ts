import { describe, expect, it } from 'vitest'
import type { SecureTokenSaved, SessionCreated } from '@shared/contract'
import { notesFor } from '@renderer/features/toasts/toast-bridge'
import { startedStore } from '../../../support/renderer-transport'

const created = {
  environmentId: 'sandbox',
  processingTerminalId: '1234001',
  scenario: 'tokenization',
  libVersion: '1.7.0.261457',
  token: 'a'.repeat(48),
  expiresAt: '2026-01-01T10:10:00.000Z',
  receivedAt: '2026-01-01T10:00:00.000Z',
  idempotencyKey: 'k',
  attempts: 1,
  durationMs: 5,
  journalId: 'j',
  secureTokenId: 'MREF_1',
} satisfies SessionCreated

const saved = {
  secureTokenId: 'MREF_1',
  processingTerminalId: '1234001',
  source: { type: 'card', cardholderName: 'T', cardNumber: '453985******7062' },
  token: '2967530000000000',
  status: 'notValidated',
  journalId: 'j2',
} as unknown as SecureTokenSaved

async function storeWithSuccess(answer: 'ok' | 'used') {
  const fake = await startedStore({
    'secureToken:update': () =>
      answer === 'ok'
        ? { ok: true, value: saved }
        : {
            ok: false,
            error: {
              kind: 'validation',
              message: 'Invalid token',
              hint: 'h',
              status: 400,
              problem: {
                type: 'https://docs.payroc.com/api/errors#bad-request',
                title: 'Bad request',
                status: 400,
                detail: 'One or more validation errors occurred',
                errors: [{ parameter: 'token', message: 'already used' }],
              },
            },
          },
    'secureToken:save': () => ({ ok: true, value: saved }),
  })
  fake.store.setState((s) => ({ session: { ...s.session, created } }))
  fake.store.getState().eventLog.add({
    name: 'submissionSuccess',
    payload: { token: 'b'.repeat(128), expiresAt: '2026-01-01T10:30:00.000Z' },
    at: '2026-01-01T10:01:00.000Z',
  })
  return fake
}

describe('secure token actions spend their single-use token', () => {
  it('after an update, the token is spent: no second call, and the toast says "updated"', async () => {
    const { store, requests } = await storeWithSuccess('ok')
    const before = store.getState()
    await store.getState().secureToken.run('update')
    const after = store.getState()
    expect(after.secureToken.spentToken).toBe('b'.repeat(128))
    expect(after.secureToken.savedBy).toBe('update')
    expect(notesFor(after, before).map((n) => n.message)).toContain('Secure token MREF_1 updated.')
    // Save as secure token with the same spent token: nothing is sent.
    await store.getState().secureToken.run('save')
    expect(requests('secureToken:save')).toEqual([])
    expect(requests('secureToken:update')).toHaveLength(1)
  })

  it('a save says "saved"', async () => {
    const { store } = await storeWithSuccess('ok')
    const before = store.getState()
    await store.getState().secureToken.run('save')
    expect(notesFor(store.getState(), before).map((n) => n.message)).toContain('Secure token MREF_1 saved.')
  })

  it('a 400 naming the token (used or expired) also marks it spent; a new submission frees the buttons', async () => {
    const { store } = await storeWithSuccess('used')
    await store.getState().secureToken.run('update')
    expect(store.getState().secureToken.spentToken).toBe('b'.repeat(128))
    store.getState().eventLog.add({
      name: 'submissionSuccess',
      payload: { token: 'c'.repeat(128), expiresAt: '2026-01-01T10:31:00.000Z' },
      at: '2026-01-01T10:02:00.000Z',
    })
    expect(store.getState().secureToken.spentToken).not.toBe(store.getState().eventLog.lastSuccess?.token)
  })
})
