/**
 * Payroc's wire shapes for sessions, identity, problems and secure tokens (PAYROC.md), validated with zod.
 * Import them through ./payroc (the barrel), which also holds the payment and token-management calls.
 */
import { z } from 'zod'
import { PATH_ID_LABELS, withPathIdRule } from './path-id'

/** Published as `^\d{1,2}.\d{1,2}.\d{1,2}(?:-beta)?.\d+$`; the unescaped dots are a typo, escaped is what is meant. */
export const LIB_VERSION_PATTERN = /^\d{1,2}\.\d{1,2}\.\d{1,2}(?:-beta)?\.\d+$/

export const ProcessingTerminalId = withPathIdRule(
  z
    .string({ error: 'processingTerminalId must be a string' })
    .min(4, { error: 'processingTerminalId must be at least 4 characters' })
    .max(50, { error: 'processingTerminalId must be at most 50 characters' }),
  PATH_ID_LABELS.processingTerminalId,
)

export const LibVersion = z
  .string({ error: 'libVersion must be a string' })
  .regex(LIB_VERSION_PATTERN, { error: 'libVersion must look like 1.7.0.261457 (optionally 1.7.0-beta.1)' })

export const Scenario = z.enum(['payment', 'tokenization'], {
  error: "scenario must be 'payment' or 'tokenization'",
})
export type Scenario = z.infer<typeof Scenario>

export const SecureTokenId = withPathIdRule(
  z
    .string({ error: 'secureTokenId must be a string' })
    .min(1, { error: 'secureTokenId must be at least 1 character' })
    .max(200, { error: 'secureTokenId must be at most 200 characters' }),
  PATH_ID_LABELS.secureTokenId,
)

/** Body of POST /processing-terminals/{processingTerminalId}/hosted-fields-sessions. */
export const CreateSessionBody = z.object({
  libVersion: LibVersion,
  scenario: Scenario,
  secureTokenId: SecureTokenId.optional(),
})
export type CreateSessionBody = z.infer<typeof CreateSessionBody>

/** The whole logical request: path parameter plus body. */
export const CreateSessionRequest = CreateSessionBody.extend({ processingTerminalId: ProcessingTerminalId })
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>

/** 201 body. expiresAt is ISO 8601 with an offset, 10 minutes after creation. */
export const HostedFieldsSession = z.object({
  processingTerminalId: z.string(),
  token: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
})
export type HostedFieldsSession = z.infer<typeof HostedFieldsSession>

/** POST {identity}/authorize → 200. */
export const IdentityResponse = z.object({
  access_token: z.string().min(1),
  /** A string in Payroc's SDK ("Bearer" in every answer seen); the app sends `Bearer` whatever it says. */
  token_type: z.string().min(1),
  expires_in: z.number().int().positive(),
  scope: z.string().optional(),
})
export type IdentityResponse = z.infer<typeof IdentityResponse>

export const ProblemError = z.object({
  parameter: z.string().optional(),
  detail: z.string().optional(),
  message: z.string().optional(),
})
export type ProblemError = z.infer<typeof ProblemError>

/** RFC 7807 problem details in Payroc's shape; unknown extras are kept. */
export const ProblemDetails = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  resource: z.string().optional(),
  errors: z.array(ProblemError).optional(),
  link: z.object({ rel: z.string(), method: z.string(), href: z.string() }).optional(),
})
export type ProblemDetails = z.infer<typeof ProblemDetails>

export const PROBLEM_TYPE_BASE = 'https://docs.payroc.com/api/errors'
export const problemType = (fragment: string): string => `${PROBLEM_TYPE_BASE}#${fragment}`

/** Secure tokens (save / update saved payment details after a tokenization session). */
export const SingleUseTokenSource = z.object({
  type: z.literal('singleUseToken', { error: "source.type must be 'singleUseToken'" }),
  token: z.string().min(1, { error: 'token must not be empty' }).max(200),
})
export const CreateSecureTokenBody = z.object({
  source: SingleUseTokenSource,
  secureTokenId: SecureTokenId.optional(),
  mitAgreement: z.enum(['unscheduled', 'recurring', 'installment']).optional(),
})
export type CreateSecureTokenBody = z.infer<typeof CreateSecureTokenBody>
/** update-account takes the payment method itself. */
export const UpdateAccountBody = SingleUseTokenSource
export type UpdateAccountBody = z.infer<typeof UpdateAccountBody>

/** The spec's secure-token validation statuses (display only: the app parses any string, see SecureToken). */
export const SECURE_TOKEN_STATUSES = [
  'notValidated',
  'cvvValidated',
  'validationFailed',
  'issueNumberValidated',
  'cardNumberValidated',
  'bankAccountValidated',
] as const
export type SecureTokenStatus = (typeof SECURE_TOKEN_STATUSES)[number]

/**
 * A saved payment method as the gateway reports it: exactly what the spec's schemas require, nothing more
 * (card numbers come masked; optional fields are optional). Unknown extras are kept.
 */
export const CardSource = z.looseObject({
  type: z.literal('card'),
  cardholderName: z.string().min(1).max(50),
  cardNumber: z.string().min(12).max(19),
  expiryDate: z.string().optional(),
  cardType: z.string().optional(),
  currency: z.string().optional(),
  debit: z.boolean().optional(),
})
export const AchSource = z.looseObject({
  type: z.literal('ach'),
  nameOnAccount: z.string().min(1).max(50),
  accountNumber: z.string().min(4).max(17),
  routingNumber: z.string().length(9),
  accountType: z.string().optional(),
})
export const PadSource = z.looseObject({
  type: z.literal('pad'),
  nameOnAccount: z.string().min(1).max(29),
  accountNumber: z.string().min(7).max(12),
  transitNumber: z.string().length(5),
  institutionNumber: z.string().length(3),
  accountType: z.string().optional(),
})
export const SavedSource = z.discriminatedUnion('type', [CardSource, AchSource, PadSource])
export type SavedSource = z.infer<typeof SavedSource>

/**
 * A secure token (createSecureToken 201, getSecureToken 200, accountUpdate 200, …). `token` is checked only as
 * the spec's schema says (12–19 characters): its description also says "begins with 296753" and "a Luhn check
 * digit", but the spec's own examples break both. `status` is any string, so a new status is shown, not refused.
 */
export const SecureToken = z.looseObject({
  secureTokenId: z.string().max(200),
  processingTerminalId: z.string(),
  token: z.string().min(12).max(19),
  status: z.string().min(1),
  source: SavedSource,
  mitAgreement: z.string().optional(),
})
export type SecureToken = z.infer<typeof SecureToken>

/** Library versions known per environment, with the SRI hash of Payroc's published script. */
export const KNOWN_LIBRARIES: Record<string, { environment: 'uat' | 'production'; integrity: string }> = {
  '1.7.0.261457': {
    environment: 'uat',
    integrity: 'sha384-m1A0nfFYa8sAfpDN0d60o4ztd/aCPC2xDVaOT31Urrmn4xypfHqgHQMayZeIK1PM',
  },
  '1.7.0.261471': {
    environment: 'production',
    integrity: 'sha384-4KD8EaeEaCR2jLV6vnBwfEAEy/o2bR0GkODVpr8iePLTK5eOOmjoPuDVKJ0wM1oP',
  },
}

/** UUID v4, as the gateway demands for Idempotency-Key. */
export const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
