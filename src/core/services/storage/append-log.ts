/**
 * An append-only JSON-lines log with group commit, plus a snapshot it is compacted into: what history needs so
 * that an entry is on disk before it is acknowledged, without paying one fsync per entry under load.
 *
 * - `append(entry)` queues one line; lines queued while a write + fdatasync is in flight go out together in the
 *   next one (group commit: one fsync per batch, batches grow with load). The promise resolves only after its
 *   batch is durable, so an acknowledged entry survives kill -9 (and a power cut).
 * - Every line carries a sequence number: `{"seq":n,"entry":…}`. When the log has `compactEvery` lines, the
 *   last `capacity` entries are written to the snapshot (temp file, fsync, rename, folder fsync) with the
 *   highest seq they include, then the log is truncated. A crash between the two steps only leaves lines the
 *   snapshot already holds; they are skipped on load (seq ≤ lastSeq), so nothing is doubled or lost.
 * - Snapshot format `{ version, lastSeq, entries }`. An older snapshot is migrated forward on open (`upgrades`,
 *   one step per version, e.g. history.json v1 `{ version: 1, entries }` → v2 with lastSeq 0) and rewritten at
 *   once in the new version, so it is upgraded exactly once. The log's lines belong to the snapshot's version.
 * - On load, a torn last line (a write cut short) or a line that does not parse/validate is skipped and
 *   reported; the log is then kept aside (timestamped copy) and compacted, so the problem is not met again.
 *   A snapshot or log that is not a file or cannot be read throws a DataFileError naming it (file-problems.ts).
 * One process per data folder (the app holds a single-instance lock).
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { fsyncDir, removeStaleTemps, writeFileDurable } from './durable-file'
import { DataFileError, fileProblem, keepAside, loadCheckedJson } from './file-problems'

export interface AppendLogOptions<T> {
  dir: string
  /** The snapshot, e.g. `history.json`. */
  snapshotName: string
  /** The log, e.g. `history.jsonl`. */
  logName: string
  /** The snapshot's `version` field. */
  version: number
  entry: z.ZodType<T>
  /** Entries kept (oldest dropped first), in memory and in the snapshot. */
  capacity: number
  /** Log lines that trigger a compaction; default `capacity`. */
  compactEvery?: number
  /** Migrations of older snapshots, keyed by the version they upgrade from (to that version + 1). */
  upgrades?: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>>
  now?: () => Date
}

export interface AppendLogStats {
  appended: number
  /** Write + fdatasync rounds of the log: one per group of entries committed together. */
  batches: number
  compactions: number
  /** The snapshot version read on open when it was older (then migrated forward); undefined otherwise. */
  migratedFrom?: number
}

interface Stored<T> {
  seq: number
  entry: T
}
interface Pending {
  line: string
  resolve: () => void
  reject: (error: unknown) => void
}

export class AppendLog<T> {
  /** Problems met while loading, one line each naming the file (for the UI's notice). */
  readonly notices: string[] = []
  readonly stats: AppendLogStats = { appended: 0, batches: 0, compactions: 0 }
  private stored: Stored<T>[] = []
  private seq = 0
  private linesInLog = 0
  private pending: Pending[] = []
  private compactWaiters: Pending[] = []
  private running: Promise<void> | null = null
  private closed = false

  private constructor(
    private readonly options: AppendLogOptions<T>,
    private readonly snapshotFile: string,
    private readonly logFile: string,
    private handle: fs.FileHandle,
  ) {}

  static async open<T>(options: AppendLogOptions<T>): Promise<AppendLog<T>> {
    await fs.mkdir(options.dir, { recursive: true, mode: 0o700 })
    const snapshotFile = path.join(options.dir, options.snapshotName)
    const logFile = path.join(options.dir, options.logName)
    await removeStaleTemps(snapshotFile)
    const now = options.now ?? (() => new Date())
    let migratedFrom: number | undefined
    const upgrade = (raw: unknown): unknown => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw
      let data = raw as Record<string, unknown>
      const from = data['version']
      while (typeof data['version'] === 'number' && data['version'] < options.version) {
        const step = options.upgrades?.[data['version']]
        if (!step) break
        data = { ...step(data), version: data['version'] + 1 }
      }
      if (data !== raw && typeof from === 'number') migratedFrom = from
      return data
    }
    const Snapshot = z.preprocess(
      upgrade,
      z.object({
        version: z.literal(options.version),
        lastSeq: z.number().int().min(0).default(0),
        entries: z.array(options.entry),
      }),
    )
    const loaded = await loadCheckedJson(snapshotFile, Snapshot, now)
    const notices: string[] = []
    let lastSeq = 0
    let stored: Stored<T>[] = []
    if (loaded.status === 'problem') {
      if (!loaded.problem.keptAs) throw new DataFileError(loaded.problem)
      notices.push(loaded.problem.message)
    } else if (loaded.status === 'ok') {
      lastSeq = loaded.data.lastSeq
      stored = loaded.data.entries.map((entry, index) => ({ seq: index - loaded.data.entries.length, entry }))
    }
    const replay = await readLog(logFile, options.entry)
    if (replay.skipped > 0) {
      const copy = await keepAside(logFile, now)
      notices.push(
        `${options.logName}: ${replay.skipped} unreadable line(s) skipped${replay.torn ? ' (the last write was cut short)' : ''}; the file was kept as ${path.basename(copy)}.`,
      )
    }
    for (const line of replay.lines) if (line.seq > lastSeq) stored.push(line)
    const existed = replay.exists
    const handle = await fs.open(logFile, 'a', 0o600)
    if (!existed) await fsyncDir(options.dir)
    const log = new AppendLog(options, snapshotFile, logFile, handle)
    log.notices.push(...notices)
    log.stored = stored.slice(-options.capacity)
    log.seq = replay.lines.reduce((max, line) => Math.max(max, line.seq), lastSeq)
    log.linesInLog = replay.lines.length
    if (loaded.status === 'ok' && migratedFrom !== undefined) log.stats.migratedFrom = migratedFrom
    // A bad line, a bad or an older snapshot: write a clean current snapshot now, so the next start does not
    // meet it again.
    if (notices.length > 0 || log.stats.migratedFrom !== undefined) await log.requestCompaction()
    return log
  }

  /** Oldest first, at most `capacity`. */
  entries(): T[] {
    return this.stored.map((item) => item.entry)
  }

  get size(): number {
    return this.stored.length
  }

  /** Resolves once the entry is durable; rejects if it could not be written (it is then not acknowledged). */
  append(entry: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.options.logName} is closed`))
    this.seq += 1
    const item = { seq: this.seq, entry }
    this.stored.push(item)
    if (this.stored.length > this.options.capacity)
      this.stored.splice(0, this.stored.length - this.options.capacity)
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(item)}\n`, resolve, reject })
      this.kick()
    })
  }

  /** Replaces every entry (e.g. [] for "clear"), durably, through a compaction. */
  replaceAll(entries: readonly T[]): Promise<void> {
    this.stored = entries.slice(-this.options.capacity).map((entry) => ({ seq: (this.seq += 1), entry }))
    return this.requestCompaction()
  }

  /** Folds the log into the snapshot now (a clean shutdown leaves one file); resolves once it is durable. */
  compact(): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.options.logName} is closed`))
    return this.requestCompaction()
  }

  /** Waits for every queued write, then releases the file. */
  async close(): Promise<void> {
    this.closed = true
    while (this.running) await this.running
    await this.handle.close()
  }

  private requestCompaction(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.compactWaiters.push({ line: '', resolve, reject })
      this.kick()
    })
  }

  private kick(): void {
    if (this.running) return
    this.running = this.run().finally(() => {
      this.running = null
      if (this.pending.length > 0 || this.compactWaiters.length > 0) this.kick()
    })
  }

  private async run(): Promise<void> {
    while (this.pending.length > 0 || this.compactWaiters.length > 0) {
      if (this.pending.length > 0) await this.writeBatch(this.pending.splice(0))
      const compactEvery = this.options.compactEvery ?? this.options.capacity
      if (this.compactWaiters.length > 0 || this.linesInLog >= compactEvery) {
        const waiters = this.compactWaiters.splice(0)
        try {
          await this.rewriteSnapshot()
          for (const waiter of waiters) waiter.resolve()
        } catch (error) {
          // The log is intact (it is truncated only after the snapshot is durable): nothing acknowledged is lost.
          for (const waiter of waiters) waiter.reject(error)
          if (waiters.length === 0) this.linesInLog = 0 // retry after another compactEvery lines
        }
      }
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      let buffer = Buffer.from(batch.map((item) => item.line).join(''), 'utf8')
      while (buffer.length > 0) {
        const { bytesWritten } = await this.handle.write(buffer)
        buffer = buffer.subarray(bytesWritten)
      }
      await this.handle.datasync()
      this.linesInLog += batch.length
      this.stats.appended += batch.length
      this.stats.batches += 1
      for (const item of batch) item.resolve()
    } catch (error) {
      // Part of the batch may be on disk as a torn line: the next compaction rewrites the log cleanly.
      this.linesInLog = Number.MAX_SAFE_INTEGER
      for (const item of batch) item.reject(error)
    }
  }

  private async rewriteSnapshot(): Promise<void> {
    const snapshot = {
      version: this.options.version,
      lastSeq: this.seq,
      entries: this.stored.map((item) => item.entry),
    }
    await writeFileDurable(this.snapshotFile, `${JSON.stringify(snapshot)}\n`)
    await this.handle.truncate(0)
    await this.handle.datasync()
    this.linesInLog = 0
    this.stats.compactions += 1
  }
}

interface Replay<T> {
  lines: Stored<T>[]
  skipped: number
  torn: boolean
  exists: boolean
}

/** Reads the log's lines; a line that does not parse or validate is skipped and counted. */
async function readLog<T>(file: string, entry: z.ZodType<T>): Promise<Replay<T>> {
  let text: string
  try {
    if (!(await fs.stat(file)).isFile())
      throw new DataFileError(fileProblem('not-a-file', file, 'not a regular file'))
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    if (error instanceof DataFileError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN'
    if (code === 'ENOENT') return { lines: [], skipped: 0, torn: false, exists: false }
    const reason = error instanceof Error ? error.message : String(error)
    throw new DataFileError(fileProblem('unreadable', file, `${code}: ${reason}`))
  }
  const Line = z.object({ seq: z.number().int().min(1), entry })
  const parts = text.split('\n')
  const tail = parts.pop() ?? ''
  const lines: Stored<T>[] = []
  let skipped = tail === '' ? 0 : 1
  let lastSeq = 0
  for (const part of parts) {
    const parsed = parseLine(part, Line)
    // Sequence numbers only grow; a line out of order is damage, not data.
    if (parsed && parsed.seq > lastSeq) {
      lines.push(parsed as Stored<T>)
      lastSeq = parsed.seq
    } else skipped += 1
  }
  return { lines, skipped, torn: tail !== '', exists: true }
}

function parseLine(text: string, schema: z.ZodType<{ seq: number; entry: unknown }>) {
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
