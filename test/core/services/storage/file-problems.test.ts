import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  corruptCopyName,
  keepAside,
  loadCheckedJson,
} from '../../../../src/core/services/storage/file-problems'

const Settings = z.object({
  version: z.literal(1),
  customEnvironments: z.array(z.object({ id: z.string() })),
})
const AT = new Date('2026-12-02T01:02:03.456Z')
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hfc-problems-'))
})
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
})

describe('corrupt copies', () => {
  it('are named by UTC time, colon-free, with a counter for the same millisecond', () => {
    expect(corruptCopyName('/d/settings.json', AT)).toBe('/d/settings.json.corrupt-2026-12-02T01-02-03-456Z')
    expect(corruptCopyName('/d/settings.json', AT, 2)).toBe(
      '/d/settings.json.corrupt-2026-12-02T01-02-03-456Z-2',
    )
  })

  it('never overwrite an earlier copy, even at the same instant', async () => {
    const file = path.join(dir, 'history.json')
    await writeFile(file, 'first corruption')
    const first = await keepAside(file, () => AT)
    await writeFile(file, 'second corruption')
    const second = await keepAside(file, () => AT)
    expect(second).not.toBe(first)
    expect(await readFile(first, 'utf8')).toBe('first corruption')
    expect(await readFile(second, 'utf8')).toBe('second corruption')
  })
})

describe('loading a data file tells every problem apart', () => {
  const file = () => path.join(dir, 'settings.json')

  it('missing is not a problem', async () => {
    expect(await loadCheckedJson(file(), Settings)).toEqual({ status: 'missing' })
  })

  it('valid content loads', async () => {
    await writeFile(file(), JSON.stringify({ version: 1, customEnvironments: [{ id: 'custom:a' }] }))
    expect(await loadCheckedJson(file(), Settings)).toEqual({
      status: 'ok',
      data: { version: 1, customEnvironments: [{ id: 'custom:a' }] },
    })
  })

  it('a folder where the file should be is an error naming the file', async () => {
    await mkdir(file())
    const outcome = await loadCheckedJson(file(), Settings)
    expect(outcome).toMatchObject({ status: 'problem', problem: { kind: 'not-a-file', file: file() } })
    if (outcome.status === 'problem') {
      expect(outcome.problem.message).toContain('settings.json is not a file')
      expect(outcome.problem.message).toContain(file())
      expect(outcome.problem.keptAs).toBeUndefined()
    }
  })

  it('a file that cannot be read is an error naming the file and the reason', async () => {
    await writeFile(path.join(dir, 'blocker'), 'a file, not a folder')
    const inside = path.join(dir, 'blocker', 'settings.json')
    const outcome = await loadCheckedJson(inside, Settings)
    expect(outcome).toMatchObject({ status: 'problem', problem: { kind: 'unreadable', file: inside } })
    if (outcome.status === 'problem')
      expect(outcome.problem.message).toMatch(/settings.json cannot be read \(ENOTDIR/)
  })

  it('EACCES is unreadable too (skipped as root, who can read anything)', async (ctx) => {
    if (process.getuid?.() === 0) {
      console.log('EACCES case skipped: running as root, permissions do not stop reads')
      ctx.skip()
    }
    await writeFile(file(), '{}')
    await chmod(file(), 0o000)
    const outcome = await loadCheckedJson(file(), Settings)
    expect(outcome).toMatchObject({ status: 'problem', problem: { kind: 'unreadable' } })
  })

  it('invalid JSON is kept aside in a timestamped copy and named', async () => {
    await writeFile(file(), '{"version":1,"customEnv')
    const outcome = await loadCheckedJson(file(), Settings, () => AT)
    expect(outcome).toMatchObject({ status: 'problem', problem: { kind: 'invalid-json' } })
    if (outcome.status !== 'problem') return
    expect(outcome.problem.keptAs).toBe(corruptCopyName(file(), AT))
    expect(await readFile(outcome.problem.keptAs ?? '', 'utf8')).toBe('{"version":1,"customEnv')
    expect(outcome.problem.message).toBe(
      'settings.json is not valid JSON, so the console started without it; its content was kept as settings.json.corrupt-2026-12-02T01-02-03-456Z.',
    )
  })

  it('schema-invalid content (23 custom environments, one bad) is kept aside and says why', async () => {
    const customEnvironments = Array.from({ length: 23 }, (_, i) => ({ id: i === 7 ? 7 : `custom:e${i}` }))
    const text = JSON.stringify({ version: 1, customEnvironments })
    await writeFile(file(), text)
    const outcome = await loadCheckedJson(file(), Settings, () => AT)
    expect(outcome).toMatchObject({ status: 'problem', problem: { kind: 'schema-invalid' } })
    if (outcome.status !== 'problem') return
    expect(outcome.problem.detail).toMatch(/^customEnvironments\.7\.id: /)
    expect(outcome.problem.message).toContain('settings.json does not have the expected content')
    expect(outcome.problem.message).toContain('kept as settings.json.corrupt-')
    expect(await readFile(outcome.problem.keptAs ?? '', 'utf8')).toBe(text)
    // A second bad start keeps a second copy; the first is untouched.
    await loadCheckedJson(file(), Settings, () => AT)
    expect((await readdir(dir)).filter((name) => name.includes('.corrupt-'))).toHaveLength(2)
  })
})
