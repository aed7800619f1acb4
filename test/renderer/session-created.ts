import type { RequestOf, SessionCreated } from '@shared/contract'

/**
 * A session:create answer as the renderer gets it (Sandbox, payment form, terminal 1234001, the server's clock
 * agreeing with ours); a test passes what it varies (token, journal id, the request's fields).
 */
export const sessionCreated = (fields: Partial<SessionCreated> = {}): SessionCreated => ({
  environmentId: 'sandbox',
  processingTerminalId: '1234001',
  scenario: 'payment',
  libVersion: '1.7.0.261457',
  token: 'a'.repeat(48),
  expiresAt: '2026-01-01T10:10:00.000Z',
  serverDate: '2026-01-01T10:00:00.000Z',
  receivedAt: '2026-01-01T10:00:00.000Z',
  idempotencyKey: '93dd93ff-fdb5-4765-9158-e2dc3ae288b7',
  attempts: 1,
  durationMs: 4,
  journalId: 'j1',
  ...fields,
})

/** The answer to this session:create request (its environment, terminal, form and library version). */
export const sessionCreatedFor = (
  request: RequestOf<'session:create'>,
  fields: Partial<SessionCreated> = {},
): SessionCreated =>
  sessionCreated({
    environmentId: request.environmentId,
    processingTerminalId: request.processingTerminalId,
    scenario: request.scenario,
    libVersion: request.libVersion,
    ...fields,
  })
