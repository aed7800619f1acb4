/**
 * Cancel request in the session slice: the create carries a requestId, Cancel request sends `session:cancel`
 * with it, and a create answered after the cancel is never shown as created (even a late success).
 */
import { describe, expect, it, vi } from 'vitest'
import type { RequestOf, ResponseOf } from '@shared/contract'
import type { Result } from '@shared/result'
import { startedStore } from '../../../support/renderer-transport'
import { sessionCreatedFor } from '../../session-created'

const created = (request: RequestOf<'session:create'>): ResponseOf<'session:create'> =>
  sessionCreatedFor(request, { token: 'b'.repeat(48), journalId: 'j-late' })

/** A create that answers only when the test says so, with what the test says. */
function heldCreate() {
  let answer: (result: Result<ResponseOf<'session:create'>>) => void = () => undefined
  let request: RequestOf<'session:create'> | undefined
  const handler = (r: RequestOf<'session:create'>) => {
    request = r
    return new Promise<Result<ResponseOf<'session:create'>>>((resolve) => (answer = resolve))
  }
  return { handler, answer: (r: Result<ResponseOf<'session:create'>>) => answer(r), request: () => request }
}

describe('Cancel request', () => {
  it('sends session:cancel with the create’s requestId and shows the cancelled answer', async () => {
    const held = heldCreate()
    const { store, requests } = await startedStore({
      'session:create': held.handler,
      'session:cancel': () => ({ ok: true, value: { inFlight: true } }),
    })
    const submitting = store.getState().session.submit()
    await vi.waitFor(() => expect(held.request()).toBeDefined())
    const requestId = held.request()?.requestId
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(store.getState().session.pending).toBe(true)
    await store.getState().session.cancelRequest()
    expect(requests('session:cancel')).toEqual([{ requestId }])
    expect(store.getState().session.cancelling).toBe(true)
    held.answer({
      ok: false,
      error: { kind: 'cancelled', message: 'Cancelled (Cancel request)', hint: 'Nothing further was sent.' },
    })
    await submitting
    const session = store.getState().session
    expect(session.pending).toBe(false)
    expect(session.cancelling).toBe(false)
    expect(session.created).toBeNull()
    expect(session.error?.kind).toBe('cancelled')
  })

  it('a success that arrives after Cancel request is not shown as created', async () => {
    const held = heldCreate()
    const { store } = await startedStore({
      'session:create': held.handler,
      'session:cancel': () => ({ ok: true, value: { inFlight: false } }),
    })
    const submitting = store.getState().session.submit()
    await vi.waitFor(() => expect(held.request()).toBeDefined())
    await store.getState().session.cancelRequest()
    const request = held.request()
    if (!request) throw new Error('no create was sent')
    held.answer({ ok: true, value: created(request) })
    await submitting
    const session = store.getState().session
    expect(session.created).toBeNull()
    expect(session.error).toMatchObject({ kind: 'cancelled', journalId: 'j-late' })
    expect(session.attempt?.call).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
  })

  it('does nothing when no create is in flight', async () => {
    const { store, count } = await startedStore({
      'session:cancel': () => ({ ok: true, value: { inFlight: false } }),
    })
    await store.getState().session.cancelRequest()
    expect(count('session:cancel')).toBe(0)
  })
})
