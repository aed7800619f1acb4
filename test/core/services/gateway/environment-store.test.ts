import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Logger } from '../../../../src/core/app-types'
import { Environments, SETTINGS_FILE } from '../../../../src/core/services/gateway/environment-store'

const SANDBOX = 'http://127.0.0.1:4555'
const memoryLogger = () => {
  const lines: string[] = []
  const logger: Logger = {
    log: (level, message, data) => lines.push(`${level} ${message} ${JSON.stringify(data ?? {})}`),
  }
  return { logger, lines }
}
const custom = {
  name: 'Merchant B staging',
  apiBase: 'https://api.example.test/v1/',
  identityBase: 'https://identity.example.test',
  cdnBase: 'https://cdn.example.test',
}

describe('Environments', () => {
  it('lists sandbox, UAT and Production with their URLs and lib versions', async () => {
    const envs = await Environments.open(
      await mkdtemp(path.join(tmpdir(), 'hfc-env-')),
      SANDBOX,
      memoryLogger().logger,
    )
    const list = envs.list()
    expect(list.map((env) => env.id)).toEqual(['sandbox', 'uat', 'production'])
    expect(envs.get('sandbox')).toMatchObject({
      apiBase: `${SANDBOX}/v1`,
      identityBase: SANDBOX,
      requiresConfirmation: false,
    })
    expect(envs.get('uat')).toMatchObject({
      apiBase: 'https://api.uat.payroc.com/v1',
      defaultLibVersion: '1.7.0.261457',
    })
    expect(envs.get('production')).toMatchObject({
      requiresConfirmation: true,
      defaultLibVersion: '1.7.0.261471',
    })
    expect(envs.selected()).toEqual({ environmentId: 'sandbox', profile: 'default' })
  })

  it('saves a custom environment as custom:<slug>, persists it with a version, and reloads it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-env-'))
    const envs = await Environments.open(dir, SANDBOX, memoryLogger().logger)
    const saved = await envs.saveCustom(custom)
    expect(saved).toMatchObject({
      ok: true,
      value: { id: 'custom:merchant-b-staging', apiBase: 'https://api.example.test/v1', kind: 'custom' },
    })
    const file = JSON.parse(await readFile(path.join(dir, SETTINGS_FILE), 'utf8')) as { version: number }
    expect(file.version).toBe(1)
    const again = await Environments.open(dir, SANDBOX, memoryLogger().logger)
    expect(again.get('custom:merchant-b-staging')?.name).toBe('Merchant B staging')
    const duplicate = await again.saveCustom(custom)
    expect(duplicate.ok).toBe(false)
    if (!duplicate.ok) expect(duplicate.error.fields?.name).toBeDefined()
    const edited = await again.saveCustom({ ...custom, id: 'custom:merchant-b-staging', name: 'Renamed' })
    expect(edited).toMatchObject({ ok: true, value: { id: 'custom:merchant-b-staging', name: 'Renamed' } })
    expect((await again.deleteCustom('custom:merchant-b-staging')).ok).toBe(true)
    expect(again.get('custom:merchant-b-staging')).toBeUndefined()
    expect((await again.deleteCustom('custom:merchant-b-staging')).ok).toBe(false)
  })

  it('requires https except on loopback, and names the field', async () => {
    const envs = await Environments.open(
      await mkdtemp(path.join(tmpdir(), 'hfc-env-')),
      SANDBOX,
      memoryLogger().logger,
    )
    const insecure = await envs.saveCustom({ ...custom, apiBase: 'http://api.example.test/v1' })
    expect(insecure.ok).toBe(false)
    if (!insecure.ok) {
      expect(insecure.error.kind).toBe('validation')
      expect(Object.keys(insecure.error.fields ?? {})).toEqual(['apiBase'])
    }
    const withCredentials = await envs.saveCustom({
      ...custom,
      identityBase: 'https://user:pw@identity.example.test',
    })
    expect(withCredentials.ok).toBe(false)
    const loopback = await envs.saveCustom({
      name: 'Local',
      apiBase: 'http://127.0.0.1:9/v1',
      identityBase: 'http://localhost:9',
      cdnBase: 'http://[::1]:9',
    })
    expect(loopback.ok).toBe(true)
    const empty = await envs.saveCustom({ ...custom, name: '  ' })
    expect(empty.ok).toBe(false)
  })

  it('gives a custom environment aimed at Payroc production the production confirmation', async () => {
    const envs = await Environments.open(
      await mkdtemp(path.join(tmpdir(), 'hfc-env-')),
      SANDBOX,
      memoryLogger().logger,
    )
    const saved = await envs.saveCustom({ ...custom, apiBase: 'https://api.payroc.com/v1' })
    expect(saved).toMatchObject({ ok: true, value: { requiresConfirmation: true } })
  })

  it.each([
    'https://api.payroc.com./v1',
    'https://api.payroc.com.:443/v1',
    'https://api.payroc.com%2e/v1',
    'https://API.Payroc.COM/v1',
    'https://api.payroc.com:8443/v1',
    'https://api.ｐａｙｒｏｃ.com/v1',
    'https://api.eu.payroc.com/v1',
  ])('treats the Production spelling %s as Production (normalised host)', async (apiBase) => {
    const envs = await Environments.open(
      await mkdtemp(path.join(tmpdir(), 'hfc-env-')),
      SANDBOX,
      memoryLogger().logger,
    )
    const saved = await envs.saveCustom({ ...custom, apiBase })
    expect(saved).toMatchObject({ ok: true, value: { requiresConfirmation: true } })
  })

  it.each(['https://api.uat.payroc.com./v1', 'https://api.payroc.com.example.test/v1'])(
    'leaves %s without the Production confirmation',
    async (apiBase) => {
      const envs = await Environments.open(
        await mkdtemp(path.join(tmpdir(), 'hfc-env-')),
        SANDBOX,
        memoryLogger().logger,
      )
      const saved = await envs.saveCustom({ ...custom, apiBase })
      expect(saved).toMatchObject({ ok: true, value: { requiresConfirmation: false } })
    },
  )

  it('remembers the selection, and falls back to the sandbox when the selected one is deleted', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-env-'))
    const envs = await Environments.open(dir, SANDBOX, memoryLogger().logger)
    await envs.saveCustom(custom)
    await envs.select('custom:merchant-b-staging', 'merchant-b')
    expect((await Environments.open(dir, SANDBOX, memoryLogger().logger)).selected()).toEqual({
      environmentId: 'custom:merchant-b-staging',
      profile: 'merchant-b',
    })
    await envs.deleteCustom('custom:merchant-b-staging')
    expect(envs.selected()).toEqual({ environmentId: 'sandbox', profile: 'default' })
    expect((await envs.select('custom:nope', 'default')).ok).toBe(false)
  })

  it('keeps a corrupt settings file as a timestamped .corrupt copy, starts fresh and logs it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-env-'))
    await writeFile(path.join(dir, SETTINGS_FILE), '{"version": 1, "customEnvironments": [tru')
    const { logger, lines } = memoryLogger()
    const envs = await Environments.open(dir, SANDBOX, logger)
    expect(envs.list()).toHaveLength(3)
    const copies = (await readdir(dir)).filter((name) => name.startsWith(`${SETTINGS_FILE}.corrupt-`))
    expect(copies).toHaveLength(1)
    expect(await readFile(path.join(dir, copies[0] ?? ''), 'utf8')).toContain('[tru')
    expect(lines.join('\n')).toMatch(/warn settings\.json was unreadable/)
    expect(envs.notices[0]).toMatch(/^settings\.json is not valid JSON\. Its content was kept as .*corrupt-/)
    await envs.saveCustom(custom) // and writing works again
    expect(JSON.parse(await readFile(path.join(dir, SETTINGS_FILE), 'utf8'))).toMatchObject({ version: 1 })
  })

  it('serializes concurrent saves', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-env-'))
    const envs = await Environments.open(dir, SANDBOX, memoryLogger().logger)
    await Promise.all(['One', 'Two', 'Three', 'Four'].map((name) => envs.saveCustom({ ...custom, name })))
    const reloaded = await Environments.open(dir, SANDBOX, memoryLogger().logger)
    expect(reloaded.list().filter((env) => env.kind === 'custom')).toHaveLength(4)
  })
})
