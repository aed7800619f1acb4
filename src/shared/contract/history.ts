/** history:* — every session create and re-run this console made, kept across restarts (no full tokens). */
import { z } from 'zod'
import { EnvironmentId } from '../environments'
import { Scenario } from '../payroc'
import { ErrorKind } from '../result'
import { confirming, CsvExport, Empty, Id, OPEN, type ChannelSpec } from './common'
import { PaymentOperation } from './payment'
import { SessionCreated } from './session'

export const HistoryOutcome = z.enum(['ok', 'error'])
/** What the card form (library) reported about an attempt's session; see shared/attempt-verdict.ts. */
export const LibraryState = z.enum([
  'ready',
  'init-error',
  'config-error',
  'field-error',
  'submitted',
  'submission-error',
  'expired',
])
export type LibraryState = z.infer<typeof LibraryState>
/** The attempt's one verdict (attemptVerdict): the API call and the card form together. */
export const EntryVerdict = z.object({
  tone: z.enum(['success', 'warning', 'error', 'pending']),
  sentence: z.string(),
  hint: z.string(),
  historyOutcome: z.string(),
})
export type EntryVerdict = z.infer<typeof EntryVerdict>
/** The payment calls (PaymentOperation) and the secure-token calls that change something at the gateway. */
export const HistoryFlowOperation = z.enum([
  ...PaymentOperation.options,
  'secure-token:delete',
  'secure-token:patch',
  'single-use-token:create',
])
export type HistoryFlowOperation = z.infer<typeof HistoryFlowOperation>
/** What a flow entry records: the call and the gateway's answer in its own terms (no token, no card number). */
export const HistoryFlow = z.object({
  operation: HistoryFlowOperation,
  paymentId: z.string().optional(),
  orderId: z.string().optional(),
  /** Minor units: what this call was about (a partial refund's own amount; else the order's). */
  amount: z.number().optional(),
  currency: z.string().optional(),
  /** transactionResult.status / responseCode / responseMessage. */
  transactionStatus: z.string().optional(),
  responseCode: z.string().optional(),
  responseMessage: z.string().optional(),
  /** The gateway approved it (a declined sale is outcome ok with approved false). */
  approved: z.boolean().optional(),
  /** Masked payment method (card or account number as the gateway masks it). */
  paymentMethod: z.string().optional(),
})
export type HistoryFlow = z.infer<typeof HistoryFlow>
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
  /**
   * 'session' (absent in older files) = a create; 'library' = what the card form said about one; the others are
   * the flows after the form (HistoryFlow says which call). A flow entry's `scenario` is the family it belongs
   * to (payment: sales and bank transfers; tokenization: secure and single-use tokens) and its `libVersion` is
   * '' (no library is involved).
   */
  kind: z
    .enum(['session', 'library', 'payment', 'bank-transfer', 'secure-token', 'single-use-token'])
    .optional(),
  /** A flow entry's call and what the gateway answered (kinds other than session and library). */
  flow: HistoryFlow.optional(),
  /** The session entry a library entry belongs to. */
  attemptOf: z.string().optional(),
  library: LibraryState.optional(),
  /** The combined verdict; on a session entry, as of its card form's latest report. */
  verdict: EntryVerdict.optional(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

export const HistoryFilter = z
  .object({
    /** Substring of the processingTerminalId. */
    terminal: z.string().max(50).optional(),
    environmentId: EnvironmentId.optional(),
    outcome: HistoryOutcome.optional(),
    /**
     * Filter history: words over terminal, token suffix, status, kind, environment and profile, all must match
     * (shared/history-search.ts).
     */
    query: z.string().max(200, { error: 'Filter history must be at most 200 characters' }).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict()
export type HistoryFilter = z.infer<typeof HistoryFilter>

export const HistoryList = z.object({
  entries: z.array(HistoryEntry),
  /** Set once after the history file had to be set aside (corrupt); the UI shows it, then it is gone. */
  notice: z.string().optional(),
})
/** The renderer reports a card-form transition of the attempt recorded as `historyId` (no token is sent). */
export const LibraryReport = z
  .object({ historyId: Id, state: LibraryState, message: z.string().max(2000).optional() })
  .strict()
export type LibraryReport = z.infer<typeof LibraryReport>
export const HistoryRerunRequest = z.object({ id: Id, confirmProduction: z.boolean().optional() }).strict()

export const historyChannels = {
  'history:list': { request: HistoryFilter, response: HistoryList, policy: OPEN },
  /** Creates the session of an earlier entry again: the entry's environment, Production only when confirmed. */
  'history:rerun': {
    request: HistoryRerunRequest,
    response: SessionCreated,
    policy: { ...confirming('Creating a session'), environment: 'resolve-from-history' },
  },
  'history:exportCsv': { request: HistoryFilter, response: CsvExport, policy: OPEN },
  'history:clear': { request: Empty, response: Empty, policy: OPEN },
  /** Records a card-form outcome in History and answers with the attempt's combined verdict. */
  'history:recordLibrary': { request: LibraryReport, response: EntryVerdict, policy: OPEN },
} as const satisfies Record<`history:${string}`, ChannelSpec>
