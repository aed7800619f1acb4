/** payment:* — sale, capture, reverse, refund (Production confirmed by dispatch). */
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { paymentFollowUp, runPayment } from '../services/flows/payment-service'

export function paymentHandlers(services: CoreServices): NamespaceHandlers<'payment'> {
  return {
    'payment:run': (input, { environment }) => runPayment(services, environment, input),
    'payment:capture': (input, { environment }) => paymentFollowUp(services, environment, 'capture', input),
    'payment:reverse': (input, { environment }) => paymentFollowUp(services, environment, 'reverse', input),
    'payment:refund': (input, { environment }) => paymentFollowUp(services, environment, 'refund', input),
  }
}
