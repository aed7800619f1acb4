/** session:* — creating a Hosted Fields session (payment or tokenization) at the gateway. */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { LibVersion, ProcessingTerminalId, Scenario, SecureTokenId } from '../payroc'
import { OPEN, confirming, type ChannelSpec } from './common'

/** The caller's UUID for one create (crypto.randomUUID()), the handle Cancel request uses. */
export const RequestId = z.uuid({ error: 'requestId must be a UUID' })

export const CreateSessionInput = z
  .object({
    environmentId: EnvironmentId,
    profile: ProfileName,
    processingTerminalId: ProcessingTerminalId,
    scenario: Scenario,
    libVersion: LibVersion,
    secureTokenId: SecureTokenId.optional(),
    /** Production creates only with an explicit yes from the confirmation dialog. */
    confirmProduction: z.boolean().optional(),
    /** The caller's id for this create, so `session:cancel` (button Cancel request) can abort it in flight. */
    requestId: RequestId.optional(),
  })
  .strict()
export type CreateSessionInput = z.infer<typeof CreateSessionInput>

export const SessionCreated = z.object({
  environmentId: EnvironmentId,
  processingTerminalId: z.string(),
  scenario: Scenario,
  libVersion: z.string(),
  secureTokenId: z.string().optional(),
  /** Full session token: shown in the token card only. */
  token: z.string(),
  expiresAt: z.string(),
  /** The gateway's Date header (ISO), so countdowns correct for clock skew. */
  serverDate: z.string().optional(),
  /** This machine's clock when the response arrived (ISO). */
  receivedAt: z.string(),
  location: z.string().optional(),
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  durationMs: z.number(),
  journalId: z.string(),
  /** The history entry this create was recorded as (card-form outcomes are reported against it). */
  historyId: z.string().optional(),
})
export type SessionCreated = z.infer<typeof SessionCreated>

export const CancelSessionInput = z.object({ requestId: RequestId }).strict()
export type CancelSessionInput = z.infer<typeof CancelSessionInput>

/** inFlight false: no create with that id was running (it had ended, or has not arrived: it is cancelled then). */
export const SessionCancelled = z.object({ inFlight: z.boolean() })
export type SessionCancelled = z.infer<typeof SessionCancelled>

export const sessionChannels = {
  'session:create': {
    request: CreateSessionInput,
    response: SessionCreated,
    policy: confirming('Creating a session'),
  },
  /** Cancel request: aborts the create with that requestId; the create then answers `cancelled`. */
  'session:cancel': { request: CancelSessionInput, response: SessionCancelled, policy: OPEN },
} as const satisfies Record<`session:${string}`, ChannelSpec>
