/**
 * Crash safety (SECURITY.md, crash safety): a child process rewrites history.json and settings.json through json-file.ts's
 * atomic write in a tight loop, with large payloads; the parent SIGKILLs it at seeded random moments. After every
 * kill both files parse and validate with the app's own loaders (the old or the new version, never a torn or
 * mixed one), temp files left by killed writers stay bounded, and the next start removes them.
 *
 * The child is json-file.ts itself, run and killed by the shared harness (test/support/crash-harness.ts).
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { z } from 'zod'
import { nullLogger } from '../../../../src/core/services/storage/file-log'
import { Environments, SETTINGS_FILE } from '../../../../src/core/services/gateway/environment-store'
import { History, HISTORY_FILE } from '../../../../src/core/services/storage/session-history'
import { HistoryEntry } from '../../../../src/shared/diagnostics'
import { buildCrashChild, repoImport, type CrashChild } from '../../../support/crash-harness'
import { prng } from '../../../support/prng'

const SEED = Number(process.env['CRASH_SEED'] ?? 20_260_611)
const KILLS = 24
const HISTORY_ENTRIES = 800 // ≈ 330 KB per history write
const CUSTOM_ENVIRONMENTS = 40

/** The writer: every generation stamps all its entries with one sequence number, so a mixed file shows. */
const CHILD_SOURCE = `
import path from 'node:path'
import { writeJsonFileAtomic } from ${repoImport('src/core/services/storage/json-file.ts')}

const dir = process.argv[2]
let seq = 0
for (;;) {
  seq += 1
  const stamp = 'generation-' + seq
  const entries = []
  for (let i = 0; i < ${HISTORY_ENTRIES}; i += 1) {
    entries.push({
      id: stamp + '-' + i,
      at: new Date().toISOString(),
      environmentId: 'sandbox',
      profile: 'default',
      processingTerminalId: String(5550000 + i),
      scenario: 'payment',
      libVersion: '1.7.0.261457',
      outcome: i % 3 === 0 ? 'error' : 'ok',
      message: stamp + ' ' + 'x'.repeat(200),
      durationMs: i,
      attempts: 1,
    })
  }
  await writeJsonFileAtomic(path.join(dir, 'history.json'), { version: 1, entries })
  const customEnvironments = []
  for (let i = 0; i < ${CUSTOM_ENVIRONMENTS}; i += 1) {
    customEnvironments.push({
      id: 'custom:g' + i,
      name: stamp.slice(0, 30) + ' ' + i,
      apiBase: 'http://127.0.0.1:9/v1',
      identityBase: 'http://127.0.0.1:9',
      cdnBase: 'http://127.0.0.1:9',
      defaultLibVersion: '1.7.0.261457',
    })
  }
  await writeJsonFileAtomic(path.join(dir, 'settings.json'), {
    version: 1,
    customEnvironments,
    selected: { environmentId: 'custom:g0', profile: 'default' },
  })
  if (seq === 1) process.stdout.write('ready\\n')
}
`

let child: CrashChild

beforeAll(async () => {
  child = await buildCrashChild('writer', CHILD_SOURCE)
})
afterAll(async () => {
  await child.cleanup()
})

// The child writes history.json v1 files (the whole-file format History migrates forward from).
const HistoryFile = z.object({ version: z.literal(1), entries: z.array(HistoryEntry) })
const temps = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith('.tmp'))

it(`survives ${KILLS} SIGKILLs mid-write (seed ${SEED}): never a torn file, temp files cleaned on start`, async () => {
  const dir = await mkdtemp(path.join(child.work, 'data-'))
  const random = prng(SEED)
  let killsWithTempLeft = 0
  const generations = new Set<string>()
  for (let kill = 1; kill <= KILLS; kill += 1) {
    const ms = Math.floor(random() * 120)
    await child.runAndKill(dir, ms)
    const where = `seed ${SEED}, kill ${kill} after ${ms} ms`

    // Raw check first: the bytes on disk are one whole JSON document of one generation.
    const history = HistoryFile.safeParse(JSON.parse(await readFile(path.join(dir, HISTORY_FILE), 'utf8')))
    expect(history.success, where).toBe(true)
    if (!history.success) return
    expect(history.data.entries, where).toHaveLength(HISTORY_ENTRIES)
    const stamps = new Set(history.data.entries.map((entry) => entry.message?.split(' ')[0]))
    expect(stamps.size, `${where}: one generation per file`).toBe(1)
    generations.add([...stamps][0] ?? '')
    const settings = JSON.parse(await readFile(path.join(dir, SETTINGS_FILE), 'utf8')) as {
      customEnvironments: unknown[]
    }
    expect(settings.customEnvironments, where).toHaveLength(CUSTOM_ENVIRONMENTS)

    // Killed writers leave at most one temp file per file they were writing.
    const left = await temps(dir)
    expect(left.length, `${where}: ${left.join(', ')}`).toBeLessThanOrEqual(2)
    if (left.length > 0) killsWithTempLeft += 1

    // The next start: the app's own loaders accept both files (no .corrupt copy) and sweep the temps away.
    const opened = await History.open(dir, nullLogger)
    expect(opened.takeNotice(), where).toBeUndefined()
    expect(opened.size, where).toBe(HISTORY_ENTRIES)
    await opened.close()
    const environments = await Environments.open(dir, 'http://127.0.0.1:1', nullLogger)
    expect(
      environments.list().filter((env) => env.kind === 'custom'),
      where,
    ).toHaveLength(CUSTOM_ENVIRONMENTS)
    expect(environments.selected().environmentId, where).toBe('custom:g0')
    expect(await temps(dir), where).toEqual([])
    expect(
      (await readdir(dir)).filter((name) => name.includes('.corrupt')),
      where,
    ).toEqual([])
  }
  // The kills really landed mid-write (a temp file was left), and the writer made progress between them.
  expect(killsWithTempLeft).toBeGreaterThan(KILLS / 4)
  expect(generations.size).toBeGreaterThan(1)
})
