import { describe, expect, it } from 'vitest'
import { LiveSession } from '../../../../src/core/services/live/live-session'
import type { SessionCreated } from '../../../../src/shared/contract'

const session = (journalId: string): SessionCreated => ({
  environmentId: 'sandbox',
  processingTerminalId: '1234001',
  scenario: 'payment',
  libVersion: '1.7.0.261457',
  token: `${'t'.repeat(40)}${journalId}`,
  expiresAt: '2026-12-02T00:10:00.000Z',
  receivedAt: '2026-12-02T00:00:00.000Z',
  idempotencyKey: '93dd93ff-fdb5-4765-9158-e2dc3ae288b7',
  attempts: 1,
  durationMs: 3,
  journalId,
})
const event = (name: string, payload: unknown = null) => ({ name, payload, at: '2026-12-02T00:00:01.000Z' })

describe('LiveSession', () => {
  it('keeps the live session and its events; events of another session are dropped', () => {
    const live = new LiveSession()
    expect(live.snapshot().session).toBeNull()
    live.setSession(session('j1'))
    expect(live.append('j1', [event('ready')])).toBe(1)
    expect(live.append('j0', [event('ready')])).toBeUndefined()
    expect(live.snapshot()).toMatchObject({ session: { journalId: 'j1' }, events: [{ name: 'ready' }] })
    live.setSession(session('j2'))
    expect(live.snapshot().events).toEqual([])
  })
  it('keeps the newest events only (bounded retention) and counts the evicted', () => {
    const live = new LiveSession(3)
    live.setSession(session('j1'))
    live.append(
      'j1',
      ['a', 'b', 'c', 'd', 'e'].map((name) => event(name)),
    )
    const { events, evicted, retention } = live.snapshot()
    expect(events.map((e) => e.name)).toEqual(['c', 'd', 'e'])
    expect({ evicted, retention }).toEqual({ evicted: 2, retention: 3 })
  })
  it('masks single-use tokens and is emptied by clear()', () => {
    const live = new LiveSession()
    live.setSession(session('j1'))
    live.append('j1', [event('submissionSuccess', { token: 'sut-0123456789abcdef', expiresAt: 'x' })])
    expect(JSON.stringify(live.snapshot())).not.toContain('sut-0123456789abcdef')
    expect(live.snapshot().events[0]?.payload).toEqual({ token: '…abcdef', expiresAt: 'x' })
    expect(live.clear()).toBe(1)
    expect(live.snapshot()).toMatchObject({ session: null, events: [] })
  })
})
