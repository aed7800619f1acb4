/**
 * Building blocks every namespace of the contract uses: the shape of a channel (request schema, response schema,
 * policy) and the small request / response shapes several namespaces share.
 */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'

/**
 * What core's dispatch does for a channel before its handler runs, declared once here and never re-implemented
 * by a handler.
 * - environment 'resolve': the request's environmentId must name a known environment (else an
 *   `unknown environment` validation error); the handler receives it resolved. 'resolve-from-history': the
 *   environment of the history entry the request's id names (an unknown id is left to the handler).
 * - production 'confirm': in an environment that requires confirmation (Production), the request must carry
 *   `confirmProduction: true`, else a `confirmation-required` error and nothing is sent. `action` names what is
 *   being confirmed in that error ("Creating a session in Production needs …").
 */
export type ChannelPolicy =
  | { environment: 'none' | 'resolve' | 'resolve-from-history'; production: 'none' }
  | { environment: 'resolve' | 'resolve-from-history'; production: 'confirm'; action: string }

export interface ChannelSpec {
  request: z.ZodType
  response: z.ZodType
  policy: ChannelPolicy
}

/** No environment, no confirmation: the handler needs nothing resolved. */
export const OPEN = { environment: 'none', production: 'none' } as const
/** The request's environmentId is resolved before the handler runs. */
export const IN_ENVIRONMENT = { environment: 'resolve', production: 'none' } as const
/** Creates something at the gateway: the environment resolved, and in Production only with the confirmation. */
export const confirming = (action: string) =>
  ({ environment: 'resolve', production: 'confirm', action }) as const

export const Empty = z.object({}).strict()
export const Target = z.object({ environmentId: EnvironmentId, profile: ProfileName }).strict()
export const Id = z.string().min(1).max(100)
export const CsvExport = z.object({ filename: z.string(), csv: z.string() })
