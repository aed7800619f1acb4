/** journal:* — the exchanges with the gateway this run (the Inspector): one entry, the list, and "Copy as cURL". */
import { z } from 'zod'
import { EnvironmentId } from '../environments'
import { ProblemDetails } from '../payroc'
import { ErrorKind } from '../result'
import { Id, OPEN, type ChannelSpec } from './common'

export const JournalOperation = z.enum([
  'authorize',
  'create-session',
  'secure-token:create',
  'secure-token:update',
  'secure-token:list',
  'secure-token:get',
  'secure-token:delete',
  'secure-token:patch',
  'payment:sale',
  'payment:capture',
  'payment:reverse',
  'payment:refund',
  'bank-transfer:payment',
  'bank-transfer:reverse',
  'bank-transfer:refund',
  'card:bin-lookup',
  'single-use-token:create',
])
export const JournalAttempt = z.object({
  n: z.number().int(),
  method: z.string(),
  url: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  request: z.object({ headers: z.record(z.string(), z.string()), body: z.string().optional() }),
  response: z
    .object({
      status: z.number().int(),
      headers: z.record(z.string(), z.string()),
      body: z.string().optional(),
    })
    .optional(),
  error: z.object({ kind: ErrorKind, message: z.string(), code: z.string().optional() }).optional(),
  /** Why another attempt followed, and after how long. */
  retry: z.object({ reason: z.string(), delayMs: z.number() }).optional(),
  /** Plain-language hint for a failed attempt (error status or transport failure). */
  hint: z.string().optional(),
})
export type JournalAttempt = z.infer<typeof JournalAttempt>
export const JournalEntry = z.object({
  id: z.string(),
  operation: JournalOperation,
  environmentId: EnvironmentId,
  profile: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  idempotencyKey: z.string().optional(),
  outcome: z.enum(['ok', 'error']),
  errorKind: ErrorKind.optional(),
  status: z.number().int().optional(),
  /** Why the request failed, for the inspector: one line, the hint, and the problem details laid out. */
  error: z.object({ message: z.string(), hint: z.string(), problem: ProblemDetails.optional() }).optional(),
  attempts: z.array(JournalAttempt),
})
export type JournalEntry = z.infer<typeof JournalEntry>
export const JournalSummary = JournalEntry.omit({ attempts: true }).extend({ attemptCount: z.number().int() })
export type JournalSummary = z.infer<typeof JournalSummary>

export const JournalCurlRequest = z
  .object({
    id: Id,
    /** 1-based attempt number; the last attempt when omitted. */
    attempt: z.number().int().min(1).max(100).optional(),
  })
  .strict()
export const JournalCurl = z.object({
  /** The one journaled call, secrets as $PAYROC_API_KEY / $PAYROC_BEARER. */
  command: z.string(),
  /**
   * A runnable sh script with the identity step first (PAYROC_API_KEY → PAYROC_BEARER), its variables explained:
   * `replay` keeps the Idempotency-Key (the gateway answers with the original result), `freshKey` sends a new
   * one (a new request). Absent for the identity call itself.
   */
  script: z.object({ replay: z.string(), freshKey: z.string() }).optional(),
  /** The Idempotency-Key the call sent, when it sent one. */
  idempotencyKey: z.string().optional(),
})
export type JournalCurl = z.infer<typeof JournalCurl>

export const journalChannels = {
  'journal:get': { request: z.object({ id: Id }).strict(), response: JournalEntry, policy: OPEN },
  'journal:list': {
    request: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    response: z.object({ entries: z.array(JournalSummary) }),
    policy: OPEN,
  },
  /** "Copy as cURL": secrets become $PAYROC_API_KEY / $PAYROC_BEARER; with the two-step script. */
  'journal:curl': { request: JournalCurlRequest, response: JournalCurl, policy: OPEN },
} as const satisfies Record<`journal:${string}`, ChannelSpec>
