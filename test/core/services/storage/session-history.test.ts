/**
 * History on the append log (issue 16, deliverable 6): record() resolves only once its entry is on disk,
 * concurrent records share fdatasyncs (group commit), history.json v1 is migrated forward to v2 exactly once,
 * and a folder where history.json or history.jsonl should be is an error naming it.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Logger } from '../../../../src/core/app-types'
import { nullLogger } from '../../../../src/core/services/storage/file-log'
import { DataFileError } from '../../../../src/core/services/storage/file-problems'
import {
  History,
  HISTORY_FILE,
  HISTORY_LOG_FILE,
  HISTORY_VERSION,
  type NewHistoryEntry,
} from '../../../../src/core/services/storage/session-history'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hfc-history-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const entry = (n: number): NewHistoryEntry => ({
  at: new Date(Date.UTC(2026, 11, 2, 0, 0, n)).toISOString(),
  environmentId: 'sandbox',
  profile: 'default',
  processingTerminalId: String(1234000 + n),
  scenario: 'payment',
  libVersion: '1.7.0.261457',
  outcome: 'ok',
  durationMs: n,
  attempts: 1,
  kind: 'session',
})
const logLines = async () =>
  (await readFile(path.join(dir, HISTORY_LOG_FILE), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { seq: number; entry: { id: string } })

describe('History', () => {
  it('has an entry in history.jsonl by the time record() resolves', async () => {
    const history = await History.open(dir, nullLogger)
    const stored = await history.record(entry(1))
    expect((await logLines()).map((line) => line.entry.id)).toEqual([stored.id])
    await history.close()
  })

  it('group-commits concurrent records: 1,000 records from 50 callers in far fewer than 1,000 fdatasyncs', async () => {
    const history = await History.open(dir, nullLogger, { capacity: 5000, compactEvery: 5000 })
    const callers = Array.from({ length: 50 }, async (_, caller) => {
      for (let i = 0; i < 20; i += 1) await history.record(entry(caller * 20 + i))
    })
    await Promise.all(callers)
    const { appended, batches } = history.stats
    expect(appended).toBe(1000)
    console.log(`history group commit: 1,000 records from 50 concurrent callers in ${batches} fdatasyncs`)
    expect(batches).toBeLessThan(200)
    await history.close()
  })

  it('migrates a v1 history.json forward once, keeping every entry', async () => {
    const v1 = [1, 2, 3].map((n) => ({ id: `old-${n}`, ...entry(n) }))
    await writeFile(path.join(dir, HISTORY_FILE), JSON.stringify({ version: 1, entries: v1 }, null, 2))
    const lines: string[] = []
    const logger: Logger = {
      log: (level, message, data) => lines.push(`${level} ${message} ${JSON.stringify(data)}`),
    }
    const history = await History.open(dir, logger)
    expect(history.list().map((e) => e.id)).toEqual(['old-3', 'old-2', 'old-1'])
    expect(history.takeNotice()).toBeUndefined()
    expect(lines.join('\n')).toMatch(/info history migrated forward \{"from":1,"to":2\}/)
    const file = JSON.parse(await readFile(path.join(dir, HISTORY_FILE), 'utf8')) as {
      version: number
      lastSeq: number
      entries: unknown[]
    }
    expect(file.version).toBe(HISTORY_VERSION)
    expect(file.entries).toHaveLength(3)
    await history.record(entry(4))
    await history.close()
    const again = await History.open(dir, logger)
    expect(again.stats.migratedFrom).toBeUndefined()
    expect(again.size).toBe(4)
    await again.close()
    expect((await readdir(dir)).filter((name) => name.includes('.corrupt'))).toEqual([])
  })

  it('clear() empties history durably', async () => {
    const history = await History.open(dir, nullLogger)
    await history.record(entry(1))
    await history.record(entry(2))
    expect(await history.clear()).toBe(2)
    await history.close()
    const reopened = await History.open(dir, nullLogger)
    expect(reopened.size).toBe(0)
    await reopened.close()
  })

  it('close() folds the log into history.json', async () => {
    const history = await History.open(dir, nullLogger)
    await history.record(entry(1))
    await history.close()
    expect(await readFile(path.join(dir, HISTORY_LOG_FILE), 'utf8')).toBe('')
    const file = JSON.parse(await readFile(path.join(dir, HISTORY_FILE), 'utf8')) as { entries: unknown[] }
    expect(file.entries).toHaveLength(1)
    await history.close() // twice is harmless
  })

  it('keeps each corrupt history.json in its own timestamped copy: two corruptions, two copies', async () => {
    for (const text of ['{"version":2,"entries":[first', '{"version":2,"entries":[second']) {
      await writeFile(path.join(dir, HISTORY_FILE), text)
      const history = await History.open(dir, nullLogger)
      expect(history.takeNotice()).toMatch(/history\.json is not valid JSON.*history\.json\.corrupt-\d{4}-/)
      await history.close()
    }
    const copies = (await readdir(dir)).filter((name) => name.startsWith(`${HISTORY_FILE}.corrupt-`))
    expect(copies).toHaveLength(2)
    const contents = await Promise.all(copies.map((name) => readFile(path.join(dir, name), 'utf8')))
    expect(contents.sort()).toEqual(['{"version":2,"entries":[first', '{"version":2,"entries":[second'])
  })

  for (const name of [HISTORY_FILE, HISTORY_LOG_FILE]) {
    it(`names ${name} when a folder stands where it should be`, async () => {
      await mkdir(path.join(dir, name))
      const opening = History.open(dir, nullLogger)
      await expect(opening).rejects.toBeInstanceOf(DataFileError)
      await expect(History.open(dir, nullLogger)).rejects.toThrow(
        new RegExp(
          `^${name.replace('.', '\\.')} is not a file \\(${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        ),
      )
    })
  }
})
