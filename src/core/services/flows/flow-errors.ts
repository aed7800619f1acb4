/** The gateway's refusals of the flows after the form, in those flows' words (hint-catalogue's FLOW_HINTS). */
import type { AppError } from '../../../shared/result'
import { FLOW_HINTS, SECURE_TOKEN_HINTS } from '../../hint-catalogue'

export type FlowSubject = 'payment' | 'follow-up' | 'secure-token' | 'card'

export function flowError(error: AppError, subject: FlowSubject): AppError {
  const detail = error.problem?.detail ?? ''
  if (error.kind === 'validation' && error.fields?.['token'])
    return { ...error, hint: SECURE_TOKEN_HINTS.tokenUsed }
  if (error.status === 404)
    return {
      ...error,
      hint: subject === 'secure-token' ? FLOW_HINTS.secureTokenNotFound : FLOW_HINTS.paymentNotFound,
    }
  if (error.kind === 'conflict' && error.problem?.type.endsWith('#idempotency-key-in-use'))
    return { ...error, hint: FLOW_HINTS.conflict }
  if (error.kind === 'forbidden' && /not (set ?up|enabled|allowed)|capabilit/i.test(detail))
    return { ...error, hint: FLOW_HINTS.notAllowed }
  if (subject === 'follow-up' && error.status === 400 && !error.fields?.['amount'])
    return { ...error, hint: FLOW_HINTS.followUpRefused }
  return error
}
