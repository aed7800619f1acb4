/** The bodies the control API under /__sandbox/ accepts (zod), shared by its routes and its typed client. */
import { z } from 'zod'

export const CONTROL_PREFIX = '/__sandbox/'

const seconds = (max: number) => z.number().gt(0).max(max)

export const ConfigPatch = z.strictObject({
  sessionTtlSeconds: seconds(86_400 * 7).optional(),
  tokenTtlSeconds: seconds(86_400 * 7).optional(),
  idempotencyTtlSeconds: seconds(86_400 * 30).optional(),
  singleUseTokenTtlSeconds: seconds(86_400).optional(),
  clockOffsetSeconds: z
    .number()
    .min(-10 * 365 * 86_400)
    .max(10 * 365 * 86_400)
    .optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** How long a sale with a forced slow amount (ending 04) waits; 20,000 by default. */
  slowOutcomeMs: z.number().int().min(0).max(120_000).optional(),
})
export type ConfigPatch = z.infer<typeof ConfigPatch>

export const ResetBody = z.strictObject({
  /** Also forget issued Bearer tokens (kept by default so a client's cached token keeps working). */
  accessTokens: z.boolean().optional(),
})
export type ResetBody = z.infer<typeof ResetBody>

/** POST /__sandbox/sessions/expire: the live session to expire at once. */
export const ExpireSessionBody = z.strictObject({ token: z.string().min(1).max(200) })

export const JournalLimit = z.coerce.number().int().min(1).max(1_000_000)

/** POST /__sandbox/batches/close: settle the open batch (of one terminal, or of all). */
export const CloseBatchBody = z.strictObject({ processingTerminalId: z.string().min(1).max(50).optional() })
