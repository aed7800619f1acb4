/**
 * The per-call budget (≤ 30 s, retries and waits included) against the embedded sandbox: a Retry-After far
 * beyond the budget (one day) stops the create at once with a `timeout` that says why, instead of holding it for
 * the clamped 60 s wait and more. Before the budget the create waited the whole clamped Retry-After.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../../src/core/console-app'
import { sandboxControlClient } from '../../../../src/sandbox/control-client'
import { call } from '../../../support/call'
import { consoleOptions, sessionInput, tempDir } from '../../../support/console-fixtures'

let app: ConsoleApp
beforeAll(async () => {
  app = await createConsole(consoleOptions(await tempDir('hfc-budget-')))
})
afterAll(async () => app?.close())

it('Retry-After: 86400 → timeout well within 30 s, one attempt, the reason named', async () => {
  await sandboxControlClient(app.info.sandboxUrl).send('POST', 'faults', {
    route: 'sessions',
    action: { type: 'rate-limit', retryAfterSeconds: 86_400 },
  })
  const started = Date.now()
  const created = await call(app, 'session:create', sessionInput())
  const elapsed = Date.now() - started
  expect(created).toMatchObject({ ok: false, error: { kind: 'timeout' } })
  if (!created.ok) expect(created.error.message).toMatch(/Retry-After.*budget/)
  expect(elapsed).toBeLessThan(30_000)
}, 90_000)
