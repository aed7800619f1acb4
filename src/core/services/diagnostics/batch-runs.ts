/**
 * The batch terminal check wired to the gateway client: each terminal gets a real payment and/or tokenization
 * session (harmless: it expires unused); a tokenization row also asks the terminal configuration the library
 * reads whether secure tokens work (batch-scenarios.ts). Batches are kept in memory (the last 20); their results are exported as CSV.
 *
 * Decision: batch checks do NOT write history. A 1,000-terminal run would evict the whole interactive history;
 * the batch's own rows (and their CSV) are its record, and each exchange is still in the journal (rows carry
 * the journalId). History records interactive creates and re-runs only.
 */
import { randomUUID } from 'node:crypto'
import type { BatchSnapshot } from '../../../shared/diagnostics'
import type { EnvironmentInfo } from '../../../shared/environments'
import type { AppError, ErrorKind } from '../../../shared/result'
import { BatchRun, type BatchOptions, type CheckOutcome, type CheckTerminal } from './batch-engine'
import { exportFilename, toCsv } from '../exports/csv'
import type { GatewayClient } from '../gateway/gateway-client'
import { DIAGNOSIS_HINTS } from '../../hint-catalogue'
import type { Journal } from '../storage/exchange-journal'
import { serverRetryDelay } from '../gateway/retry-policy'
import type { Scenario } from '../../../shared/payroc'
import {
  batchCsvTable,
  checkTokenization,
  configurationUrl,
  libraryGatewayOrigin,
  type BatchScenarioChoice,
  type ProbeResult,
  type TokenizationCheck,
} from './batch-scenarios'
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

/** Asks the library's configuration route with the session just created (read-only, no API key). */
export function configurationProbe(gatewayOrigin: string): NonNullable<TokenizationCheck['probe']> {
  return async (token, _processingTerminalId, signal): Promise<ProbeResult> => {
    try {
      const response = await fetch(configurationUrl(gatewayOrigin, token), {
        headers: {
          'Idempotency-Key': randomUUID(),
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        signal: AbortSignal.any([signal, AbortSignal.timeout(15_000)]),
      })
      if (!response.ok) return { ok: false, message: `The configuration call answered ${response.status}.` }
      return { ok: true, source: 'configuration', body: await response.json() }
    } catch (error) {
      return { ok: false, message: `The configuration call failed: ${(error as Error).message}` }
    }
  }
}

/** One terminal, one scenario: a session through the gateway client, 429 left to the batch's global gate. */
export function gatewayCheck(
  client: GatewayClient,
  libVersion: string,
  journal: Journal,
  probe?: TokenizationCheck['probe'],
): CheckTerminal {
  const createSession = async (processingTerminalId: string, signal: AbortSignal, scenario: Scenario) => {
    const created = await client.createSession(
      { processingTerminalId, scenario, libVersion },
      { signal, retryRateLimited: false },
    )
    if (!created.ok) return { ok: false as const, outcome: outcomeOfError(created.error, journal) }
    return {
      ok: true as const,
      token: created.value.token,
      status: journal.get(created.value.journalId)?.status ?? 201,
      journalId: created.value.journalId,
    }
  }
  return async (processingTerminalId, signal, scenario) => {
    if (scenario === 'tokenization') {
      const deps: TokenizationCheck = {
        createSession: (id, abort) => createSession(id, abort, 'tokenization'),
        ...(probe ? { probe } : {}),
      }
      return checkTokenization(deps, processingTerminalId, signal)
    }
    const session = await createSession(processingTerminalId, signal, 'payment')
    if (!session.ok) return session.outcome
    return { verdict: 'ok', hint: DIAGNOSIS_HINTS.ok, status: session.status, journalId: session.journalId }
  }
}

/** The CSV of a batch: every row with its scenario, the environment and the profile it was checked with. */
export function batchCsv(snapshot: BatchSnapshot, environmentLabel: string): string {
  const table = batchCsvTable(snapshot.rows, {
    environmentId: snapshot.environmentId,
    environmentLabel,
    profile: snapshot.profile ?? '',
  })
  return toCsv(table.header, table.rows)
}

export interface StartBatch {
  environment: EnvironmentInfo
  client: GatewayClient
  profile: string
  input: string
  concurrency?: number
  scenario?: BatchScenarioChoice
  onProgress: BatchOptions['onProgress']
}

export class BatchRuns {
  private readonly runs = new Map<string, BatchRun>()
  /** Each run's environment name, as the CSV shows it. */
  private readonly labels = new Map<string, string>()

  constructor(private readonly journal: Journal) {}

  async start(request: StartBatch): Promise<BatchRun> {
    const parsed = parseTerminalList(request.input)
    // Without a Bearer token every check would fail the same way: say so per row without a request each.
    const bearer = await request.client.bearer()
    const gatewayOrigin = libraryGatewayOrigin(request.environment)
    const check: CheckTerminal = bearer.ok
      ? gatewayCheck(
          request.client,
          request.environment.defaultLibVersion,
          this.journal,
          gatewayOrigin ? configurationProbe(gatewayOrigin) : undefined,
        )
      : async () => ({
          ...outcomeOfError(bearer.error, this.journal),
          verdict: verdictOfIdentity(bearer.error),
        })
    const run = new BatchRun(parsed, {
      environmentId: request.environment.id,
      profile: request.profile,
      ...(request.scenario ? { scenario: request.scenario } : {}),
      check,
      concurrency: request.concurrency,
      onProgress: request.onProgress,
    })
    this.runs.set(run.id, run)
    this.labels.set(run.id, request.environment.name)
    this.evict()
    return run
  }

  get(batchId: string): BatchRun | undefined {
    return this.runs.get(batchId)
  }

  exportCsv(batchId: string): { filename: string; csv: string } | undefined {
    const run = this.runs.get(batchId)
    return run
      ? {
          filename: exportFilename('terminal-check', 'csv'),
          csv: batchCsv(run.snapshot(), this.labels.get(batchId) ?? run.snapshot().environmentId),
        }
      : undefined
  }

  /** Cancels every run and forgets them (close, clear all data). */
  async clear(): Promise<void> {
    const runs = [...this.runs.values()]
    for (const run of runs) run.cancel()
    await Promise.all(runs.map((run) => run.finished))
    this.runs.clear()
    this.labels.clear()
  }

  private evict(): void {
    for (const [id, run] of this.runs) {
      if (this.runs.size <= KEEP_BATCHES) return
      if (run.snapshot().state !== 'running') {
        this.runs.delete(id)
        this.labels.delete(id)
      }
    }
  }
}

/** An identity failure is about the credentials unless the network or keychain is at fault. */
const verdictOfIdentity = (error: AppError): CheckOutcome['verdict'] =>
  error.kind === 'auth' ? 'auth' : 'error'
