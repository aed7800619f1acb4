// With NO Secret Service (the preview's D-Bus points nowhere): the keychain fails once with its fix, "Keep keys
// for this session only" stores keys in memory, and a session is created with such a key end to end through
// the preview's bridge and core's dispatch; Clear all data drops them; nothing reaches the data folder.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel } from '../../src/shared/channels'
import type { RequestOf, ResponseOf } from '../../src/shared/contract'
import type { Result } from '../../src/shared/result'
import { missingFromClear, type ClearItemId } from '../../src/shared/retention'
import { startNoKeyringPreview, type NoKeyringPreview } from '../support/no-keyring-preview'

let preview: NoKeyringPreview
beforeAll(async () => {
  preview = await startNoKeyringPreview()
}, 90_000)
afterAll(async () => {
  await preview?.close()
})

async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const response = await fetch(`${preview.origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-console-token': preview.token },
    body: JSON.stringify(request),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as Result<ResponseOf<C>>
}
async function value<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${result.error.hint}`)
  return result.value
}

describe('session-only keys without a Secret Service', () => {
  const apiKey = 'sandbox-api-key'
  let environmentId = ''

  it('the keychain failure is reported once, with a fix that works, and session-only is offered', async () => {
    const { sandboxUrl } = await value('app:info', {})
    const custom = await value('environment:saveCustom', {
      name: 'No keyring gateway',
      apiBase: `${sandboxUrl}/v1`,
      identityBase: sandboxUrl,
      cdnBase: sandboxUrl,
    })
    environmentId = custom.id
    const status = await value('vault:status', { environmentId, profile: 'default' })
    expect(status.configured).toBe(false)
    expect(status.storage).toMatchObject({ kind: 'none', offerSessionOnly: true })
    expect(status.storage?.keychainProblem?.message).toBe(
      'No D-Bus session bus is reachable, so the OS keychain cannot be used.',
    )
    expect(status.storage?.keychainProblem?.hint).toContain('gnome-keyring-daemon --unlock')
    expect(status.storage?.keychainProblem?.hint).toContain('Keep keys for this session only')
    // Saving before choosing fails with the same one message, not a second different one.
    const refused = await call('vault:setKey', { environmentId, profile: 'default', apiKey })
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.kind).toBe('keychain')
      expect(refused.error.message).toBe(status.storage?.keychainProblem?.message)
    }
  })

  it('Keep keys for this session only: save, create a session with the key, clear', async () => {
    const chosen = await value('vault:setSessionOnly', { environmentId, profile: 'default', enabled: true })
    expect(chosen.storage).toMatchObject({ kind: 'session', label: 'This session only (memory)' })
    const saved = await value('vault:setKey', { environmentId, profile: 'default', apiKey })
    expect(saved).toMatchObject({ configured: true, source: 'session', check: { ok: true } })
    expect(JSON.stringify(saved)).not.toContain(apiKey)

    const created = await value('session:create', {
      environmentId,
      profile: 'default',
      processingTerminalId: '1234001',
      scenario: 'payment',
      libVersion: '1.7.0.261457',
    })
    expect(created.token.length).toBeGreaterThan(6)

    for (const entry of await readdir(preview.dataDir, { recursive: true, withFileTypes: true }))
      if (entry.isFile())
        expect(await readFile(join(entry.parentPath, entry.name), 'utf8')).not.toContain(apiKey)

    const cleared = await value('app:clearAllData', {})
    expect(cleared.sessionKeys).toBe(1)
    // Every store shared/retention.ts declares was cleared (session-only keys, fallback file, scripts, log…).
    expect(missingFromClear((cleared.cleared ?? []) as ClearItemId[])).toEqual([])
    const after = await value('vault:status', { environmentId: 'sandbox', profile: 'merchant-b' })
    expect(after.configured).toBe(false)
  })
})
