/**
 * singleUseToken:* — a single-use token without a browser (POST /processing-terminals/{id}/single-use-tokens),
 * from a test-card preset or test bank account, for scripted secure-token tests. It creates something at the
 * gateway, so Production needs the confirmation. The full token is in this answer only (masked elsewhere).
 */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { ProcessingTerminalId } from '../payroc'
import { confirming, type ChannelSpec } from './common'
import { SecCode } from './bankTransfer'

/** The test bank accounts live in the zod-free shared/test-cards.ts (the renderer's first chunk imports them). */
export { TEST_BANK_PRESETS } from '../test-cards'

const digits = (label: string, min: number, max: number) =>
  z.string({ error: `${label} must be a string` }).regex(new RegExp(`^\\d{${min},${max}}$`), {
    error: min === max ? `${label} must be ${min} digits` : `${label} must be ${min} to ${max} digits`,
  })
const AccountType = z.enum(['checking', 'savings'], { error: "Account type must be 'checking' or 'savings'" })

export const SingleUseTokenSourceInput = z.discriminatedUnion(
  'type',
  [
    z
      .object({
        type: z.literal('card'),
        cardNumber: digits('Card number', 12, 19),
        /** MMYY, as the gateway takes it. */
        expiryDate: z
          .string({ error: 'Expiry date must be a string' })
          .regex(/^(0[1-9]|1[0-2])\d{2}$/, { error: 'Expiry date must be MMYY, e.g. 1230' }),
        cvv: digits('CVV', 3, 4).optional(),
        cardholderName: z
          .string({ error: 'Cardholder name must be a string' })
          .min(1, { error: 'Cardholder name must not be empty' })
          .max(50, { error: 'Cardholder name must be at most 50 characters' }),
      })
      .strict(),
    z
      .object({
        type: z.literal('ach'),
        nameOnAccount: z
          .string({ error: 'Name on account must be a string' })
          .min(1, { error: 'Name on account must not be empty' })
          .max(50, { error: 'Name on account must be at most 50 characters' }),
        accountNumber: digits('Account number', 4, 17),
        routingNumber: digits('Routing number', 9, 9),
        accountType: AccountType.optional(),
        secCode: SecCode.optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal('pad'),
        nameOnAccount: z
          .string({ error: 'Name on account must be a string' })
          .min(1, { error: 'Name on account must not be empty' })
          .max(29, { error: 'Name on account must be at most 29 characters' }),
        accountNumber: digits('Account number', 7, 12),
        transitNumber: digits('Transit number', 5, 5),
        institutionNumber: digits('Institution number', 3, 3),
        accountType: AccountType.optional(),
      })
      .strict(),
  ],
  { error: "Source must be 'card', 'ach' or 'pad'" },
)
export type SingleUseTokenSourceInput = z.infer<typeof SingleUseTokenSourceInput>

export const CreateSingleUseTokenInput = z
  .object({
    environmentId: EnvironmentId,
    profile: ProfileName,
    processingTerminalId: ProcessingTerminalId,
    source: SingleUseTokenSourceInput,
    confirmProduction: z.boolean().optional(),
  })
  .strict()
export type CreateSingleUseTokenInput = z.infer<typeof CreateSingleUseTokenInput>

export const SingleUseTokenCreated = z.object({
  environmentId: EnvironmentId,
  processingTerminalId: z.string(),
  /** Full single-use token (30 minutes, one use): shown in this answer only. */
  token: z.string(),
  expiresAt: z.string(),
  /** What it stands for, masked (card number / account number as the gateway masks them). */
  source: z.object({
    type: z.enum(['card', 'ach', 'pad']),
    masked: z.string(),
    cardType: z.string().optional(),
  }),
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  durationMs: z.number(),
  journalId: z.string(),
  historyId: z.string().optional(),
})
export type SingleUseTokenCreated = z.infer<typeof SingleUseTokenCreated>

export const singleUseTokenChannels = {
  'singleUseToken:create': {
    request: CreateSingleUseTokenInput,
    response: SingleUseTokenCreated,
    policy: confirming('Creating a single-use token'),
  },
} as const satisfies Record<`singleUseToken:${string}`, ChannelSpec>
