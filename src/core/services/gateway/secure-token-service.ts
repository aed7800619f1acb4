/**
 * Saving payment details: a tokenization session's single-use token becomes a secure token at the gateway (or
 * replaces the details of one saved before), and the gateway's refusals get this flow's words.
 */
import type { SecureTokenSaved } from '../../../shared/contract'
import type { EnvironmentInfo } from '../../../shared/environments'
import { err, type AppError, type Result } from '../../../shared/result'
import type { Logger } from '../../app-types'
import { SECURE_TOKEN_HINTS } from '../../hint-catalogue'
import type { SecureTokenRequest } from './gateway-client'
import type { GatewayRegistry } from './gateway-registry'

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

export async function saveSecureToken(
  deps: { gateways: GatewayRegistry; logger: Logger },
  environment: EnvironmentInfo,
  profile: string,
  request: SecureTokenRequest,
): Promise<Result<SecureTokenSaved>> {
  const result = await deps.gateways.get(environment, profile).secureToken(request)
  if (result.ok) {
    deps.logger.log('info', `${request.operation} ok`, {
      environment: environment.id,
      attempts: result.value.attempts,
      durationMs: result.value.durationMs,
    })
    return result
  }
  return err(secureTokenError(result.error))
}
