import { describe, expect, it } from 'vitest'
import type { ConsoleTransport } from '@renderer/transport'
import { createAppStore, type Store } from '@renderer/app-store'
import { notesFor } from '@renderer/features/toasts/toast-bridge'

const idle: ConsoleTransport = {
  kind: 'web',
  call: () => new Promise(() => undefined),
  onEvent: () => () => undefined,
}

const base = (): Store => createAppStore({ transport: idle }).getState()

describe('outcome toasts', () => {
  it('says so once when a session is created, and names the status when it fails', () => {
    const before = base()
    const created = {
      ...before,
      session: {
        ...before.session,
        created: {
          environmentId: 'sandbox',
          processingTerminalId: '1234001',
          scenario: 'payment',
          libVersion: '1.7.0.261457',
          token: 'a'.repeat(48),
          expiresAt: '2026-01-01T10:10:00.000Z',
          receivedAt: '2026-01-01T10:00:00.000Z',
        },
      },
    } as Store
    expect(notesFor(created, before)).toEqual([
      { tone: 'success', message: 'Session created for terminal 1234001 (payment).' },
    ])
    expect(notesFor(created, created)).toEqual([])
    const failed = {
      ...before,
      session: {
        ...before.session,
        error: { kind: 'forbidden', message: 'Forbidden', hint: 'Check the terminal', status: 403 },
      },
    } as Store
    expect(notesFor(failed, before)).toEqual([
      { tone: 'failure', message: 'Create session failed (403): Forbidden' },
    ])
  })
})
