/**
 * bankTransfer:* — an ACH or PAD payment with the test page's single-use token (or a saved secure token), and
 * its reverse and refund (POST /bank-transfer-payments, /bank-transfer-payments/{paymentId}/reverse|refund).
 * Each changes gateway state: Production only with the confirmation. Answers are PaymentOutcome (payment.ts).
 */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { ProcessingTerminalId, SecureTokenId } from '../payroc'
import { confirming, type ChannelSpec } from './common'
import {
  Amount,
  Currency,
  OrderId,
  PaymentId,
  PaymentMethodInput,
  PaymentOutcome,
  RefundDescription,
} from './payment'

/** ACH's Standard Entry Class code (web for an online payment). */
export const SecCode = z.enum(['web', 'tel', 'ccd', 'ppd'], {
  error: "SEC code must be 'web', 'tel', 'ccd' or 'ppd'",
})

const BankTransferTarget = {
  environmentId: EnvironmentId,
  profile: ProfileName,
  processingTerminalId: ProcessingTerminalId,
  confirmProduction: z.boolean().optional(),
}

/** bankTransfer:run — POST /bank-transfer-payments. */
export const RunBankTransferInput = z
  .object({
    ...BankTransferTarget,
    amount: Amount,
    currency: Currency,
    orderId: OrderId,
    paymentMethod: PaymentMethodInput,
    /** ACH only; the gateway's default applies when omitted. */
    secCode: SecCode.optional(),
    /** credentialOnFile.tokenize: save the account as a secure token during the payment. */
    tokenize: z.boolean().optional(),
    secureTokenId: SecureTokenId.optional(),
  })
  .strict()
export type RunBankTransferInput = z.infer<typeof RunBankTransferInput>

/** bankTransfer:reverse — POST /bank-transfer-payments/{paymentId}/reverse (no body). */
export const ReverseBankTransferInput = z.object({ ...BankTransferTarget, paymentId: PaymentId }).strict()
export type ReverseBankTransferInput = z.infer<typeof ReverseBankTransferInput>

/** bankTransfer:refund — POST /bank-transfer-payments/{paymentId}/refund (amount and description). */
export const RefundBankTransferInput = z
  .object({
    ...BankTransferTarget,
    paymentId: PaymentId,
    amount: Amount,
    description: RefundDescription.optional(),
  })
  .strict()
export type RefundBankTransferInput = z.infer<typeof RefundBankTransferInput>

export const bankTransferChannels = {
  'bankTransfer:run': {
    request: RunBankTransferInput,
    response: PaymentOutcome,
    policy: confirming('Running a bank transfer payment'),
  },
  'bankTransfer:reverse': {
    request: ReverseBankTransferInput,
    response: PaymentOutcome,
    policy: confirming('Reversing a bank transfer payment'),
  },
  'bankTransfer:refund': {
    request: RefundBankTransferInput,
    response: PaymentOutcome,
    policy: confirming('Refunding a bank transfer payment'),
  },
} as const satisfies Record<`bankTransfer:${string}`, ChannelSpec>
