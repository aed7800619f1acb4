/** secureToken:* — saving payment details from a single-use token (Production confirmed by dispatch). */
import { err } from '../../shared/result'
import { internalError } from '../hint-catalogue'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
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
    'secureToken:list': async () => err(internalError('secureToken:list (not wired yet)')),
    'secureToken:get': async () => err(internalError('secureToken:get (not wired yet)')),
    'secureToken:delete': async () => err(internalError('secureToken:delete (not wired yet)')),
    'secureToken:patch': async () => err(internalError('secureToken:patch (not wired yet)')),
  }
}
