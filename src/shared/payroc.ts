/**
 * Payroc's wire shapes (PAYROC.md), validated with zod. The sandbox and the app parse with these same
 * schemas, so a request the app accepts is one the gateway accepts and vice versa.
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

// ---- Payments, bank transfers, secure-token management, BIN lookup, single-use tokens (issue 14) -----------
// Requests are strict enough to build and check what the app sends (the spec's required fields and bounds);
// answers are loose objects that require only what the spec marks required, so every example the spec gives
// parses and an unknown extra is kept rather than refused.

/** Path id of a payment or bank-transfer payment: exactly 10 characters. */
export const PaymentId = withPathIdRule(
  z
    .string({ error: 'paymentId must be a string' })
    .length(10, { error: 'paymentId must be exactly 10 characters' }),
  'Payment ID',
)

/** ISO 4217 alphabetic code (the spec enumerates them; the app checks the shape). */
export const CurrencyCode = z
  .string({ error: 'currency must be a string' })
  .regex(/^[A-Z]{3}$/, { error: 'currency must be a three-letter ISO 4217 code such as USD' })

/** Amount in the currency's minor units (cents), as every Payroc amount is. */
export const MinorUnits = z
  .number({ error: 'amount must be a number' })
  .int({ error: 'amount must be a whole number of minor units (cents)' })
export const PositiveMinorUnits = MinorUnits.positive({ error: 'amount must be greater than 0' })

export const PaymentChannel = z.enum(['pos', 'web', 'moto'], {
  error: "channel must be 'pos', 'web' or 'moto'",
})
export const MitAgreement = z.enum(['unscheduled', 'recurring', 'installment'], {
  error: "mitAgreement must be 'unscheduled', 'recurring' or 'installment'",
})
export const AccountType = z.enum(['checking', 'savings'], {
  error: "accountType must be 'checking' or 'savings'",
})
export const SecCode = z.enum(['web', 'tel', 'ccd', 'ppd'], {
  error: "secCode must be 'web', 'tel', 'ccd' or 'ppd'",
})

/** A secure token's number (not its id) as a payment method takes it: 12–19 characters. */
export const SecureTokenNumber = z
  .string({ error: 'token must be a string' })
  .min(12, { error: 'token must be at least 12 characters' })
  .max(19, { error: 'token must be at most 19 characters' })
/** A single-use token as a payment method takes it (the spec: 128 characters; checked as the create call checks it). */
export const SingleUseTokenValue = z
  .string({ error: 'token must be a string' })
  .min(1, { error: 'token must not be empty' })
  .max(200, { error: 'token must be at most 200 characters' })

export const SingleUseTokenPaymentMethod = z.object({
  type: z.literal('singleUseToken'),
  token: SingleUseTokenValue,
  accountType: AccountType.optional(),
  secCode: SecCode.optional(),
})
export const SecureTokenPaymentMethod = z.object({
  type: z.literal('secureToken'),
  token: SecureTokenNumber,
  accountType: AccountType.optional(),
  secCode: SecCode.optional(),
})
/** paymentMethod of POST /payments as the console sends it (the spec also has card and digitalWallet). */
export const PaymentMethodRequest = z.discriminatedUnion(
  'type',
  [SingleUseTokenPaymentMethod, SecureTokenPaymentMethod],
  { error: "paymentMethod.type must be 'singleUseToken' or 'secureToken'" },
)
export type PaymentMethodRequest = z.infer<typeof PaymentMethodRequest>

export const PaymentOrderRequest = z.object({
  orderId: z
    .string({ error: 'orderId must be a string' })
    .min(1, { error: 'orderId must not be empty' })
    .max(24, { error: 'orderId must be at most 24 characters' }),
  description: z.string().max(256, { error: 'description must be at most 256 characters' }).optional(),
  amount: PositiveMinorUnits,
  currency: CurrencyCode,
})
export type PaymentOrderRequest = z.infer<typeof PaymentOrderRequest>

export const CredentialOnFileRequest = z.object({
  externalVault: z.boolean().optional(),
  /** true: save the payment details as a secure token during the sale. */
  tokenize: z.boolean().optional(),
  secureTokenId: z.string().max(200, { error: 'secureTokenId must be at most 200 characters' }).optional(),
  mitAgreement: MitAgreement.optional(),
})
export type CredentialOnFileRequest = z.infer<typeof CredentialOnFileRequest>

/** Customer details (payments, bank transfers, secure tokens); loose so an unknown extra is kept. */
export const PayrocAddress = z.looseObject({
  address1: z.string().max(150).optional(),
  address2: z.string().max(150).optional(),
  address3: z.string().max(150).optional(),
  city: z.string().max(50).optional(),
  state: z.string().max(50).optional(),
  country: z.string().length(2).optional(),
  postalCode: z.string().max(10).optional(),
})
export const ContactMethod = z.looseObject({
  type: z.enum(['email', 'phone', 'mobile', 'fax']),
  value: z.string().max(50),
})
export const PayrocCustomer = z.looseObject({
  firstName: z.string().max(60).optional(),
  lastName: z.string().max(60).optional(),
  dateOfBirth: z.string().optional(),
  referenceNumber: z.string().max(48).optional(),
  billingAddress: PayrocAddress.optional(),
  shippingAddress: z
    .looseObject({ recipientName: z.string().max(50).optional(), address: PayrocAddress.optional() })
    .optional(),
  contactMethods: z.array(ContactMethod).optional(),
  notificationLanguage: z.string().optional(),
})
export type PayrocCustomer = z.infer<typeof PayrocCustomer>

export const CustomField = z.object({ name: z.string().min(1).max(56), value: z.string().min(1).max(100) })

/** Body of POST /payments (a sale, or a pre-authorization with autoCapture false). */
export const PaymentRequest = z.object({
  channel: PaymentChannel,
  processingTerminalId: ProcessingTerminalId,
  operator: z.string().max(50).optional(),
  order: PaymentOrderRequest,
  customer: PayrocCustomer.optional(),
  paymentMethod: PaymentMethodRequest,
  credentialOnFile: CredentialOnFileRequest.optional(),
  autoCapture: z.boolean().optional(),
  processAsSale: z.boolean().optional(),
  customFields: z.array(CustomField).optional(),
})
export type PaymentRequest = z.infer<typeof PaymentRequest>

/** Body of POST /payments/{paymentId}/capture (all optional: no amount = the authorized amount). */
export const CapturePaymentRequest = z.object({
  processingTerminalId: ProcessingTerminalId.optional(),
  operator: z.string().max(50).optional(),
  amount: PositiveMinorUnits.optional(),
})
export type CapturePaymentRequest = z.infer<typeof CapturePaymentRequest>
/** Body of POST /payments/{paymentId}/reverse (no amount = the whole payment). */
export const ReversePaymentRequest = z.object({
  operator: z.string().max(50).optional(),
  amount: PositiveMinorUnits.optional(),
})
export type ReversePaymentRequest = z.infer<typeof ReversePaymentRequest>
/** Body of POST /payments/{paymentId}/refund and /bank-transfer-payments/{paymentId}/refund. */
export const RefundRequest = z.object({
  operator: z.string().max(50).optional(),
  amount: PositiveMinorUnits,
  description: z
    .string({ error: 'description must be a string' })
    .min(1, { error: 'description must not be empty' })
    .max(100, { error: 'description must be at most 100 characters' }),
})
export type RefundRequest = z.infer<typeof RefundRequest>
export const RefundPaymentRequest = RefundRequest
export const RefundBankTransferRequest = RefundRequest.omit({ operator: true })

/** The spec's transaction statuses (display only: answers parse any string). */
export const TRANSACTION_STATUSES = [
  'ready',
  'pending',
  'declined',
  'complete',
  'referral',
  'pickup',
  'reversal',
  'returned',
  'admin',
  'expired',
  'accepted',
] as const
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number]
/** transactionResult.responseCode: A approved, D declined, E error, P partial approval, R referral, C cancelled. */
export const RESPONSE_CODES = ['A', 'D', 'E', 'P', 'R', 'C'] as const

export const PayrocLink = z.looseObject({ rel: z.string(), method: z.string(), href: z.string() })

export const TransactionResult = z.looseObject({
  type: z.string().optional(),
  ebtType: z.string().optional(),
  status: z.string().min(1),
  approvalCode: z.string().optional(),
  authorizedAmount: z.number().int().optional(),
  currency: z.string().optional(),
  responseCode: z.string().min(1),
  responseMessage: z.string().optional(),
  processorResponseCode: z.string().optional(),
  cardSchemeReferenceId: z.string().optional(),
})
export type TransactionResult = z.infer<typeof TransactionResult>

export const PaymentOrder = z.looseObject({
  orderId: z.string(),
  dateTime: z.string().optional(),
  description: z.string().optional(),
  amount: z.number().int(),
  currency: z.string(),
})
export type PaymentOrder = z.infer<typeof PaymentOrder>

export const RefundSummary = z.looseObject({
  refundId: z.string(),
  dateTime: z.string(),
  currency: z.string(),
  amount: z.number().int(),
  status: z.string(),
  responseCode: z.string(),
  responseMessage: z.string(),
  link: PayrocLink.optional(),
})
export type RefundSummary = z.infer<typeof RefundSummary>

/** The secure token saved during a sale (credentialOnFile.tokenize), as a payment's card reports it. */
export const PaymentSecureTokenSummary = z.looseObject({
  secureTokenId: z.string(),
  customerName: z.string(),
  token: z.string(),
  status: z.string(),
  link: PayrocLink.optional(),
})

export const PaymentCard = z.looseObject({
  type: z.string(),
  entryMethod: z.string(),
  cardholderName: z.string().optional(),
  cardNumber: z.string(),
  expiryDate: z.string(),
  secureToken: PaymentSecureTokenSummary.optional(),
  securityChecks: z
    .looseObject({ cvvResult: z.string().optional(), avsResult: z.string().optional() })
    .optional(),
})
export type PaymentCard = z.infer<typeof PaymentCard>

/** A card payment (POST /payments 201; capture, reverse and refund 200; GET /payments/{id} 200). */
export const Payment = z.looseObject({
  paymentId: z.string(),
  processingTerminalId: z.string(),
  operator: z.string().optional(),
  order: PaymentOrder,
  customer: PayrocCustomer.optional(),
  card: PaymentCard,
  refunds: z.array(RefundSummary).optional(),
  supportedOperations: z.array(z.string()).optional(),
  transactionResult: TransactionResult,
  customFields: z.array(CustomField).optional(),
})
export type Payment = z.infer<typeof Payment>
export const PaymentResponse = Payment
export const CapturePaymentResponse = Payment
export const ReversePaymentResponse = Payment
export const RefundPaymentResponse = Payment

/** Body of POST /bank-transfer-payments, paid with an ACH/PAD single-use token or a saved secure token. */
export const BankTransferPaymentRequest = z.object({
  processingTerminalId: ProcessingTerminalId,
  order: PaymentOrderRequest,
  customer: PayrocCustomer.optional(),
  credentialOnFile: CredentialOnFileRequest.optional(),
  paymentMethod: PaymentMethodRequest,
  customFields: z.array(CustomField).optional(),
})
export type BankTransferPaymentRequest = z.infer<typeof BankTransferPaymentRequest>

export const BankAccount = z.looseObject({
  type: z.enum(['ach', 'pad']),
  secCode: z.string().optional(),
  nameOnAccount: z.string(),
  accountNumber: z.string(),
  routingNumber: z.string().optional(),
  transitNumber: z.string().optional(),
  institutionNumber: z.string().optional(),
  secureToken: PaymentSecureTokenSummary.optional(),
})
export type BankAccount = z.infer<typeof BankAccount>

export const BankTransferTransactionResult = z.looseObject({
  type: z.string(),
  status: z.string().min(1),
  authorizedAmount: z.number().int().optional(),
  currency: z.string().optional(),
  responseCode: z.string().min(1),
  responseMessage: z.string().optional(),
  processorResponseCode: z.string().optional(),
})

/** A bank-transfer payment (POST /bank-transfer-payments 201; reverse and refund 200). */
export const BankTransferPayment = z.looseObject({
  paymentId: z.string(),
  processingTerminalId: z.string(),
  order: PaymentOrder,
  customer: PayrocCustomer.optional(),
  bankAccount: BankAccount,
  refunds: z.array(RefundSummary).optional(),
  returns: z.array(z.looseObject({ paymentId: z.string() })).optional(),
  transactionResult: BankTransferTransactionResult,
  customFields: z.array(CustomField).optional(),
})
export type BankTransferPayment = z.infer<typeof BankTransferPayment>
export const BankTransferPaymentResponse = BankTransferPayment
export const ReverseBankTransferResponse = BankTransferPayment
export const RefundBankTransferResponse = BankTransferPayment

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
export const SECURE_TOKEN_LIST_FILTERS = [
  'secureTokenId',
  'customerName',
  'phone',
  'email',
  'token',
  'first6',
  'last4',
] as const

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
