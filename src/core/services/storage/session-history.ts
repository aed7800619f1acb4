/**
 * History of sessions created or attempted, in `history.json` in the data folder (versioned, atomic writes via
 * json-file.ts, a corrupt file set aside as `.corrupt` with a notice shown once). Capped at 1,000 entries,
 * oldest evicted.
 *
 * Writes are serialised (one write at a time, each writing the latest state, so no update is lost) and
 * coalesced: a burst of records schedules one write after a short delay instead of one per record. `close()`
 * flushes whatever is pending, so nothing recorded before close is lost.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'
import { HistoryEntry, type HistoryFilter } from '../../../shared/diagnostics'
import type { Logger } from '../../app-types'
import { toCsv, type CsvCell } from '../exports/csv'
import { loadJsonFile, writeJsonFileAtomic } from './json-file'
import { scrubJson } from '../credentials/known-secrets'

export const HISTORY_FILE = 'history.json'
export const HISTORY_VERSION = 1
export const HISTORY_CAPACITY = 1000
export const HISTORY_WRITE_DELAY_MS = 200

const HistoryFile = z.object({ version: z.literal(HISTORY_VERSION), entries: z.array(HistoryEntry) })
type HistoryFile = z.infer<typeof HistoryFile>

export type NewHistoryEntry = Omit<HistoryEntry, 'id'>

export interface HistoryOptions {
  capacity?: number
  writeDelayMs?: number
  /** The boundary scrubber (known secrets): every entry passes it before it is stored or written. */
  scrub?: (text: string) => string
}

/** Applies a filter to entries stored oldest first; returns newest first. Pure, for the unit tests. */
export function filterHistory(entries: readonly HistoryEntry[], filter: HistoryFilter): HistoryEntry[] {
  const terminal = filter.terminal?.trim()
  const out: HistoryEntry[] = []
  for (let i = entries.length - 1; i >= 0 && out.length < (filter.limit ?? HISTORY_CAPACITY); i -= 1) {
    const entry = entries[i]
    if (!entry) continue
    if (terminal && !entry.processingTerminalId.includes(terminal)) continue
    if (filter.environmentId && entry.environmentId !== filter.environmentId) continue
    if (filter.outcome && entry.outcome !== filter.outcome) continue
    out.push(entry)
  }
  return out
}

const CSV_HEADER = [
  'at',
  'environmentId',
  'profile',
  'processingTerminalId',
  'scenario',
  'libVersion',
  'secureTokenId',
  'outcome',
  'errorKind',
  'status',
  'message',
  'tokenSuffix',
  'expiresAt',
  'durationMs',
  'attempts',
  'journalId',
] as const

export function historyCsv(entries: readonly HistoryEntry[]): string {
  return toCsv(
    CSV_HEADER,
    entries.map((entry) => CSV_HEADER.map((column): CsvCell => entry[column])),
  )
}

export class History {
  private entries: HistoryEntry[]
  private pendingNotice: string | undefined
  private timer: NodeJS.Timeout | undefined
  private dirty = false
  /** The write in progress (or resolved): writes chain on it, one at a time. */
  private writing: Promise<void> = Promise.resolve()
  private readonly capacity: number
  private readonly writeDelayMs: number
  private readonly scrub: (text: string) => string

  private constructor(
    private readonly file: string,
    data: HistoryFile,
    notice: string | undefined,
    private readonly logger: Logger,
    options: HistoryOptions,
  ) {
    this.capacity = options.capacity ?? HISTORY_CAPACITY
    this.writeDelayMs = options.writeDelayMs ?? HISTORY_WRITE_DELAY_MS
    this.scrub = options.scrub ?? ((text) => text)
    this.entries = data.entries.slice(-this.capacity)
    this.pendingNotice = notice
  }

  static async open(dataDir: string, logger: Logger, options: HistoryOptions = {}): Promise<History> {
    const file = path.join(dataDir, HISTORY_FILE)
    const fresh = (): HistoryFile => ({ version: HISTORY_VERSION, entries: [] })
    const loaded = await loadJsonFile(file, HistoryFile, fresh, logger)
    const notice = loaded.corruptCopy
      ? `The history file could not be read, so history starts empty; the old file was kept as ${loaded.corruptCopy}.`
      : undefined
    return new History(file, loaded.data, notice, logger, options)
  }

  record(entry: NewHistoryEntry): HistoryEntry {
    const stored: HistoryEntry = scrubJson({ id: randomUUID(), ...entry }, this.scrub)
    this.entries.push(stored)
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity)
    this.schedule()
    return stored
  }

  get(id: string): HistoryEntry | undefined {
    return this.entries.find((entry) => entry.id === id)
  }

  list(filter: HistoryFilter = {}): HistoryEntry[] {
    return filterHistory(this.entries, filter)
  }

  /** The corrupt-file notice, once: the UI shows it on its first list and never again. */
  takeNotice(): string | undefined {
    const notice = this.pendingNotice
    this.pendingNotice = undefined
    return notice
  }

  get size(): number {
    return this.entries.length
  }

  /** Empties the history and writes the empty file at once. Returns how many entries were removed. */
  async clear(): Promise<number> {
    const removed = this.entries.length
    this.entries = []
    this.pendingNotice = undefined
    this.dirty = true
    await this.flush()
    return removed
  }

  private schedule(): void {
    this.dirty = true
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.flush()
    }, this.writeDelayMs)
    // A pending history write must not keep a CLI process alive; close() flushes it.
    this.timer.unref()
  }

  /** Writes the current state if anything changed; resolves when it is on disk. Never rejects. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    const run = async () => {
      if (!this.dirty) return
      this.dirty = false
      const snapshot: HistoryFile = { version: HISTORY_VERSION, entries: [...this.entries] }
      try {
        await writeJsonFileAtomic(this.file, snapshot)
      } catch (error) {
        // Keep it dirty so the next flush tries again; the entries are still in memory.
        this.dirty = true
        this.logger.log('error', 'history could not be written', { error: String(error) })
      }
    }
    this.writing = this.writing.then(run)
    return this.writing
  }

  async close(): Promise<void> {
    await this.flush()
  }
}
