/**
 * Schemas of the diagnosis channels (issue 5): history, support bundle, preflight, batch terminal check and the
 * inspector's cURL export. Kept apart from contract.ts so the channel map stays readable; contract.ts imports
 * these and lists the channels.
 */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from './environments'
import { LibVersion, ProcessingTerminalId, Scenario } from './payroc'
import { ErrorKind } from './result'

const Id = z.string().min(1).max(100)

// Inspector

export const JournalCurlRequest = z
  .object({
    id: Id,
    /** 1-based attempt number; the last attempt when omitted. */
    attempt: z.number().int().min(1).max(100).optional(),
  })
  .strict()
export const JournalCurl = z.object({ command: z.string() })

// History

export const HistoryOutcome = z.enum(['ok', 'error'])
export const HistoryEntry = z.object({
  id: z.string(),
  /** When the create was requested (ISO). */
  at: z.string(),
  environmentId: EnvironmentId,
  profile: z.string(),
  processingTerminalId: z.string(),
  scenario: Scenario,
  libVersion: z.string(),
  secureTokenId: z.string().optional(),
  outcome: HistoryOutcome,
  errorKind: ErrorKind.optional(),
  status: z.number().int().optional(),
  /** One line: why it failed. */
  message: z.string().optional(),
  /** Last 6 characters of the session token only (INTERFACES.md: history keeps no full token). */
  tokenSuffix: z.string().max(6).optional(),
  expiresAt: z.string().optional(),
  durationMs: z.number(),
  attempts: z.number().int(),
  journalId: z.string().optional(),
  /** The history entry this one re-ran. */
  rerunOf: z.string().optional(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

export const HistoryFilter = z
  .object({
    /** Substring of the processingTerminalId. */
    terminal: z.string().max(50).optional(),
    environmentId: EnvironmentId.optional(),
    outcome: HistoryOutcome.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict()
export type HistoryFilter = z.infer<typeof HistoryFilter>

export const HistoryList = z.object({
  entries: z.array(HistoryEntry),
  /** Set once after the history file had to be set aside (corrupt); the UI shows it, then it is gone. */
  notice: z.string().optional(),
})
export const HistoryRerunRequest = z.object({ id: Id, confirmProduction: z.boolean().optional() }).strict()
export const CsvExport = z.object({ filename: z.string(), csv: z.string() })

// Support bundle

export const BundleRequest = z
  .object({ journalId: Id.optional(), environmentId: EnvironmentId, profile: ProfileName })
  .strict()
export const BundleExport = z.object({
  filename: z.string(),
  /** Redacted JSON document (text, ready to save). */
  json: z.string(),
  /** HAR 1.2 of the same exchanges (text, ready to save). */
  har: z.string(),
})

// Preflight

export const PreflightStepId = z.enum([
  'keychain',
  'api-key',
  'identity-host',
  'key-accepted',
  'payment-session',
  'tokenization-session',
  'library-script',
  'clock-skew',
])
export type PreflightStepId = z.infer<typeof PreflightStepId>
export const PreflightStatus = z.enum(['pass', 'fail', 'warn', 'skipped'])
export type PreflightStatus = z.infer<typeof PreflightStatus>
export const PreflightStep = z.object({
  id: PreflightStepId,
  title: z.string(),
  status: PreflightStatus,
  durationMs: z.number(),
  detail: z.string(),
  hint: z.string(),
  journalId: z.string().optional(),
})
export type PreflightStep = z.infer<typeof PreflightStep>
export const PreflightRequest = z
  .object({
    environmentId: EnvironmentId,
    profile: ProfileName,
    processingTerminalId: ProcessingTerminalId,
    libVersion: LibVersion,
    confirmProduction: z.boolean().optional(),
  })
  .strict()
export type PreflightRequest = z.infer<typeof PreflightRequest>
export const PreflightReport = z.object({
  steps: z.array(PreflightStep),
  startedAt: z.string(),
  environmentId: EnvironmentId,
  profile: z.string(),
  processingTerminalId: z.string(),
  libVersion: z.string(),
})
export type PreflightReport = z.infer<typeof PreflightReport>

// Batch terminal check

export const BATCH_MAX_CONCURRENCY = 16
export const BATCH_DEFAULT_CONCURRENCY = 4
export const BATCH_MAX_ROWS = 10_000

export const BatchVerdict = z.enum([
  'pending',
  'ok',
  'forbidden',
  'auth',
  'invalid',
  'duplicate',
  'rate-limited',
  'error',
  'cancelled',
])
export type BatchVerdict = z.infer<typeof BatchVerdict>
export const BatchRow = z.object({
  /** 1-based position in the input (after blank lines and a CSV header are skipped). */
  line: z.number().int(),
  /** The text as given (trimmed). */
  input: z.string(),
  processingTerminalId: z.string().optional(),
  status: z.number().int().optional(),
  verdict: BatchVerdict,
  hint: z.string(),
  message: z.string().optional(),
  durationMs: z.number().optional(),
  journalId: z.string().optional(),
  /** For a repeated id: the line that is checked instead. */
  duplicateOf: z.number().int().optional(),
})
export type BatchRow = z.infer<typeof BatchRow>
export const BatchState = z.enum(['running', 'completed', 'cancelled'])
export type BatchState = z.infer<typeof BatchState>

export const BatchStartRequest = z
  .object({
    environmentId: EnvironmentId,
    profile: ProfileName,
    input: z.string().max(1_000_000, { error: 'input must be at most 1,000,000 characters' }),
    concurrency: z.number().int().min(1).max(BATCH_MAX_CONCURRENCY).optional(),
    confirmProduction: z.boolean().optional(),
  })
  .strict()
export const BatchStarted = z.object({
  batchId: z.string(),
  total: z.number().int(),
  invalid: z.number().int(),
})
export const BatchIdRequest = z.object({ batchId: Id }).strict()
export const BatchSnapshot = z.object({
  batchId: z.string(),
  environmentId: z.string(),
  state: BatchState,
  rows: z.array(BatchRow),
  done: z.number().int(),
  total: z.number().int(),
  failures: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
})
export type BatchSnapshot = z.infer<typeof BatchSnapshot>

export interface BatchProgressEvent {
  type: 'batch'
  batchId: string
  state: BatchState
  done: number
  total: number
  failures: number
  etaMs?: number
  latest?: BatchRow
}

// Clear all data

export const ClearedData = z.object({
  historyEntries: z.number().int(),
  keychainEntries: z.number().int(),
  /** Set when the keychain could not be reached: history and settings were still removed. */
  keychainMessage: z.string().optional(),
})
