/**
 * The batch terminal check engine, independent of Electron and of the gateway (it takes a `check` function), so
 * the UI, the CLI and the tests drive the same code. Bounded concurrency; ONE global back-off on 429: the
 * worker that sees it pauses the shared gate until Retry-After, every worker waits at the gate before its next
 * request, and the terminal is retried — so 16 workers never hammer a throttling gateway each on its own.
 * Progress is reported at most every 100 ms (plus a final report); cancel aborts requests in flight and marks
 * what is left 'cancelled'.
 */
import { randomUUID } from 'node:crypto'
import {
  BATCH_DEFAULT_CONCURRENCY,
  BATCH_MAX_CONCURRENCY,
  type BatchProgressEvent,
  type BatchRow,
  type BatchSnapshot,
  type BatchState,
  type BatchVerdict,
} from '../../../shared/diagnostics'
import { DIAGNOSIS_HINTS, HINTS } from '../../hint-catalogue'
import type { Scenario } from '../../../shared/payroc'
import { expandEntries, isNotOk, type BatchScenarioChoice, type ExpandedEntry } from './batch-scenarios'
import type { ParsedTerminal } from './terminal-list'

export interface CheckOutcome {
  verdict: Exclude<BatchVerdict, 'pending' | 'invalid' | 'duplicate'>
  hint: string
  status?: number
  message?: string
  journalId?: string
  /** With verdict 'rate-limited': how long the gateway asked us to wait. */
  retryAfterMs?: number
}
/** One check of one terminal for one scenario (payment when the batch did not choose). */
export type CheckTerminal = (
  processingTerminalId: string,
  signal: AbortSignal,
  scenario: Scenario,
) => Promise<CheckOutcome>

export interface BatchOptions {
  environmentId: string
  profile?: string
  /** payment (default), tokenization, or both: one row per terminal and scenario. */
  scenario?: BatchScenarioChoice
  check: CheckTerminal
  concurrency?: number
  onProgress?: (event: BatchProgressEvent) => void
  /** How often one terminal may be sent again after a 429 before it is reported 'rate-limited'. */
  maxRateLimitRetries?: number
  /** Pause when a 429 carries no usable Retry-After. */
  defaultRetryAfterMs?: number
  progressIntervalMs?: number
  now?: () => number
}

/** Remaining time from the pace so far; undefined until something was checked. Pure, for the unit tests. */
export function estimateEta(elapsedMs: number, checked: number, remaining: number): number | undefined {
  if (remaining <= 0) return 0
  if (checked <= 0 || elapsedMs < 0) return undefined
  return Math.round((elapsedMs / checked) * remaining)
}

/** The shared pause: `wait` resolves once no 429 back-off is running (or at once when aborted). */
export class RateGate {
  private pausedUntil = 0
  pauses = 0

  constructor(private readonly now: () => number = Date.now) {}

  pause(ms: number): void {
    const until = this.now() + Math.max(0, ms)
    // Overlapping 429s (other workers' requests already in flight) extend one pause, never stack several.
    if (until > this.pausedUntil) {
      if (this.pausedUntil <= this.now()) this.pauses += 1
      this.pausedUntil = until
    }
  }

  async wait(signal: AbortSignal): Promise<void> {
    for (let left = this.pausedUntil - this.now(); left > 0 && !signal.aborted;) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left)
        function done() {
          clearTimeout(timer)
          signal.removeEventListener('abort', done)
          resolve()
        }
        signal.addEventListener('abort', done, { once: true })
      })
      left = this.pausedUntil - this.now()
    }
  }
}

export function initialRows(parsed: readonly (ParsedTerminal | ExpandedEntry)[]): BatchRow[] {
  return parsed.map((item): BatchRow => {
    const base = {
      line: item.line,
      input: item.input,
      ...('scenario' in item && item.scenario ? { scenario: item.scenario } : {}),
    }
    if (item.invalid !== undefined)
      return { ...base, verdict: 'invalid', hint: DIAGNOSIS_HINTS.invalidTerminal, message: item.invalid }
    if (item.duplicateOf !== undefined)
      return {
        ...base,
        processingTerminalId: item.processingTerminalId,
        verdict: 'duplicate',
        hint: DIAGNOSIS_HINTS.duplicate,
        duplicateOf: item.duplicateOf,
      }
    return { ...base, processingTerminalId: item.processingTerminalId, verdict: 'pending', hint: '' }
  })
}

export class BatchRun {
  readonly id = randomUUID()
  readonly rows: BatchRow[]
  readonly gate: RateGate
  private state: BatchState = 'running'
  private readonly startedAt: number
  private finishedAt: number | undefined
  private readonly controller = new AbortController()
  private lastProgress = 0
  private progressTimer: NodeJS.Timeout | undefined
  private latest: BatchRow | undefined
  private readonly now: () => number
  readonly finished: Promise<void>

  constructor(
    parsed: readonly ParsedTerminal[],
    private readonly options: BatchOptions,
  ) {
    this.now = options.now ?? Date.now
    this.rows = initialRows(expandEntries(parsed, options.scenario ?? 'payment'))
    this.gate = new RateGate(this.now)
    this.startedAt = this.now()
    this.finished = this.run()
  }

  get total(): number {
    return this.rows.length
  }
  get done(): number {
    return this.rows.filter((row) => row.verdict !== 'pending').length
  }
  get failures(): number {
    return this.rows.filter((row) => isNotOk(row.verdict)).length
  }

  cancel(): void {
    if (this.state === 'running') this.controller.abort()
  }

  snapshot(): BatchSnapshot {
    return {
      batchId: this.id,
      environmentId: this.options.environmentId,
      ...(this.options.profile !== undefined ? { profile: this.options.profile } : {}),
      scenario: this.options.scenario ?? 'payment',
      state: this.state,
      rows: this.rows.map((row) => ({ ...row })),
      done: this.done,
      total: this.total,
      failures: this.failures,
      startedAt: new Date(this.startedAt).toISOString(),
      ...(this.finishedAt !== undefined ? { finishedAt: new Date(this.finishedAt).toISOString() } : {}),
    }
  }

  private async run(): Promise<void> {
    // Let the caller attach to `finished` and read the initial snapshot before any work starts.
    await Promise.resolve()
    const queue = this.rows.filter((row) => row.verdict === 'pending')
    const concurrency = Math.min(
      BATCH_MAX_CONCURRENCY,
      Math.max(1, this.options.concurrency ?? BATCH_DEFAULT_CONCURRENCY),
    )
    let next = 0
    const worker = async () => {
      for (let row = queue[next++]; row && !this.controller.signal.aborted; row = queue[next++]) {
        await this.checkRow(row)
        this.progress()
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker))
    const cancelled = this.controller.signal.aborted
    for (const row of this.rows) {
      if (row.verdict === 'pending') Object.assign(row, { verdict: 'cancelled', hint: HINTS.cancelled })
    }
    this.state = cancelled ? 'cancelled' : 'completed'
    this.finishedAt = this.now()
    this.progress(true)
  }

  private async checkRow(row: BatchRow): Promise<void> {
    if (row.verdict !== 'pending' || row.processingTerminalId === undefined) return
    const signal = this.controller.signal
    const started = this.now()
    const maxRetries = this.options.maxRateLimitRetries ?? 5
    for (let retries = 0; ; retries += 1) {
      await this.gate.wait(signal)
      if (signal.aborted) return
      const outcome = await this.options.check(row.processingTerminalId, signal, row.scenario ?? 'payment')
      if (signal.aborted && outcome.verdict === 'cancelled') return
      if (outcome.verdict === 'rate-limited' && retries < maxRetries) {
        this.gate.pause(outcome.retryAfterMs ?? this.options.defaultRetryAfterMs ?? 1000)
        continue
      }
      const { retryAfterMs: _ignored, ...result } = outcome
      Object.assign(row, result, { durationMs: this.now() - started })
      this.latest = { ...row }
      return
    }
  }

  private event(): BatchProgressEvent {
    const checkable = this.rows.filter((row) => row.verdict !== 'invalid' && row.verdict !== 'duplicate')
    const checked = checkable.filter((row) => row.verdict !== 'pending').length
    const eta = estimateEta(this.now() - this.startedAt, checked, checkable.length - checked)
    return {
      type: 'batch',
      batchId: this.id,
      state: this.state,
      done: this.done,
      total: this.total,
      failures: this.failures,
      ...(eta !== undefined ? { etaMs: eta } : {}),
      ...(this.latest ? { latest: this.latest } : {}),
    }
  }

  /** At most one report per interval; the last one of a burst is sent when the interval ends. */
  private progress(final = false): void {
    const emit = this.options.onProgress
    if (!emit) return
    const interval = this.options.progressIntervalMs ?? 100
    const send = () => {
      this.progressTimer = undefined
      this.lastProgress = this.now()
      emit(this.event())
    }
    if (final) {
      clearTimeout(this.progressTimer)
      send()
      return
    }
    if (this.progressTimer) return
    const wait = this.lastProgress + interval - this.now()
    if (wait <= 0) send()
    else this.progressTimer = setTimeout(send, wait)
  }
}
