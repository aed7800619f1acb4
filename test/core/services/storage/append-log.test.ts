import {
  appendFile,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rm,
  writeFile,
  type FileHandle,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppendLog, type AppendLogOptions } from '../../../../src/core/services/storage/append-log'

const Entry = z.object({ id: z.string(), n: z.number() })
type Entry = z.infer<typeof Entry>
let dir: string
const options = (extra: Partial<AppendLogOptions<Entry>> = {}): AppendLogOptions<Entry> => ({
  dir,
  snapshotName: 'history.json',
  logName: 'history.jsonl',
  version: 1,
  entry: Entry,
  capacity: 1000,
  ...extra,
})
const entry = (n: number): Entry => ({ id: `e${n}`, n })
const ids = (log: AppendLog<Entry>) => log.entries().map((e) => e.id)
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `e${from + i}`)

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hfc-appendlog-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the append-only log', () => {
  it('has an entry on disk by the time append resolves (a second reader sees it)', async () => {
    const log = await AppendLog.open(options())
    await log.append(entry(1))
    const lines = (await readFile(path.join(dir, 'history.jsonl'), 'utf8')).trim().split('\n')
    expect(lines.map((line) => JSON.parse(line))).toEqual([{ seq: 1, entry: entry(1) }])
    const reader = await AppendLog.open(options())
    expect(ids(reader)).toEqual(['e1'])
    await Promise.all([log.close(), reader.close()])
  })

  it('fdatasyncs every batch before acknowledging any entry of it', async () => {
    const probe = await open(path.join(dir, 'probe'), 'w')
    const proto = Object.getPrototypeOf(probe) as { datasync: FileHandle['datasync'] }
    await probe.close()
    const original = proto.datasync
    const events: string[] = []
    proto.datasync = function (this: FileHandle) {
      events.push('datasync')
      return original.call(this)
    }
    try {
      const log = await AppendLog.open(options())
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => log.append(entry(i)).then(() => events.push(`ack ${i}`))),
      )
      await log.close()
      expect(events[0]).toBe('datasync')
      // Every ack follows the datasync of its batch: as many datasyncs as batches, each before its acks.
      expect(events.filter((e) => e === 'datasync')).toHaveLength(log.stats.batches)
      expect(events.indexOf('ack 0')).toBeGreaterThan(events.indexOf('datasync'))
      expect(events.lastIndexOf('datasync')).toBeLessThan(events.indexOf('ack 49'))
    } finally {
      proto.datasync = original
    }
  })

  it('commits concurrent appends in groups: far fewer fsyncs than entries, every entry kept in order', async () => {
    const log = await AppendLog.open(options({ capacity: 5000, compactEvery: 100_000 }))
    await Promise.all(Array.from({ length: 2000 }, (_, i) => log.append(entry(i))))
    expect(log.stats.appended).toBe(2000)
    expect(log.stats.batches).toBeLessThan(200)
    await log.close()
    expect(ids(await AppendLog.open(options({ capacity: 5000 })))).toEqual(range(0, 2000))
  })

  it('compacts into the snapshot (capacity kept, newest last) and truncates the log', async () => {
    const log = await AppendLog.open(options({ capacity: 10, compactEvery: 5 }))
    for (let i = 0; i < 23; i += 1) await log.append(entry(i))
    expect(log.stats.compactions).toBe(4)
    expect(ids(log)).toEqual(range(13, 23))
    await log.close()
    const snapshot = JSON.parse(await readFile(path.join(dir, 'history.json'), 'utf8')) as {
      lastSeq: number
      entries: Entry[]
    }
    // The snapshot holds the 10 newest entries up to its lastSeq (seq = n + 1); the log holds the rest.
    expect(snapshot.entries).toHaveLength(10)
    expect((snapshot.entries.at(-1)?.n ?? -1) + 1).toBe(snapshot.lastSeq)
    const logLines = (await readFile(path.join(dir, 'history.jsonl'), 'utf8')).trim().split('\n')
    expect(logLines.length).toBeLessThan(5)
    expect((JSON.parse(logLines.at(-1) ?? '{}') as { seq?: number }).seq).toBe(23)
    expect(ids(await AppendLog.open(options({ capacity: 10 })))).toEqual(range(13, 23))
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('skips log lines the snapshot already holds (a crash between snapshot and truncation)', async () => {
    const log = await AppendLog.open(options())
    for (let i = 0; i < 4; i += 1) await log.append(entry(i))
    await log.close()
    // As if the snapshot of seq 1..3 was renamed in place and the process died before truncating the log.
    const snapshot = { version: 1, lastSeq: 3, entries: [entry(0), entry(1), entry(2)] }
    await writeFile(path.join(dir, 'history.json'), JSON.stringify(snapshot))
    const reopened = await AppendLog.open(options())
    expect(ids(reopened)).toEqual(['e0', 'e1', 'e2', 'e3'])
    expect(reopened.notices).toEqual([])
  })

  it('ignores and reports a torn last line, keeps the log aside, and starts clean', async () => {
    const log = await AppendLog.open(options())
    for (let i = 0; i < 3; i += 1) await log.append(entry(i))
    await log.close()
    await appendFile(path.join(dir, 'history.jsonl'), '{"seq":4,"entry":{"id":"e')
    const reopened = await AppendLog.open(options())
    expect(ids(reopened)).toEqual(['e0', 'e1', 'e2'])
    expect(reopened.notices).toHaveLength(1)
    expect(reopened.notices[0]).toMatch(
      /^history\.jsonl: 1 unreadable line\(s\) skipped \(the last write was cut short\); the file was kept as history\.jsonl\.corrupt-/,
    )
    await reopened.append(entry(9))
    await reopened.close()
    const again = await AppendLog.open(options())
    expect(ids(again)).toEqual(['e0', 'e1', 'e2', 'e9'])
    expect(again.notices).toEqual([])
  })

  it('skips a damaged line in the middle and a line that fails the schema', async () => {
    const lines = [
      JSON.stringify({ seq: 1, entry: entry(1) }),
      'garbage',
      JSON.stringify({ seq: 2, entry: { id: 2 } }),
      JSON.stringify({ seq: 3, entry: entry(3) }),
    ]
    await writeFile(path.join(dir, 'history.jsonl'), `${lines.join('\n')}\n`)
    const log = await AppendLog.open(options())
    expect(ids(log)).toEqual(['e1', 'e3'])
    expect(log.notices[0]).toMatch(/^history\.jsonl: 2 unreadable line\(s\) skipped; /)
  })

  it('reads the old { version, entries } history.json as its snapshot', async () => {
    await writeFile(
      path.join(dir, 'history.json'),
      JSON.stringify({ version: 1, entries: [entry(1), entry(2)] }),
    )
    const log = await AppendLog.open(options())
    await log.append(entry(3))
    expect(ids(log)).toEqual(['e1', 'e2', 'e3'])
    await log.close()
    expect(ids(await AppendLog.open(options()))).toEqual(['e1', 'e2', 'e3'])
  })

  it('keeps a schema-invalid snapshot aside, says so, and refuses a folder in its place', async () => {
    await writeFile(path.join(dir, 'history.json'), JSON.stringify({ version: 1, entries: [{ id: 1 }] }))
    const log = await AppendLog.open(options())
    expect(log.size).toBe(0)
    expect(log.notices[0]).toMatch(
      /^history\.json does not have the expected content .* kept as history\.json\.corrupt-/,
    )
    await log.close()
    await rm(path.join(dir, 'history.json'))
    await mkdir(path.join(dir, 'history.json'))
    await expect(AppendLog.open(options())).rejects.toThrow(/history\.json is not a file/)
  })

  it('replaces everything durably (clear), and refuses appends after close', async () => {
    const log = await AppendLog.open(options())
    for (let i = 0; i < 5; i += 1) await log.append(entry(i))
    await log.replaceAll([])
    expect(log.size).toBe(0)
    await log.append(entry(7))
    await log.close()
    expect(ids(await AppendLog.open(options()))).toEqual(['e7'])
    await expect(log.append(entry(8))).rejects.toThrow(/closed/)
  })
})
