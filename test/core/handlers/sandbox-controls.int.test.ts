/**
 * sandbox:* through dispatch against the embedded sandbox: Expire now expires the session at the sandbox (the
 * card form's configuration call is then refused as expired), Force next response is one shot, other environments are
 * refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../src/core/console-app'
import { sandboxControlClient } from '../../../src/sandbox/control-client'
import { consoleOptions, sessionInput as input, tempDir } from '../../support/console-fixtures'
import { call } from '../../support/call'

let app: ConsoleApp

beforeAll(async () => {
  app = await createConsole(
    consoleOptions(await tempDir('hfc-sandbox-controls-'), { gateway: { retry: { baseDelayMs: 5 } } }),
  )
})
afterAll(async () => app.close())

describe('sandbox controls', () => {
  it('Expire now expires the live session at the sandbox; a second time says there is none', async () => {
    const created = await call(app, 'session:create', input())
    if (!created.ok) throw new Error(created.error.message)
    const token = created.value.token
    expect(await call(app, 'sandbox:expireSession', { environmentId: 'sandbox', token })).toEqual({
      ok: true,
      value: { expired: true },
    })
    // The card form's first call (the library's configuration request) is refused as expired.
    const init = await fetch(
      `${app.info.sandboxUrl}/merchant/api/v2/hosted-fields-sessions/${encodeURIComponent(token)}/configuration`,
      { headers: { 'content-type': 'application/json', accept: 'application/json' } },
    )
    expect(init.status).toBeGreaterThanOrEqual(400)
    expect(JSON.stringify(await init.json())).toMatch(/expired/i)
    expect(await call(app, 'sandbox:expireSession', { environmentId: 'sandbox', token })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    })
  })

  it('Force next response sets one fault on the sessions route; UAT is refused', async () => {
    const forced = await call(app, 'sandbox:forceNext', { environmentId: 'sandbox', action: '500' })
    expect(forced).toMatchObject({ ok: true, value: { action: '500' } })
    const faults = await sandboxControlClient(app.info.sandboxUrl).faults()
    expect(faults).toEqual([
      expect.objectContaining({ route: 'sessions', action: { type: 'status', status: 500 }, remaining: 1 }),
    ])
    // The next create meets the 500 once; the console's retry (same Idempotency-Key) then succeeds.
    const created = await call(app, 'session:create', input())
    expect(created.ok && created.value.attempts).toBe(2)
    expect(await sandboxControlClient(app.info.sandboxUrl).faults()).toEqual([])
    expect(await call(app, 'sandbox:forceNext', { environmentId: 'uat', action: 'reset' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })
  it('Close batch works only in the built-in Sandbox; there it says how many payments it settled', async () => {
    expect(
      await call(app, 'sandbox:closeBatch', { environmentId: 'uat', processingTerminalId: '1234001' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    const closed = await call(app, 'sandbox:closeBatch', {
      environmentId: 'sandbox',
      processingTerminalId: '1234001',
    })
    expect(closed).toEqual({ ok: true, value: { settled: 0 } })
  })
})
