/** payment:* — sale, capture, reverse, refund (Production confirmed by dispatch). */
import { err } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { internalError } from '../hint-catalogue'

export function paymentHandlers(_services: CoreServices): NamespaceHandlers<'payment'> {
  const pending = async (channel: string) => err(internalError(`${channel} (not wired yet)`))
  return {
    'payment:run': () => pending('payment:run'),
    'payment:capture': () => pending('payment:capture'),
    'payment:reverse': () => pending('payment:reverse'),
    'payment:refund': () => pending('payment:refund'),
  }
}
