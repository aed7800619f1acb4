/**
 * History entries of the flows after the form: one entry per logical call (sale, capture, reverse, refund, bank
 * transfer, secure token delete / patch, single-use token), whatever its outcome, with the verdict in plain
 * words. No token and no card number is stored: the payment method is the gateway's masked form, a single-use
 * token its last 6 characters (tokenSuffix). Calls refused for want of the Production confirmation never get here.
 */
import type { EntryVerdict, HistoryEntry, HistoryFlow, HistoryFlowOperation } from '../../../shared/contract'
import type { EnvironmentInfo } from '../../../shared/environments'
import type { Result } from '../../../shared/result'
import { FLOW_HINTS } from '../../hint-catalogue'
import type { Journal } from '../storage/exchange-journal'
import type { Logger } from '../../app-types'
import type { History, NewHistoryEntry } from '../storage/session-history'

export type FlowKind = 'payment' | 'bank-transfer' | 'secure-token' | 'single-use-token'

export interface FlowRecord {
  kind: FlowKind
  operation: HistoryFlowOperation
  profile: string
  processingTerminalId: string
  /** What succeeded, in one sentence ("Approved: sale of 10.00 USD (…)."); a failure uses the error's words. */
  sentence?: string
  /** The gateway's own verdict on a payment (false = declined); undefined for calls without one. */
  approved?: boolean
  flow?: Omit<HistoryFlow, 'operation'>
  secureTokenId?: string
  /** Last 6 characters of a token the call produced. */
  tokenSuffix?: string
  startedAt: Date
  startedMs: number
}

function verdictOf(record: FlowRecord, result: Result<unknown>): EntryVerdict {
  if (!result.ok) {
    return {
      tone: 'error',
      sentence: result.error.message,
      hint: result.error.hint,
      historyOutcome: `failed-${result.error.status ?? result.error.kind}`,
    }
  }
  if (record.approved === false)
    return {
      tone: 'warning',
      sentence: record.sentence ?? 'Declined.',
      hint: FLOW_HINTS.declined,
      historyOutcome: 'declined',
    }
  return {
    tone: 'success',
    sentence: record.sentence ?? 'Done.',
    hint: '',
    historyOutcome: record.approved === true ? 'approved' : 'ok',
  }
}

/**
 * Records the call and returns the stored entry (its id goes back in the answer as historyId). Awaits the
 * history's record, which may be asynchronous (a durable append); a History that cannot be written is logged
 * and leaves the answer without a historyId — the call itself happened and its answer is still the user's.
 */
export async function recordFlow(
  deps: { history: History; journal: Journal; logger: Logger },
  environment: EnvironmentInfo,
  record: FlowRecord,
  result: Result<{ journalId: string; attempts: number; durationMs: number }>,
): Promise<HistoryEntry | undefined> {
  try {
    return await deps.history.record(newEntry(deps.journal, environment, record, result))
  } catch (error) {
    deps.logger.log('error', `${record.operation}: History could not record the call`, {
      error: String(error),
    })
    return undefined
  }
}

function newEntry(
  journal: Journal,
  environment: EnvironmentInfo,
  record: FlowRecord,
  result: Result<{ journalId: string; attempts: number; durationMs: number }>,
): NewHistoryEntry {
  const journalId = result.ok ? result.value.journalId : result.error.journalId
  const entry = journalId ? journal.get(journalId) : undefined
  const status = result.ok ? entry?.status : (result.error.status ?? entry?.status)
  return {
    at: record.startedAt.toISOString(),
    environmentId: environment.id,
    profile: record.profile,
    processingTerminalId: record.processingTerminalId,
    // The flow's family (HistoryEntry's comment); no library is involved.
    scenario: record.kind === 'payment' || record.kind === 'bank-transfer' ? 'payment' : 'tokenization',
    libVersion: '',
    ...(record.secureTokenId !== undefined ? { secureTokenId: record.secureTokenId } : {}),
    durationMs: result.ok ? result.value.durationMs : Math.round(performance.now() - record.startedMs),
    attempts: result.ok ? result.value.attempts : (entry?.attempts.length ?? 0),
    ...(journalId ? { journalId } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(result.ok
      ? { outcome: 'ok' as const }
      : { outcome: 'error' as const, errorKind: result.error.kind, message: result.error.message }),
    ...(record.tokenSuffix !== undefined ? { tokenSuffix: record.tokenSuffix.slice(-6) } : {}),
    kind: record.kind,
    flow: {
      operation: record.operation,
      ...record.flow,
      ...(record.approved !== undefined ? { approved: record.approved } : {}),
    },
    verdict: verdictOf(record, result),
  }
}

export const startFlow = (): Pick<FlowRecord, 'startedAt' | 'startedMs'> => ({
  startedAt: new Date(),
  startedMs: performance.now(),
})
