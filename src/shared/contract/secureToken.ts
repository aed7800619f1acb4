/**
 * secureToken:* — after a tokenization session's submissionSuccess, the single-use token becomes saved payment
 * details (a secure token), or replaces the details of one saved before.
 */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { ProcessingTerminalId, SecureToken, SecureTokenId } from '../payroc'
import { confirming, type ChannelSpec } from './common'

/** A single-use token from the library's submissionSuccess (30 minutes, one use). */
export const SingleUseToken = z
  .string({ error: 'singleUseToken must be a string' })
  .min(1, { error: 'singleUseToken must not be empty' })
  .max(200, { error: 'singleUseToken must be at most 200 characters' })

/** secureToken:save — POST /processing-terminals/{id}/secure-tokens with source.type singleUseToken. */
export const SaveSecureTokenInput = z
  .object({
    environmentId: EnvironmentId,
    profile: ProfileName,
    processingTerminalId: ProcessingTerminalId,
    singleUseToken: SingleUseToken,
    /** The merchant's own id for the saved details; the gateway makes one (MREF_…) when omitted. */
    secureTokenId: SecureTokenId.optional(),
    confirmProduction: z.boolean().optional(),
  })
  .strict()
export type SaveSecureTokenInput = z.infer<typeof SaveSecureTokenInput>

/** secureToken:update — POST …/secure-tokens/{secureTokenId}/update-account with the single-use token. */
export const UpdateSecureTokenInput = SaveSecureTokenInput.extend({ secureTokenId: SecureTokenId }).strict()
export type UpdateSecureTokenInput = z.infer<typeof UpdateSecureTokenInput>

/** The gateway's secure token (full token: shown in the flow that produced it only) plus the exchange. */
export const SecureTokenSaved = SecureToken.extend({
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  durationMs: z.number(),
  journalId: z.string(),
})
export type SecureTokenSaved = z.infer<typeof SecureTokenSaved>

/** Saving payment details needs the same explicit Production confirmation as creating a session. */
const SAVES_SECURE_TOKEN = confirming('Saving a secure token')

export const secureTokenChannels = {
  'secureToken:save': {
    request: SaveSecureTokenInput,
    response: SecureTokenSaved,
    policy: SAVES_SECURE_TOKEN,
  },
  'secureToken:update': {
    request: UpdateSecureTokenInput,
    response: SecureTokenSaved,
    policy: SAVES_SECURE_TOKEN,
  },
} as const satisfies Record<`secureToken:${string}`, ChannelSpec>
