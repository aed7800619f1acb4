/**
 * journal:curl through dispatch: the two-step script (identity step first, variables explained), the replay
 * warning, and the fresh-key variant; no secret in any of them.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../src/core/console-app'
import { call } from '../../support/call'
import { consoleOptions, sessionInput } from '../../support/console-fixtures'

let app: ConsoleApp
beforeAll(async () => {
  app = await createConsole(consoleOptions(await mkdtemp(path.join(tmpdir(), 'hfc-journal-curl-'))))
})
afterAll(async () => app.close())

describe('Copy as cURL', () => {
  it('comes with the identity step, explains the variables, warns about replay and offers a fresh key', async () => {
    const created = await call(app, 'session:create', sessionInput())
    if (!created.ok) throw new Error(created.error.message)
    const curl = await call(app, 'journal:curl', { id: created.value.journalId })
    if (!curl.ok) throw new Error(curl.error.message)
    const { script, idempotencyKey, command } = curl.value
    expect(idempotencyKey).toBe(created.value.idempotencyKey)
    expect(command).toContain('$PAYROC_BEARER')
    if (!script) throw new Error('no script')
    // Step 1 is the sandbox's identity call, step 2 the journaled create.
    expect(script.replay).toContain(`${app.info.sandboxUrl}/authorize`)
    expect(script.replay.indexOf('Step 1')).toBeLessThan(script.replay.indexOf('Step 2'))
    expect(script.replay.indexOf('/authorize')).toBeLessThan(
      script.replay.lastIndexOf('hosted-fields-sessions'),
    )
    expect(script.replay).toMatch(/PAYROC_API_KEY +your API key for Sandbox/)
    expect(script.replay).toContain('returns the ORIGINAL answer')
    expect(script.replay).toContain(created.value.idempotencyKey)
    expect(script.freshKey).not.toContain(created.value.idempotencyKey)
    expect(script.freshKey).toContain('$IDEMPOTENCY_KEY')
    for (const text of [script.replay, script.freshKey]) expect(text).not.toContain('sandbox-api-key')
  })
})
