/**
 * Payroc's secure-token management (list with filters and pagination, JSON Patch), BIN lookup with
 * surcharging, and single-use tokens without a browser, validated with zod (requests strict, answers loose as
 * in ./payroc-payments). Import through ./payroc.
 */
import { z } from 'zod'
import { ProcessingTerminalId, SavedSource, SecureToken } from './payroc-base'
import {
  AccountType,
  CurrencyCode,
  PaymentChannel,
  PayrocLink,
  PositiveMinorUnits,
  SecCode,
  SecureTokenNumber,
} from './payroc-payments'

/** Query of GET /processing-terminals/{id}/secure-tokens: the spec's filters and cursor pagination. */
export const ListSecureTokensQuery = z.object({
  secureTokenId: z
    .string()
    .min(1)
    .max(200, { error: 'secureTokenId must be at most 200 characters' })
    .optional(),
  customerName: z.string().min(1).max(50, { error: 'customerName must be at most 50 characters' }).optional(),
  phone: z.string().min(1).max(15, { error: 'phone must be at most 15 characters' }).optional(),
  email: z.string().min(1).max(100, { error: 'email must be at most 100 characters' }).optional(),
  token: SecureTokenNumber.optional(),
  first6: z
    .string()
    .regex(/^[0-9]{6}$/, { error: 'first6 must be 6 digits' })
    .optional(),
  last4: z
    .string()
    .regex(/^[0-9]{4}$/, { error: 'last4 must be 4 digits' })
    .optional(),
  /** Cursors: a secureTokenId from the page's first (before) or last (after) entry. */
  before: z.string().min(1).optional(),
  after: z.string().min(1).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit must be at least 1' })
    .max(100, { error: 'limit must be at most 100' })
    .optional(),
})
export type ListSecureTokensQuery = z.infer<typeof ListSecureTokensQuery>
export { SECURE_TOKEN_LIST_FILTERS } from './secure-token-filters'

/** Payroc's paginated list envelope: { limit, count, hasMore, links[], data[] }. */
export const paginatedList = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    limit: z.number().int().optional(),
    count: z.number().int().optional(),
    hasMore: z.boolean().optional(),
    links: z.array(PayrocLink).optional(),
    data: z.array(item),
  })
export const SecureTokenList = paginatedList(SecureToken)
export type SecureTokenList = z.infer<typeof SecureTokenList>

/** One JSON Patch (RFC 6902) operation, as PATCH …/secure-tokens/{id} takes them. */
export const JsonPatchOperation = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('add'), path: z.string().min(1), value: z.unknown() }),
    z.object({ op: z.literal('remove'), path: z.string().min(1) }),
    z.object({ op: z.literal('replace'), path: z.string().min(1), value: z.unknown() }),
    z.object({ op: z.literal('move'), from: z.string().min(1), path: z.string().min(1) }),
    z.object({ op: z.literal('copy'), from: z.string().min(1), path: z.string().min(1) }),
    z.object({ op: z.literal('test'), path: z.string().min(1), value: z.unknown() }),
  ],
  { error: "op must be 'add', 'remove', 'replace', 'move', 'copy' or 'test'" },
)
export type JsonPatchOperation = z.infer<typeof JsonPatchOperation>
export const SecureTokenPatch = z
  .array(JsonPatchOperation, { error: 'the body must be a JSON Patch array' })
  .min(1, { error: 'the patch must have at least one operation' })
export type SecureTokenPatch = z.infer<typeof SecureTokenPatch>

/** Surcharging as BIN lookup (and a saved card) report it. */
export const Surcharging = z.looseObject({
  allowed: z.boolean(),
  amount: z.number().int().optional(),
  percentage: z.number().optional(),
  disclosure: z.string().optional(),
})
export type Surcharging = z.infer<typeof Surcharging>

/** card of POST /cards/bin-lookup as the console sends it: a saved secure token, a BIN, or a keyed test card. */
export const BinLookupCard = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('secureToken'),
      token: SecureTokenNumber,
      accountType: AccountType.optional(),
    }),
    z.object({
      type: z.literal('cardBin'),
      bin: z.string().regex(/^[0-9]{6,12}$/, { error: 'bin must be 6 to 12 digits' }),
    }),
    z.object({
      type: z.literal('card'),
      cardDetails: z.object({
        entryMethod: z.literal('keyed'),
        keyedData: z.object({
          dataFormat: z.literal('plainText'),
          cardNumber: z.string().regex(/^[0-9]{12,19}$/, { error: 'cardNumber must be 12 to 19 digits' }),
          expiryDate: z
            .string()
            .regex(/^[0-9]{4}$/, { error: 'expiryDate must be MMYY' })
            .optional(),
          cvv: z
            .string()
            .regex(/^[0-9]{3,4}$/)
            .optional(),
        }),
        cardholderName: z.string().max(50).optional(),
      }),
    }),
  ],
  { error: "card.type must be 'secureToken', 'cardBin' or 'card'" },
)
export type BinLookupCard = z.infer<typeof BinLookupCard>
export const BinLookupRequest = z.object({
  processingTerminalId: ProcessingTerminalId.optional(),
  amount: PositiveMinorUnits.optional(),
  currency: CurrencyCode.optional(),
  card: BinLookupCard,
})
export type BinLookupRequest = z.infer<typeof BinLookupRequest>
export const BinLookupResponse = z.looseObject({
  type: z.string(),
  cardNumber: z.string(),
  country: z.string().optional(),
  currency: z.string().optional(),
  debit: z.boolean().optional(),
  healthcare: z.boolean().optional(),
  surcharging: Surcharging.optional(),
})
export type BinLookupResponse = z.infer<typeof BinLookupResponse>

/** source of POST …/single-use-tokens as the console sends it: a keyed plain-text test card, or ACH / PAD. */
export const SingleUseTokenCardSource = z.object({
  type: z.literal('card'),
  accountType: AccountType.optional(),
  cardDetails: z.object({
    entryMethod: z.literal('keyed'),
    keyedData: z.object({
      dataFormat: z.literal('plainText'),
      cardNumber: z.string().regex(/^[0-9]{12,19}$/, { error: 'cardNumber must be 12 to 19 digits' }),
      expiryDate: z
        .string()
        .regex(/^[0-9]{4}$/, { error: 'expiryDate must be MMYY' })
        .optional(),
      cvv: z
        .string()
        .regex(/^[0-9]{3,4}$/, { error: 'cvv must be 3 or 4 digits' })
        .optional(),
    }),
    cardholderName: z
      .string()
      .min(1)
      .max(50, { error: 'cardholderName must be at most 50 characters' })
      .optional(),
  }),
})
export const SingleUseTokenAchSource = z.object({
  type: z.literal('ach'),
  accountType: AccountType.optional(),
  secCode: SecCode.optional(),
  nameOnAccount: z.string().min(1).max(50, { error: 'nameOnAccount must be at most 50 characters' }),
  accountNumber: z.string().regex(/^[0-9]{4,17}$/, { error: 'accountNumber must be 4 to 17 digits' }),
  routingNumber: z.string().regex(/^[0-9]{9}$/, { error: 'routingNumber must be 9 digits' }),
})
export const SingleUseTokenPadSource = z.object({
  type: z.literal('pad'),
  accountType: AccountType.optional(),
  nameOnAccount: z.string().min(1).max(29, { error: 'nameOnAccount must be at most 29 characters' }),
  accountNumber: z.string().regex(/^[0-9]{7,12}$/, { error: 'accountNumber must be 7 to 12 digits' }),
  transitNumber: z.string().regex(/^[0-9]{5}$/, { error: 'transitNumber must be 5 digits' }),
  institutionNumber: z.string().regex(/^[0-9]{3}$/, { error: 'institutionNumber must be 3 digits' }),
})
export const SingleUseTokenRequestSource = z.discriminatedUnion(
  'type',
  [SingleUseTokenCardSource, SingleUseTokenAchSource, SingleUseTokenPadSource],
  { error: "source.type must be 'card', 'ach' or 'pad'" },
)
/** Body of POST /processing-terminals/{processingTerminalId}/single-use-tokens. */
export const CreateSingleUseTokenBody = z.object({
  channel: PaymentChannel,
  operator: z.string().min(1).max(50).optional(),
  source: SingleUseTokenRequestSource,
})
export type CreateSingleUseTokenBody = z.infer<typeof CreateSingleUseTokenBody>
export const CreateSingleUseTokenRequest = CreateSingleUseTokenBody.extend({
  processingTerminalId: ProcessingTerminalId,
})
export type CreateSingleUseTokenRequest = z.infer<typeof CreateSingleUseTokenRequest>

/** 201 of POST …/single-use-tokens: the token (30 minutes), its expiry and the payment details it stands for. */
export const SingleUseTokenResponse = z.looseObject({
  processingTerminalId: z.string(),
  token: z.string().min(1),
  expiresAt: z.string(),
  source: SavedSource,
})
export type SingleUseTokenResponse = z.infer<typeof SingleUseTokenResponse>
