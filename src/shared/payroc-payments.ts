/**
 * Payroc's card payment and bank-transfer payment calls (POST /payments with capture / reverse / refund,
 * POST /bank-transfer-payments with reverse / refund), validated with zod. Requests are strict enough to
 * build and check what the app sends (the spec's required fields and bounds); answers are loose objects that
 * require only what the spec marks required, so every example the spec gives parses and an unknown extra is
 * kept rather than refused. Import through ./payroc.
 */
import { z } from 'zod'
import { withPathIdRule } from './path-id'
import { ProcessingTerminalId } from './payroc-base'

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

/**
 * The embedded sandbox's forced outcomes of a sale or bank transfer, by the amount's last two digits in minor
 * units (INTERFACES.md) — a sandbox convention, not Payroc's; the console offers them as amount presets and the
 * sandbox answers from this same table. Every other amount is approved.
 */
export const SANDBOX_FORCED_OUTCOMES = [
  {
    ending: '01',
    presetAmount: 1001,
    outcome: 'declined',
    processorResponseCode: '05',
    responseMessage: 'Do not honor',
    label: 'Declined, do not honor (05)',
  },
  {
    ending: '02',
    presetAmount: 1002,
    outcome: 'declined',
    processorResponseCode: '51',
    responseMessage: 'Insufficient funds',
    label: 'Declined, insufficient funds (51)',
  },
  { ending: '03', presetAmount: 1003, outcome: 'error', label: 'Gateway error (500)' },
  { ending: '04', presetAmount: 1004, outcome: 'slow', label: 'Answered after 20 seconds' },
] as const
export type SandboxForcedOutcome = (typeof SANDBOX_FORCED_OUTCOMES)[number]
