/**
 * batch:* — the batch terminal check: many processing terminal IDs, each opening a real (harmless) payment
 * and/or tokenization session, with bounded concurrency, progress events, cancel and a CSV of the results.
 */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { Scenario } from '../payroc'
import { confirming, CsvExport, Id, OPEN, type ChannelSpec } from './common'

export const BATCH_MAX_CONCURRENCY = 16
export const BATCH_DEFAULT_CONCURRENCY = 4
export const BATCH_MAX_ROWS = 10_000

export const BatchVerdict = z.enum([
  'pending',
  'ok',
  /** Tokenization: the session was created, but the terminal has no secure tokens (the card form would fail). */
  'no-secure-tokens',
  /** Tokenization: the session was created; whether secure tokens work could not be checked here. */
  'unverified',
  'forbidden',
  'auth',
  'invalid',
  'duplicate',
  'rate-limited',
  'error',
  'cancelled',
])
export type BatchVerdict = z.infer<typeof BatchVerdict>
export const BatchScenario = z.enum(['payment', 'tokenization', 'both'], {
  error: "Scenario must be 'payment', 'tokenization' or 'both'",
})
export type BatchScenario = z.infer<typeof BatchScenario>
export const BatchRow = z.object({
  /** 1-based position in the input (after blank lines and a CSV header are skipped). */
  line: z.number().int(),
  /** The text as given (trimmed). */
  input: z.string(),
  processingTerminalId: z.string().optional(),
  /** Which session this row checked (absent for an invalid or repeated entry, which is not checked). */
  scenario: Scenario.optional(),
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
    /** What to check per terminal; payment when omitted. */
    scenario: BatchScenario.optional(),
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
  profile: z.string().optional(),
  scenario: BatchScenario.optional(),
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

export const batchChannels = {
  'batch:start': {
    request: BatchStartRequest,
    response: BatchStarted,
    policy: confirming('A batch check opens real sessions'),
  },
  'batch:cancel': { request: BatchIdRequest, response: BatchSnapshot, policy: OPEN },
  'batch:get': { request: BatchIdRequest, response: BatchSnapshot, policy: OPEN },
  'batch:exportCsv': { request: BatchIdRequest, response: CsvExport, policy: OPEN },
} as const satisfies Record<`batch:${string}`, ChannelSpec>
