/** bankTransfer:* — ACH / PAD payments, reverse, refund (Production confirmed by dispatch). */
import { err } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { internalError } from '../hint-catalogue'

export function bankTransferHandlers(_services: CoreServices): NamespaceHandlers<'bankTransfer'> {
  const pending = async (channel: string) => err(internalError(`${channel} (not wired yet)`))
  return {
    'bankTransfer:run': () => pending('bankTransfer:run'),
    'bankTransfer:reverse': () => pending('bankTransfer:reverse'),
    'bankTransfer:refund': () => pending('bankTransfer:refund'),
  }
}
