/** history:* — every session create and re-run this console made, kept across restarts (no full tokens). */
import { z } from 'zod'
import { EnvironmentId } from '../environments'
import { Scenario } from '../payroc'
import { ErrorKind } from '../result'
import { confirming, CsvExport, Empty, Id, OPEN, type ChannelSpec } from './common'
import { SessionCreated } from './session'

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
} as const satisfies Record<`history:${string}`, ChannelSpec>
