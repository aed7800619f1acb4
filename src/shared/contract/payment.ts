/**
 * payment:* — a card sale with a single-use token (the test page's) or a saved secure token, and the follow-ups
 * that clean it up: capture, reverse, refund (POST /payments, /payments/{paymentId}/capture|reverse|refund).
 * Every one changes gateway state, so each needs the Production confirmation.
 */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { withPathIdRule } from '../path-id'
import { ProcessingTerminalId, SecureTokenId } from '../payroc'
import { confirming, type ChannelSpec } from './common'

/** Minor units (cents): the spec's int64; the sandbox's forced outcomes key on the last two digits. */
export const Amount = z
  .number({ error: 'Amount must be a number (in minor units, e.g. 1000 for 10.00)' })
  .int({ error: 'Amount must be a whole number of minor units (e.g. 1000 for 10.00)' })
  .positive({ error: 'Amount must be greater than 0' })
  .max(99_999_999_999, { error: 'Amount must be at most 99999999999' })

/** ISO 4217 alphabetic code; the gateway checks it against its own list. */
export const Currency = z
  .string({ error: 'Currency must be a string' })
  .regex(/^[A-Z]{3}$/, { error: 'Currency must be a 3-letter code such as USD' })

export const OrderId = z
  .string({ error: 'Order ID must be a string' })
  .min(1, { error: 'Order ID must not be empty' })
  .max(24, { error: 'Order ID must be at most 24 characters' })

/** The gateway's payment id: exactly 10 characters, a URL path segment. */
export const PaymentId = withPathIdRule(
  z
    .string({ error: 'Payment ID must be a string' })
    .length(10, { error: 'Payment ID must be exactly 10 characters' }),
  'Payment ID',
)

export const RefundDescription = z
  .string({ error: 'Description must be a string' })
  .min(1, { error: 'Description must not be empty' })
  .max(100, { error: 'Description must be at most 100 characters' })

/** A single-use token from the library's submissionSuccess or singleUseToken:create (30 minutes, one use). */
export const PaymentSingleUseToken = z
  .string({ error: 'Single-use token must be a string' })
  .min(1, { error: 'Single-use token must not be empty' })
  .max(200, { error: 'Single-use token must be at most 200 characters' })

/** The secure token's value (12–19 digits), as secureToken:save or secureToken:get answered it. */
export const SecureTokenValue = z
  .string({ error: 'Secure token must be a string' })
  .min(12, { error: 'Secure token must be 12 to 19 characters' })
  .max(19, { error: 'Secure token must be 12 to 19 characters' })

/**
 * What pays: the single-use token, or a saved secure token — by its value, or by its Secure token ID (core then
 * looks the value up at the gateway, so the renderer never needs the full value from the list).
 */
export const PaymentMethodInput = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('singleUseToken'), token: PaymentSingleUseToken }).strict(),
    z
      .object({
        type: z.literal('secureToken'),
        token: SecureTokenValue.optional(),
        secureTokenId: SecureTokenId.optional(),
      })
      .strict()
      .refine((method) => (method.token === undefined) !== (method.secureTokenId === undefined), {
        error: 'Give either the secure token or its Secure token ID (one of them)',
        path: ['secureTokenId'],
      }),
  ],
  { error: "Payment method must be 'singleUseToken' or 'secureToken'" },
)
export type PaymentMethodInput = z.infer<typeof PaymentMethodInput>

const PaymentTarget = {
  environmentId: EnvironmentId,
  profile: ProfileName,
  processingTerminalId: ProcessingTerminalId,
  confirmProduction: z.boolean().optional(),
}

/** payment:run — POST /payments, channel web. */
export const RunPaymentInput = z
  .object({
    ...PaymentTarget,
    amount: Amount,
    currency: Currency,
    orderId: OrderId,
    paymentMethod: PaymentMethodInput,
    /** false: a pre-authorization to capture later (Capture); default true, a sale. */
    autoCapture: z.boolean().optional(),
    /** credentialOnFile.tokenize: save the card as a secure token during the sale. */
    tokenize: z.boolean().optional(),
    /** credentialOnFile.secureTokenId: the merchant's id for the token saved by `tokenize`. */
    secureTokenId: SecureTokenId.optional(),
  })
  .strict()
export type RunPaymentInput = z.infer<typeof RunPaymentInput>

/** payment:capture — POST /payments/{paymentId}/capture; `amount` omitted = the authorized amount. */
export const CapturePaymentInput = z
  .object({ ...PaymentTarget, paymentId: PaymentId, amount: Amount.optional() })
  .strict()
export type CapturePaymentInput = z.infer<typeof CapturePaymentInput>

/** payment:reverse — POST /payments/{paymentId}/reverse; `amount` omitted = the whole payment. */
export const ReversePaymentInput = CapturePaymentInput
export type ReversePaymentInput = z.infer<typeof ReversePaymentInput>

/** payment:refund — POST /payments/{paymentId}/refund (amount and a description, as the spec requires). */
export const RefundPaymentInput = z
  .object({
    ...PaymentTarget,
    paymentId: PaymentId,
    amount: Amount,
    /** Sent as the refund's description; core sends "Refund from the console" when omitted. */
    description: RefundDescription.optional(),
  })
  .strict()
export type RefundPaymentInput = z.infer<typeof RefundPaymentInput>

/** The gateway's transactionResult, as the answer shows it. */
export const TransactionResultSummary = z.object({
  type: z.string().optional(),
  /** e.g. complete, ready, pending, declined, reversal. */
  status: z.string(),
  /** Payroc's responseCode (A approved, D declined, …). */
  responseCode: z.string(),
  responseMessage: z.string().optional(),
  processorResponseCode: z.string().optional(),
  approvalCode: z.string().optional(),
  authorizedAmount: z.number().optional(),
  currency: z.string().optional(),
})
export type TransactionResultSummary = z.infer<typeof TransactionResultSummary>

export const PaymentOperation = z.enum([
  'sale',
  'capture',
  'reverse',
  'refund',
  'bank-transfer',
  'bank-transfer:reverse',
  'bank-transfer:refund',
])
export type PaymentOperation = z.infer<typeof PaymentOperation>

/**
 * One payment call's answer, card or bank transfer: the verdict in plain words and the facts behind it. The
 * payment method is masked (card number / account number as the gateway masks them); a secure token saved by
 * `tokenize` is in full here, the flow that produced it.
 */
export const PaymentOutcome = z.object({
  environmentId: EnvironmentId,
  operation: PaymentOperation,
  paymentId: z.string(),
  processingTerminalId: z.string(),
  orderId: z.string(),
  /** The order's amount and currency (minor units). */
  amount: z.number(),
  currency: z.string(),
  /** approved: the gateway accepted it (responseCode A); false = declined or refused by the processor. */
  approved: z.boolean(),
  /** One sentence: "Approved: sale of 10.00 USD (complete, A, Approved)." / "Declined: … (declined, D, …)". */
  verdict: z.string(),
  transactionResult: TransactionResultSummary,
  paymentMethod: z.object({
    type: z.enum(['card', 'ach', 'pad']),
    /** Masked card or account number. */
    masked: z.string(),
    cardType: z.string().optional(),
    nameOnAccount: z.string().optional(),
  }),
  /** What the gateway says can follow (capture, reverse, refund, …), when it says. */
  supportedOperations: z.array(z.string()),
  /** Saved during the sale (credentialOnFile.tokenize): full token, shown in this answer only. */
  secureToken: z.object({ secureTokenId: z.string(), token: z.string() }).optional(),
  refunds: z.array(z.object({ refundId: z.string(), amount: z.number(), status: z.string() })).optional(),
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  durationMs: z.number(),
  journalId: z.string(),
  historyId: z.string().optional(),
})
export type PaymentOutcome = z.infer<typeof PaymentOutcome>

export const paymentChannels = {
  'payment:run': {
    request: RunPaymentInput,
    response: PaymentOutcome,
    policy: confirming('Running a sale'),
  },
  'payment:capture': {
    request: CapturePaymentInput,
    response: PaymentOutcome,
    policy: confirming('Capturing a payment'),
  },
  'payment:reverse': {
    request: ReversePaymentInput,
    response: PaymentOutcome,
    policy: confirming('Reversing a payment'),
  },
  'payment:refund': {
    request: RefundPaymentInput,
    response: PaymentOutcome,
    policy: confirming('Refunding a payment'),
  },
} as const satisfies Record<`payment:${string}`, ChannelSpec>
