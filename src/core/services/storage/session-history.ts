/**
 * History of sessions created or attempted: `history.jsonl` (an append-only log, append-log.ts) folded into
 * `history.json` (its snapshot, versioned) in the data folder. Capped at 1,000 entries, oldest evicted.
 *
 * An entry is durable before it is acknowledged: `record()` resolves only once its line is written and
 * fdatasynced, so the call that recorded it (session:create, history:rerun, history:recordLibrary) answers only
 * after that, and an answered call's entry survives kill -9 and a power cut. Records arriving while a write is in
 * flight share the next one (group commit): under load one fdatasync covers many entries.
 *
 * Files: history.json v1 (`{ version: 1, entries }`, the coalesced whole-file writes of older versions) is
 * migrated forward to v2 (`{ version: 2, lastSeq, entries }`) on the first start. A corrupt snapshot or
 * damaged log lines are kept aside in timestamped `.corrupt-<time>` copies (never overwritten) with a notice
 * shown once; a folder or an unreadable file in their place is a DataFileError naming it.
 */
import { randomUUID } from 'node:crypto'
import { HistoryEntry, type HistoryFilter } from '../../../shared/diagnostics'
import type { Logger } from '../../app-types'
import { AppendLog, type AppendLogStats } from './append-log'
import { scrubJson } from '../credentials/known-secrets'

export const HISTORY_FILE = 'history.json'
export const HISTORY_LOG_FILE = 'history.jsonl'
export const HISTORY_VERSION = 2
export const HISTORY_CAPACITY = 1000

export type NewHistoryEntry = Omit<HistoryEntry, 'id'>

export interface HistoryOptions {
  capacity?: number
  /** Log lines before the log is folded into history.json; default the capacity. */
  compactEvery?: number
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

export class History {
  private pendingNotice: string | undefined
  private closed = false
  private readonly scrub: (text: string) => string

  private constructor(
    private readonly log: AppendLog<HistoryEntry>,
    private readonly logger: Logger,
    options: HistoryOptions,
  ) {
    this.scrub = options.scrub ?? ((text) => text)
    this.pendingNotice = log.notices.length > 0 ? log.notices.join(' ') : undefined
  }

  static async open(dataDir: string, logger: Logger, options: HistoryOptions = {}): Promise<History> {
    const capacity = options.capacity ?? HISTORY_CAPACITY
    const log = await AppendLog.open({
      dir: dataDir,
      snapshotName: HISTORY_FILE,
      logName: HISTORY_LOG_FILE,
      version: HISTORY_VERSION,
      entry: HistoryEntry,
      capacity,
      compactEvery: options.compactEvery ?? capacity,
      // v1 was the same entries without the log: nothing of it is in history.jsonl yet.
      upgrades: { 1: (old) => ({ ...old, lastSeq: 0 }) },
    })
    for (const notice of log.notices) logger.log('warn', notice)
    if (log.stats.migratedFrom !== undefined)
      logger.log('info', 'history migrated forward', { from: log.stats.migratedFrom, to: HISTORY_VERSION })
    return new History(log, logger, options)
  }

  /**
   * Stores the entry and resolves once it is durable (written and fdatasynced with its group). Rejects when it
   * could not be written: the entry is then not acknowledged (it stays listed until the next start).
   */
  async record(entry: NewHistoryEntry): Promise<HistoryEntry> {
    const stored: HistoryEntry = scrubJson({ id: randomUUID(), ...entry }, this.scrub)
    try {
      await this.log.append(stored)
    } catch (error) {
      this.logger.log('error', 'history could not be written', { error: String(error) })
      throw error
    }
    return stored
  }

  get(id: string): HistoryEntry | undefined {
    return this.log.entries().find((entry) => entry.id === id)
  }

  list(filter: HistoryFilter = {}): HistoryEntry[] {
    return filterHistory(this.log.entries(), filter)
  }

  /** The corrupt-file notice, once: the UI shows it on its first list and never again. */
  takeNotice(): string | undefined {
    const notice = this.pendingNotice
    this.pendingNotice = undefined
    return notice
  }

  get size(): number {
    return this.log.size
  }

  /** Write rounds and entries so far (bench and tests: fdatasyncs per 1,000 records). */
  get stats(): Readonly<AppendLogStats> {
    return this.log.stats
  }

  /** Empties the history durably (an empty history.json, an empty log). Returns how many entries were removed. */
  async clear(): Promise<number> {
    const removed = this.log.size
    this.pendingNotice = undefined
    await this.log.replaceAll([])
    return removed
  }

  /** Folds the log into history.json and releases the files; every acknowledged entry is already on disk. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    try {
      await this.log.compact()
    } catch (error) {
      // The log still holds every entry: the next start replays it.
      this.logger.log('warn', 'history could not be compacted on close', { error: String(error) })
    }
    await this.log.close()
  }
}
