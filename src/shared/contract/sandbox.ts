/**
 * sandbox:* — QA controls of the EMBEDDED sandbox, carried out by main through the typed control client (the
 * page never reaches the sandbox's control API): expire a session at once, force the next response, and close
 * the open batch (settle its payments so they can be refunded).
 * Only the built-in Sandbox environment; any other is refused.
 */
import { z } from 'zod'
import { EnvironmentId } from '../environments'
import { ProcessingTerminalId } from '../payroc'
import { IN_ENVIRONMENT, type ChannelSpec } from './common'

/** Force next response: what the next create-session request gets (one shot; the console's retries follow). */
import { FORCED_RESPONSES } from '../forced-responses'

export { FORCED_RESPONSES }
export const ForcedResponse = z.enum(FORCED_RESPONSES)
export type ForcedResponse = z.infer<typeof ForcedResponse>

export const ExpireSessionRequest = z
  .object({ environmentId: EnvironmentId, token: z.string().min(1).max(200) })
  .strict()
export const ForceNextRequest = z.object({ environmentId: EnvironmentId, action: ForcedResponse }).strict()

/** Close batch: the sandbox settles the open batch (of one terminal), as a nightly close would, so a sale can be refunded. */
export const CloseBatchRequest = z
  .object({ environmentId: EnvironmentId, processingTerminalId: ProcessingTerminalId })
  .strict()

export const sandboxChannels = {
  'sandbox:expireSession': {
    request: ExpireSessionRequest,
    response: z.object({ expired: z.literal(true) }),
    policy: IN_ENVIRONMENT,
  },
  'sandbox:forceNext': {
    request: ForceNextRequest,
    response: z.object({ action: ForcedResponse, faultId: z.string() }),
    policy: IN_ENVIRONMENT,
  },
  'sandbox:closeBatch': {
    request: CloseBatchRequest,
    response: z.object({ settled: z.number().int().min(0) }),
    policy: IN_ENVIRONMENT,
  },
} as const satisfies Record<`sandbox:${string}`, ChannelSpec>
