import { describe, expect, it } from 'vitest'
import type { SessionCreated } from '@shared/contract'
import type { ConsoleTransport } from '@renderer/transport'
import { createAppStore, type Store } from '@renderer/app-store'
import type { Attempt } from '@renderer/features/session/attempt'
import { notesFor } from '@renderer/features/toasts/toast-bridge'

const idle: ConsoleTransport = {
  kind: 'web',
  call: () => new Promise(() => undefined),
  onEvent: () => () => undefined,
}

const base = (): Store => createAppStore({ transport: idle }).getState()

const created = {
  environmentId: 'sandbox',
  processingTerminalId: '1234002',
  scenario: 'tokenization',
  libVersion: '1.7.0.261457',
  token: 'a'.repeat(48),
  expiresAt: '2026-01-01T10:10:00.000Z',
  receivedAt: '2026-01-01T10:00:00.000Z',
  idempotencyKey: 'k',
  attempts: 1,
  durationMs: 5,
  journalId: 'j',
} satisfies SessionCreated

const withAttempt = (store: Store, attempt: Partial<Attempt>): Store =>
  ({
    ...store,
    session: {
      ...store.session,
      attempt: {
        id: 1,
        call: { ok: true, value: created },
        library: { state: 'none' },
        scenario: 'tokenization',
        processingTerminalId: '1234002',
        environmentId: 'sandbox',
        environmentLabel: 'Sandbox',
        ...attempt,
      },
    },
  }) as Store

describe('outcome toasts: one per attempt, its words the combined verdict', () => {
  it('no green toast while the card form has not spoken; the form failing gives one failure toast', () => {
    const before = base()
    const createdOnly = withAttempt(before, {})
    expect(notesFor(createdOnly, before)).toEqual([])
    const failed = withAttempt(before, {
      library: {
        state: 'init-error',
        message: 'Secure tokens are not enabled for processing terminal 1234002, so …',
      },
    })
    expect(notesFor(failed, createdOnly)).toEqual([
      {
        tone: 'failure',
        message: 'Session created, but the card form failed: this terminal is not set up for secure tokens.',
        key: 'attempt-1',
      },
    ])
    expect(notesFor(failed, failed)).toEqual([])
  })

  it('a ready form is the success toast; a failed call names its status', () => {
    const before = base()
    const ready = withAttempt(before, { library: { state: 'ready' } })
    expect(notesFor(ready, before)).toEqual([
      { tone: 'success', message: 'Session created and the card form is ready.', key: 'attempt-1' },
    ])
    const failed = withAttempt(before, {
      id: 2,
      call: { ok: false, error: { kind: 'forbidden', message: 'Forbidden', hint: 'Check', status: 403 } },
    })
    expect(notesFor(failed, ready)).toEqual([
      {
        tone: 'failure',
        message: 'Session not created: this API key may not use terminal 1234002 (403).',
        key: 'attempt-2',
      },
    ])
  })
})
