/**
 * secureToken:save and secureToken:update (issue 4): after a tokenization session's submissionSuccess, the
 * single-use token becomes saved payment details (a secure token), or replaces the details of one saved
 * before. Production needs the same explicit confirmation as creating a session.
 */
import type { SaveSecureTokenInput, SecureTokenSaved, UpdateSecureTokenInput } from '../shared/contract'
import { err, type AppError, type Result } from '../shared/result'
import { confirmationRequired } from './diagnostics-handlers'
import type { Handlers } from './dispatch'
import type { HandlerServices } from './handlers'
import type { SecureTokenRequest } from './services/gateway/gateway-client'
import { unknownEnvironment } from './services/gateway/environment-store'

export const SECURE_TOKEN_HINTS = {
  tokenUsed:
    'A single-use token works once and for 30 minutes: submit the card form again (a new session if this one expired) for a fresh one.',
  notEnabled:
    'This terminal is not set up for secure tokens: use payment, or enable secure tokens for this terminal.',
  unknownSecureToken:
    'There is no secure token with that secureTokenId on this terminal: save one first (Save as secure token), then update it.',
  exists:
    'A secure token with that secureTokenId already exists: use Update saved details, or create the session without a secureTokenId.',
} as const

/** The gateway's answer in words for this flow: which token was refused, or what the terminal lacks. */
export function secureTokenError(error: AppError): AppError {
  if (error.kind === 'validation' && error.fields?.['token'])
    return { ...error, hint: SECURE_TOKEN_HINTS.tokenUsed }
  if (error.kind === 'forbidden' && /secure token/i.test(error.problem?.detail ?? ''))
    return { ...error, hint: SECURE_TOKEN_HINTS.notEnabled }
  if (error.status === 404) return { ...error, hint: SECURE_TOKEN_HINTS.unknownSecureToken }
  if (error.status === 409 && !error.problem?.type.endsWith('#idempotency-key-in-use'))
    return { ...error, hint: SECURE_TOKEN_HINTS.exists }
  return error
}

async function run(
  services: HandlerServices,
  input: SaveSecureTokenInput | UpdateSecureTokenInput,
  request: SecureTokenRequest,
): Promise<Result<SecureTokenSaved>> {
  const environment = services.environments.get(input.environmentId)
  if (!environment) return err(unknownEnvironment(input.environmentId))
  if (environment.requiresConfirmation && input.confirmProduction !== true)
    return err(confirmationRequired(environment, 'Saving a secure token'))
  const result = await services.gateways.get(environment, input.profile).secureToken(request)
  if (result.ok) {
    services.logger.log('info', `${request.operation} ok`, {
      environment: environment.id,
      attempts: result.value.attempts,
      durationMs: result.value.durationMs,
    })
    return result
  }
  return err(secureTokenError(result.error))
}

export function buildSecureTokenHandlers(
  services: HandlerServices,
): Pick<Handlers, 'secureToken:save' | 'secureToken:update'> {
  return {
    'secureToken:save': (input) =>
      run(services, input, {
        operation: 'secure-token:create',
        processingTerminalId: input.processingTerminalId,
        singleUseToken: input.singleUseToken,
        ...(input.secureTokenId !== undefined ? { secureTokenId: input.secureTokenId } : {}),
      }),
    'secureToken:update': (input) =>
      run(services, input, {
        operation: 'secure-token:update',
        processingTerminalId: input.processingTerminalId,
        singleUseToken: input.singleUseToken,
        secureTokenId: input.secureTokenId,
      }),
  }
}
