/** bankTransfer:* — ACH / PAD payments, reverse, refund (Production confirmed by dispatch). */
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { bankTransferFollowUp, runBankTransfer } from '../services/flows/payment-service'

export function bankTransferHandlers(services: CoreServices): NamespaceHandlers<'bankTransfer'> {
  return {
    'bankTransfer:run': (input, { environment }) => runBankTransfer(services, environment, input),
    'bankTransfer:reverse': (input, { environment }) =>
      bankTransferFollowUp(services, environment, 'reverse', input),
    'bankTransfer:refund': (input, { environment }) =>
      bankTransferFollowUp(services, environment, 'refund', input),
  }
}
