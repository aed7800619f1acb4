/**
 * Issue 16, deliverable 6: a settings.json the console cannot use is never dropped silently. Its content is kept
 * in a timestamped copy (two problems → two copies), every still-valid custom environment is recovered, the
 * notice names the file and the copy; a folder in its place is an error naming it.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  Environments,
  recoverSettings,
  SETTINGS_FILE,
} from '../../../../src/core/services/gateway/environment-store'
import { nullLogger } from '../../../../src/core/services/storage/file-log'
import { DataFileError } from '../../../../src/core/services/storage/file-problems'

const SANDBOX = 'http://127.0.0.1:4555'
const stored = (i: number) => ({
  id: `custom:merchant-${i}`,
  name: `Merchant ${i}`,
  apiBase: `https://api.m${i}.example.test/v1`,
  identityBase: `https://identity.m${i}.example.test`,
  cdnBase: `https://cdn.m${i}.example.test`,
  defaultLibVersion: '1.7.0.261457',
})
const customs = (n: number) => Array.from({ length: n }, (_, i) => stored(i + 1))
let dir: string
const settingsFile = () => path.join(dir, SETTINGS_FILE)
const copies = async () =>
  (await readdir(dir)).filter((name) => name.startsWith(`${SETTINGS_FILE}.corrupt-`)).sort()
const customIds = (envs: Environments) =>
  envs
    .list()
    .filter((env) => env.kind === 'custom')
    .map((env) => env.id)

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hfc-env-problems-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a schema-invalid settings.json', () => {
  it('keeps its 23 custom environments: the valid ones recovered, the file kept aside, a notice naming both', async () => {
    const environments = customs(23)
    // One entry a hand edit broke (no cdnBase), and a field this version does not know at the top.
    const { cdnBase: _dropped, ...broken } = stored(7)
    environments[6] = broken as ReturnType<typeof stored>
    const original = JSON.stringify({
      version: 1,
      customEnvironments: environments,
      selected: { environmentId: 'custom:merchant-3', profile: 'default' },
    })
    await writeFile(settingsFile(), original)
    const envs = await Environments.open(dir, SANDBOX, nullLogger)

    expect(customIds(envs)).toHaveLength(22)
    expect(customIds(envs)).not.toContain('custom:merchant-7')
    expect(envs.selected()).toEqual({ environmentId: 'custom:merchant-3', profile: 'default' })
    const [copy] = await copies()
    expect(copy).toMatch(/^settings\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/)
    expect(await readFile(path.join(dir, copy ?? ''), 'utf8')).toBe(original)
    expect(envs.notices).toHaveLength(1)
    expect(envs.notices[0]).toContain('settings.json does not have the expected content')
    expect(envs.notices[0]).toContain(path.join(dir, copy ?? ''))
    expect(envs.notices[0]).toContain('22 of 23 custom environments in it were recovered')

    // The recovered settings were written back: the next start is clean and keeps the 22.
    const again = await Environments.open(dir, SANDBOX, nullLogger)
    expect(again.notices).toEqual([])
    expect(customIds(again)).toHaveLength(22)
    expect(await copies()).toHaveLength(1)
  })

  it("recovers every environment of a newer version's file and says so", async () => {
    await writeFile(
      settingsFile(),
      JSON.stringify({ version: 2, customEnvironments: customs(23), theme: 'dark' }),
    )
    const envs = await Environments.open(dir, SANDBOX, nullLogger)
    expect(customIds(envs)).toHaveLength(23)
    expect(envs.notices[0]).toMatch(/version.*All 23 custom environments in it were recovered/)
  })

  it('two corruptions make two copies, the first never overwritten', async () => {
    await writeFile(settingsFile(), '{"version": 1, "customEnvironments": [first')
    expect((await Environments.open(dir, SANDBOX, nullLogger)).notices[0]).toMatch(
      /could not be read: they are only in the copy/,
    )
    await writeFile(settingsFile(), '{"version": 1, "customEnvironments": [second')
    await Environments.open(dir, SANDBOX, nullLogger)
    const kept = await copies()
    expect(kept).toHaveLength(2)
    const contents = await Promise.all(kept.map((name) => readFile(path.join(dir, name), 'utf8')))
    expect(contents.some((text) => text.includes('[first'))).toBe(true)
    expect(contents.some((text) => text.includes('[second'))).toBe(true)
  })

  it('recoverSettings takes each valid environment once and a valid selection', () => {
    const recovered = recoverSettings({
      customEnvironments: [stored(1), stored(1), { id: 'custom:x' }, 'junk', stored(2)],
      selected: { environmentId: 'custom:merchant-2', profile: 'default' },
    })
    expect(recovered.found).toBe(5)
    expect(recovered.settings.customEnvironments.map((env) => env.id)).toEqual([
      'custom:merchant-1',
      'custom:merchant-2',
    ])
    expect(recoverSettings('nonsense')).toEqual({
      settings: { version: 1, customEnvironments: [] },
      found: 0,
    })
  })
})

describe('a folder where settings.json should be', () => {
  it('stops start-up with an error naming the file, and keeps the folder as it is', async () => {
    await mkdir(settingsFile())
    const opening = Environments.open(dir, SANDBOX, nullLogger)
    await expect(opening).rejects.toBeInstanceOf(DataFileError)
    await expect(Environments.open(dir, SANDBOX, nullLogger)).rejects.toThrow(
      /settings\.json is not a file \(.*settings\.json is a folder or a special file\)/,
    )
    expect(await copies()).toEqual([])
  })
})
