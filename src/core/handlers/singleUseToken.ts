/** singleUseToken:* — a single-use token without a browser (Production confirmed by dispatch). */
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { createSingleUseToken } from '../services/flows/card-tokens'

export function singleUseTokenHandlers(services: CoreServices): NamespaceHandlers<'singleUseToken'> {
  return {
    'singleUseToken:create': (input, { environment }) => createSingleUseToken(services, environment, input),
  }
}
