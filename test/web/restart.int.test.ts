// "Store a key for Custom, restart, it is still there" — through the browser preview's bridge, twice started on
// the same data folder, with the real keychain (scripts/with-keyring.sh).
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Channel } from '../../src/shared/channels'
import type { RequestOf, ResponseOf } from '../../src/shared/contract'
import type { Result } from '../../src/shared/result'
import { startWebConsole, type WebConsole } from '../../src/web/preview-server'

const dirs: string[] = []
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

async function call<C extends Channel>(web: WebConsole, channel: C, request: RequestOf<C>) {
  const response = await fetch(`${web.origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-console-token': web.token },
    body: JSON.stringify(request),
  })
  expect(response.status).toBe(200)
  const result = (await response.json()) as Result<ResponseOf<C>>
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

describe('browser preview across a restart', () => {
  it('keeps a Custom environment and its key (in the keychain, never on disk)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hfc-restart-'))
    dirs.push(dataDir)
    const apiKey = `merchant-key-${randomBytes(10).toString('hex')}`

    const first = await startWebConsole({ port: 0, dataDir })
    let environmentId: string
    try {
      const saved = await call(first, 'environment:saveCustom', {
        name: 'Restart check',
        apiBase: 'http://127.0.0.1:9/v1',
        identityBase: 'http://127.0.0.1:9',
        cdnBase: 'http://127.0.0.1:9',
      })
      environmentId = saved.id
      const status = await call(first, 'vault:setKey', { environmentId, profile: 'default', apiKey })
      expect(status).toMatchObject({ configured: true, source: 'keychain' })
    } finally {
      await first.close()
    }

    const second = await startWebConsole({ port: 0, dataDir })
    try {
      expect(second.token).not.toBe(first.token)
      const { environments } = await call(second, 'environment:list', {})
      expect(environments.map((e) => e.id)).toContain(environmentId)
      const status = await call(second, 'vault:status', { environmentId, profile: 'default' })
      expect(status).toMatchObject({ configured: true, masked: `${apiKey.slice(0, 4)}…${apiKey.slice(-4)}` })
      expect(JSON.stringify(status)).not.toContain(apiKey)
      await call(second, 'vault:deleteKey', { environmentId, profile: 'default' })
    } finally {
      await second.close()
    }

    for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile())
        expect(await readFile(join(entry.parentPath, entry.name), 'utf8')).not.toContain(apiKey)
    }
  })
})
