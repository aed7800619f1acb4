/** bundle:* — the support bundle: the redacted exchanges of an environment + profile as JSON and HAR. */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { IN_ENVIRONMENT, Id, type ChannelSpec } from './common'

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

export const bundleChannels = {
  'bundle:export': { request: BundleRequest, response: BundleExport, policy: IN_ENVIRONMENT },
} as const satisfies Record<`bundle:${string}`, ChannelSpec>
