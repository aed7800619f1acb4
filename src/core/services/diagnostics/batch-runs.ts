/**
 * The batch terminal check wired to the gateway client: each terminal gets a real payment session (harmless: it
 * expires unused). Batches are kept in memory (the last 20); their results are exported as CSV.
 *
 * Decision: batch checks do NOT write history. A 1,000-terminal run would evict the whole interactive history;
 * the batch's own rows (and their CSV) are its record, and each exchange is still in the journal (rows carry
 * the journalId). History records interactive creates and re-runs only.
 */
import type { BatchSnapshot } from '../../../shared/diagnostics'
import type { EnvironmentInfo } from '../../../shared/environments'
import type { AppError, ErrorKind } from '../../../shared/result'
import { BatchRun, type BatchOptions, type CheckOutcome, type CheckTerminal } from './batch-engine'
import { exportFilename, toCsv } from '../exports/csv'
import type { GatewayClient } from '../gateway/gateway-client'
import { DIAGNOSIS_HINTS } from '../../hint-catalogue'
import type { Journal } from '../storage/exchange-journal'
import { serverRetryDelay } from '../gateway/retry-policy'
import { parseTerminalList } from './terminal-list'

const KEEP_BATCHES = 20

const VERDICT_OF: Partial<Record<ErrorKind, CheckOutcome['verdict']>> = {
  forbidden: 'forbidden',
  auth: 'auth',
  'rate-limited': 'rate-limited',
  cancelled: 'cancelled',
}

/** The outcome of one failed create, read together with its journal entry (status, Retry-After / X-RateLimit-Reset). */
export function outcomeOfError(error: AppError, journal: Journal): CheckOutcome {
  const entry = error.journalId ? journal.get(error.journalId) : undefined
  const last = entry?.attempts.at(-1)
  const headers = last?.response?.headers
  const retryAfterMs = serverRetryDelay({
    retryAfter: headers?.['retry-after'],
    rateLimitReset: headers?.['x-ratelimit-reset'],
  })?.delayMs
  const status = error.status ?? entry?.status
  return {
    verdict: VERDICT_OF[error.kind] ?? 'error',
    hint: error.hint,
    message: error.message,
    ...(status !== undefined ? { status } : {}),
    ...(error.journalId ? { journalId: error.journalId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  }
}

/** One terminal: a payment session through the gateway client, 429 left to the batch's global gate. */
export function gatewayCheck(client: GatewayClient, libVersion: string, journal: Journal): CheckTerminal {
  return async (processingTerminalId, signal) => {
    const created = await client.createSession(
      { processingTerminalId, scenario: 'payment', libVersion },
      { signal, retryRateLimited: false },
    )
    if (!created.ok) return outcomeOfError(created.error, journal)
    return {
      verdict: 'ok',
      hint: DIAGNOSIS_HINTS.ok,
      status: journal.get(created.value.journalId)?.status ?? 201,
      journalId: created.value.journalId,
    }
  }
}

export function batchCsv(snapshot: BatchSnapshot): string {
  const header = [
    'line',
    'input',
    'processingTerminalId',
    'status',
    'verdict',
    'hint',
    'message',
    'durationMs',
  ]
  return toCsv(
    header,
    snapshot.rows.map((row) => [
      row.line,
      row.input,
      row.processingTerminalId,
      row.status,
      row.verdict,
      row.hint,
      row.message,
      row.durationMs,
    ]),
  )
}

export interface StartBatch {
  environment: EnvironmentInfo
  client: GatewayClient
  input: string
  concurrency?: number
  onProgress: BatchOptions['onProgress']
}

export class BatchRuns {
  private readonly runs = new Map<string, BatchRun>()

  constructor(private readonly journal: Journal) {}

  async start(request: StartBatch): Promise<BatchRun> {
    const parsed = parseTerminalList(request.input)
    // Without a Bearer token every check would fail the same way: say so per row without a request each.
    const bearer = await request.client.bearer()
    const check: CheckTerminal = bearer.ok
      ? gatewayCheck(request.client, request.environment.defaultLibVersion, this.journal)
      : async () => ({
          ...outcomeOfError(bearer.error, this.journal),
          verdict: verdictOfIdentity(bearer.error),
        })
    const run = new BatchRun(parsed, {
      environmentId: request.environment.id,
      check,
      concurrency: request.concurrency,
      onProgress: request.onProgress,
    })
    this.runs.set(run.id, run)
    this.evict()
    return run
  }

  get(batchId: string): BatchRun | undefined {
    return this.runs.get(batchId)
  }

  exportCsv(batchId: string): { filename: string; csv: string } | undefined {
    const run = this.runs.get(batchId)
    return run
      ? { filename: exportFilename('terminal-check', 'csv'), csv: batchCsv(run.snapshot()) }
      : undefined
  }

  /** Cancels every run and forgets them (close, clear all data). */
  async clear(): Promise<void> {
    const runs = [...this.runs.values()]
    for (const run of runs) run.cancel()
    await Promise.all(runs.map((run) => run.finished))
    this.runs.clear()
  }

  private evict(): void {
    for (const [id, run] of this.runs) {
      if (this.runs.size <= KEEP_BATCHES) return
      if (run.snapshot().state !== 'running') this.runs.delete(id)
    }
  }
}

/** An identity failure is about the credentials unless the network or keychain is at fault. */
const verdictOfIdentity = (error: AppError): CheckOutcome['verdict'] =>
  error.kind === 'auth' ? 'auth' : 'error'
