import { describe, expect, it } from 'vitest'
import type { SessionCreated } from '@shared/contract'
import { staleLabel, type Attempt, type StaleInput } from '@renderer/features/session/attempt'

const created: SessionCreated = {
  environmentId: 'sandbox',
  processingTerminalId: '1234001',
  scenario: 'payment',
  libVersion: '1.7.0.261457',
  token: 't'.repeat(48),
  expiresAt: '2026-01-01T10:10:00.000Z',
  receivedAt: '2026-01-01T10:00:00.000Z',
  idempotencyKey: 'k',
  attempts: 1,
  durationMs: 1,
  journalId: 'j',
}
const attempt: Attempt = {
  id: 1,
  call: { ok: true, value: created },
  library: { state: 'ready' },
  scenario: 'payment',
  processingTerminalId: '1234001',
  environmentId: 'sandbox',
  environmentLabel: 'Sandbox',
  profile: 'default',
}
const input = (more: Partial<StaleInput> = {}): StaleInput => ({
  created,
  attempt,
  environmentId: 'sandbox',
  profile: 'default',
  terminal: '1234001',
  environmentName: (id) => (id === 'sandbox' ? 'Sandbox' : id),
  ...more,
})
const EARLIER = 'Earlier session · Payment · 1234001 · Sandbox'

describe('the shown session is labelled "Earlier session" once it is not the current one', () => {
  it('is current while nothing changed', () => expect(staleLabel(input())).toBeNull())
  it('a newer attempt, pending or failed, makes it earlier', () => {
    expect(staleLabel(input({ attempt: { ...attempt, id: 2, call: 'pending' } }))).toBe(EARLIER)
    const failed: Attempt['call'] = { ok: false, error: { kind: 'forbidden', message: 'x', hint: 'y' } }
    expect(staleLabel(input({ attempt: { ...attempt, id: 2, call: failed } }))).toBe(EARLIER)
  })
  it('another environment, profile or terminal makes it earlier', () => {
    expect(staleLabel(input({ environmentId: 'production' }))).toBe(EARLIER)
    expect(staleLabel(input({ profile: 'qa' }))).toBe(EARLIER)
    expect(staleLabel(input({ terminal: '1234002' }))).toBe(EARLIER)
    expect(staleLabel(input({ created: null }))).toBeNull()
  })
})
