/**
 * secureToken:* — saving payment details from a single-use token, and the Secure tokens screen's list, retrieve,
 * delete and patch (changes Production-confirmed by dispatch).
 */
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import {
  deleteSecureToken,
  getSecureToken,
  listSecureTokens,
  patchSecureToken,
} from '../services/flows/secure-token-admin'
import { saveSecureToken } from '../services/gateway/secure-token-service'

export function secureTokenHandlers(services: CoreServices): NamespaceHandlers<'secureToken'> {
  return {
    'secureToken:save': (input, { environment }) =>
      saveSecureToken(services, environment, input.profile, {
        operation: 'secure-token:create',
        processingTerminalId: input.processingTerminalId,
        singleUseToken: input.singleUseToken,
        ...(input.secureTokenId !== undefined ? { secureTokenId: input.secureTokenId } : {}),
      }),
    'secureToken:update': (input, { environment }) =>
      saveSecureToken(services, environment, input.profile, {
        operation: 'secure-token:update',
        processingTerminalId: input.processingTerminalId,
        singleUseToken: input.singleUseToken,
        secureTokenId: input.secureTokenId,
      }),
    'secureToken:list': (input, { environment }) => listSecureTokens(services, environment, input),
    'secureToken:get': (input, { environment }) => getSecureToken(services, environment, input),
    'secureToken:delete': (input, { environment }) => deleteSecureToken(services, environment, input),
    'secureToken:patch': (input, { environment }) => patchSecureToken(services, environment, input),
  }
}
