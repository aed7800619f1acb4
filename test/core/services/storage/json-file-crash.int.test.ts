/**
 * Crash safety (SECURITY.md, crash safety): a child process rewrites history.json and settings.json through json-file.ts's
 * atomic write in a tight loop, with large payloads; the parent SIGKILLs it at seeded random moments. After every
 * kill both files parse and validate with the app's own loaders (the old or the new version, never a torn or
 * mixed one), temp files left by killed writers stay bounded, and the next start removes them.
 *
 * The child is json-file.ts itself, bundled once with esbuild (tsx would cost a second of start-up per kill).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { z } from 'zod'
import { nullLogger } from '../../../../src/core/services/storage/file-log'
import { Environments, SETTINGS_FILE } from '../../../../src/core/services/gateway/environment-store'
import { History, HISTORY_FILE, HISTORY_VERSION } from '../../../../src/core/services/storage/session-history'
import { HistoryEntry } from '../../../../src/shared/diagnostics'
import { prng } from '../../../support/prng'

const SEED = Number(process.env['CRASH_SEED'] ?? 20_260_611)
const KILLS = 24
const HISTORY_ENTRIES = 800 // ≈ 330 KB per history write
const CUSTOM_ENVIRONMENTS = 40
const root = path.resolve(__dirname, '../../../..')

/** The writer: every generation stamps all its entries with one sequence number, so a mixed file shows. */
const CHILD_SOURCE = `
import path from 'node:path'
import { writeJsonFileAtomic } from ${JSON.stringify(path.join(root, 'src/core/services/storage/json-file.ts'))}

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

let work: string
let childScript: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hfc-crash-'))
  const source = path.join(work, 'writer.ts')
  await writeFile(source, CHILD_SOURCE)
  childScript = path.join(work, 'writer.mjs')
  await build({
    entryPoints: [source],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  })
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Starts the writer, waits until its first generation is on disk, lets it run `ms` more, then SIGKILLs it. */
function runAndKill(dir: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    const guard = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`writer never became ready: ${stderr}`))
    }, 15_000)
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.once('data', () => {
      setTimeout(() => child.kill('SIGKILL'), ms)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(guard)
      if (signal === 'SIGKILL') resolve()
      else reject(new Error(`writer exited by itself (${code ?? signal}): ${stderr}`))
    })
  })
}

const HistoryFile = z.object({ version: z.literal(HISTORY_VERSION), entries: z.array(HistoryEntry) })
const temps = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith('.tmp'))

it(`survives ${KILLS} SIGKILLs mid-write (seed ${SEED}): never a torn file, temp files cleaned on start`, async () => {
  const dir = await mkdtemp(path.join(work, 'data-'))
  const random = prng(SEED)
  let killsWithTempLeft = 0
  const generations = new Set<string>()
  for (let kill = 1; kill <= KILLS; kill += 1) {
    const ms = Math.floor(random() * 120)
    await runAndKill(dir, ms)
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
