/**
 * card:* — the surcharging check: POST /cards/bin-lookup for a test card's BIN or a saved secure token and an
 * amount → may the merchant surcharge, how much, what to disclose. A read: no confirmation, no Idempotency-Key.
 */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { ProcessingTerminalId, SecureTokenId } from '../payroc'
import { IN_ENVIRONMENT, type ChannelSpec } from './common'
import { Amount, Currency, SecureTokenValue } from './payment'

/** The card's BIN: its first 6 to 12 digits (the UI takes them from the chosen test card). */
export const CardBin = z
  .string({ error: 'Card BIN must be a string' })
  .regex(/^\d{6,12}$/, { error: 'Card BIN must be 6 to 12 digits' })

export const BinLookupCard = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('cardBin'), bin: CardBin }).strict(),
    z
      .object({
        type: z.literal('secureToken'),
        token: SecureTokenValue.optional(),
        secureTokenId: SecureTokenId.optional(),
      })
      .strict()
      .refine((card) => (card.token === undefined) !== (card.secureTokenId === undefined), {
        error: 'Give either the secure token or its Secure token ID (one of them)',
        path: ['secureTokenId'],
      }),
  ],
  { error: "Card must be 'cardBin' or 'secureToken'" },
)
export type BinLookupCard = z.infer<typeof BinLookupCard>

export const BinLookupInput = z
  .object({
    environmentId: EnvironmentId,
    profile: ProfileName,
    processingTerminalId: ProcessingTerminalId,
    /** The amount to surcharge (minor units); the answer's surcharge amount needs it. */
    amount: Amount.optional(),
    currency: Currency.optional(),
    card: BinLookupCard,
  })
  .strict()
export type BinLookupInput = z.infer<typeof BinLookupInput>

export const BinLookupOutcome = z.object({
  environmentId: EnvironmentId,
  processingTerminalId: z.string(),
  /** Card brand as the gateway names it (e.g. Visa). */
  cardType: z.string(),
  /** Masked card number. */
  cardNumber: z.string(),
  country: z.string().optional(),
  currency: z.string().optional(),
  debit: z.boolean().optional(),
  surcharging: z.object({
    allowed: z.boolean(),
    amount: z.number().optional(),
    percentage: z.number().optional(),
    disclosure: z.string().optional(),
  }),
  /** One sentence: "Surcharging allowed: 3 % (30 on 1000 USD)." / "Surcharging not allowed for this card." */
  verdict: z.string(),
  attempts: z.number().int(),
  durationMs: z.number(),
  journalId: z.string(),
})
export type BinLookupOutcome = z.infer<typeof BinLookupOutcome>

export const cardChannels = {
  'card:binLookup': { request: BinLookupInput, response: BinLookupOutcome, policy: IN_ENVIRONMENT },
} as const satisfies Record<`card:${string}`, ChannelSpec>
