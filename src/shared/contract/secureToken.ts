/**
 * secureToken:* — after a tokenization session's submissionSuccess, the single-use token becomes saved payment
 * details (a secure token), or replaces the details of one saved before; and the Secure tokens screen: list
 * (the spec's filters, cursor pagination), retrieve, delete, partial update of the customer details.
 */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { ProcessingTerminalId, SecureToken, SecureTokenId } from '../payroc'
import { confirming, IN_ENVIRONMENT, type ChannelSpec } from './common'

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

const SecureTokenTarget = {
  environmentId: EnvironmentId,
  profile: ProfileName,
  processingTerminalId: ProcessingTerminalId,
}
const filterText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be a string` })
    .min(1, { error: `${label} must not be empty` })
    .max(max, { error: `${label} must be at most ${max} characters` })

/** secureToken:list — GET …/secure-tokens with the spec's filters; `before` / `after` are the page cursors. */
export const ListSecureTokensInput = z
  .object({
    ...SecureTokenTarget,
    secureTokenId: SecureTokenId.optional(),
    customerName: filterText('Customer name', 50).optional(),
    phone: filterText('Phone', 15).optional(),
    email: filterText('Email', 100).optional(),
    /** The secure token's value (12–19 characters). */
    token: z
      .string({ error: 'Secure token must be a string' })
      .min(12, { error: 'Secure token must be 12 to 19 characters' })
      .max(19, { error: 'Secure token must be 12 to 19 characters' })
      .optional(),
    first6: z
      .string({ error: 'First 6 digits must be a string' })
      .regex(/^\d{6}$/, { error: 'First 6 digits must be 6 digits' })
      .optional(),
    last4: z
      .string({ error: 'Last 4 digits must be a string' })
      .regex(/^\d{4}$/, { error: 'Last 4 digits must be 4 digits' })
      .optional(),
    before: filterText('Page cursor', 200).optional(),
    after: filterText('Page cursor', 200).optional(),
    limit: z
      .number({ error: 'Page size must be a number' })
      .int({ error: 'Page size must be a whole number' })
      .min(1, { error: 'Page size must be at least 1' })
      .max(100, { error: 'Page size must be at most 100' })
      .optional(),
  })
  .strict()
export type ListSecureTokensInput = z.infer<typeof ListSecureTokensInput>

/** The customer details of a secure token, as the Secure tokens screen shows and edits them. */
export const SecureTokenCustomer = z.object({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  referenceNumber: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
})
export type SecureTokenCustomer = z.infer<typeof SecureTokenCustomer>

/** One secure token in the list: its value masked (last 4 only; Retrieve / Copy fetches the full one). */
export const SecureTokenListed = z.object({
  secureTokenId: z.string(),
  processingTerminalId: z.string(),
  /** The secure token's value, masked. */
  maskedToken: z.string(),
  status: z.string(),
  source: z.object({
    type: z.enum(['card', 'ach', 'pad']),
    /** Card or account number as the gateway masks it. */
    masked: z.string(),
    cardType: z.string().optional(),
    expiryDate: z.string().optional(),
    /** Cardholder name or name on account. */
    name: z.string().optional(),
  }),
  customer: SecureTokenCustomer.optional(),
  mitAgreement: z.string().optional(),
})
export type SecureTokenListed = z.infer<typeof SecureTokenListed>

export const SecureTokenPage = z.object({
  environmentId: EnvironmentId,
  processingTerminalId: z.string(),
  items: z.array(SecureTokenListed),
  limit: z.number().int(),
  count: z.number().int(),
  hasMore: z.boolean(),
  /** Cursors for the next / previous page (pass as `after` / `before`), when the gateway links one. */
  nextCursor: z.string().optional(),
  previousCursor: z.string().optional(),
  durationMs: z.number(),
  journalId: z.string(),
})
export type SecureTokenPage = z.infer<typeof SecureTokenPage>

/** secureToken:get / secureToken:delete — one secure token by its Secure token ID. */
export const SecureTokenRef = z
  .object({ ...SecureTokenTarget, secureTokenId: SecureTokenId, confirmProduction: z.boolean().optional() })
  .strict()
export type SecureTokenRef = z.infer<typeof SecureTokenRef>
export const GetSecureTokenInput = SecureTokenRef
export const DeleteSecureTokenInput = SecureTokenRef
export type DeleteSecureTokenInput = SecureTokenRef

/** secureToken:get — the full secure token (for Copy and "Use for update"), listed fields alongside. */
export const SecureTokenDetails = SecureTokenListed.extend({
  /** The full value: this answer is what Copy asks for. */
  token: z.string(),
  durationMs: z.number(),
  journalId: z.string(),
})
export type SecureTokenDetails = z.infer<typeof SecureTokenDetails>

export const SecureTokenDeleted = z.object({
  secureTokenId: z.string(),
  deleted: z.literal(true),
  attempts: z.number().int(),
  durationMs: z.number(),
  journalId: z.string(),
  historyId: z.string().optional(),
})
export type SecureTokenDeleted = z.infer<typeof SecureTokenDeleted>

const customerText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be a string` })
    .max(max, { error: `${label} must be at most ${max} characters` })

/**
 * secureToken:patch — PATCH …/secure-tokens/{secureTokenId} (RFC 6902 JSON Patch) of the customer details. A
 * field given replaces the saved value; an empty string removes it; a field left out is unchanged.
 */
export const PatchSecureTokenInput = z
  .object({
    ...SecureTokenTarget,
    secureTokenId: SecureTokenId,
    customer: z
      .object({
        firstName: customerText('First name', 60).optional(),
        lastName: customerText('Last name', 60).optional(),
        referenceNumber: customerText('Reference number', 48).optional(),
        email: customerText('Email', 50).optional(),
        phone: customerText('Phone', 15).optional(),
      })
      .strict()
      .refine((customer) => Object.keys(customer).length > 0, {
        error: 'Change at least one customer detail',
      }),
    confirmProduction: z.boolean().optional(),
  })
  .strict()
export type PatchSecureTokenInput = z.infer<typeof PatchSecureTokenInput>

/** The token after the patch, masked like a list row, with the exchange. */
export const SecureTokenPatched = SecureTokenListed.extend({
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  durationMs: z.number(),
  journalId: z.string(),
  historyId: z.string().optional(),
})
export type SecureTokenPatched = z.infer<typeof SecureTokenPatched>

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
  'secureToken:list': { request: ListSecureTokensInput, response: SecureTokenPage, policy: IN_ENVIRONMENT },
  'secureToken:get': { request: GetSecureTokenInput, response: SecureTokenDetails, policy: IN_ENVIRONMENT },
  'secureToken:delete': {
    request: DeleteSecureTokenInput,
    response: SecureTokenDeleted,
    policy: confirming('Deleting a secure token'),
  },
  'secureToken:patch': {
    request: PatchSecureTokenInput,
    response: SecureTokenPatched,
    policy: confirming('Updating a secure token'),
  },
} as const satisfies Record<`secureToken:${string}`, ChannelSpec>
