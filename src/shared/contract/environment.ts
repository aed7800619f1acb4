/** environment:* — the list of environments, the selection (with its pre-warm) and custom environments. */
import { z } from 'zod'
import { CustomEnvironmentInput, EnvironmentId, EnvironmentInfo } from '../environments'
import { Empty, OPEN, Target, type ChannelSpec } from './common'

export const EnvironmentList = z.object({ environments: z.array(EnvironmentInfo), sandboxUrl: z.string() })
export type EnvironmentList = z.infer<typeof EnvironmentList>

export const environmentChannels = {
  'environment:list': { request: Empty, response: EnvironmentList, policy: OPEN },
  /** Picks the active environment + profile and pre-warms its Bearer token in the background. */
  'environment:select': { request: Target, response: z.object({ prewarming: z.boolean() }), policy: OPEN },
  'environment:saveCustom': {
    request: CustomEnvironmentInput.extend({ id: EnvironmentId.optional() }).strict(),
    response: EnvironmentInfo,
    policy: OPEN,
  },
  'environment:deleteCustom': {
    request: z.object({ environmentId: EnvironmentId }).strict(),
    response: Empty,
    policy: OPEN,
  },
} as const satisfies Record<`environment:${string}`, ChannelSpec>
