/**
 * The session side of the Hosted Fields gateway protocol: which session token a call names, the answer for a
 * token that cannot be used (unknown, expired, used up — one final 400 the library shows as "invalid session
 * token"), and the configuration answer built from the session's terminal.
 */
import { problemType } from '../../shared/payroc'
import { problemReply, type Reply } from '../problem-replies'
import { decodeSegment } from '../sandbox-http'
import type { SandboxState } from '../state/sandbox-state'
import type { SessionRecord } from '../state/session-store'
import type { CvvVerification, Terminal } from '../terminal-directory'

/** The message the library recognises (exactly) as "the session token is invalid" — a final answer. */
export const INVALID_SESSION_MESSAGE = "'hostedFieldsSessionId' supplied is invalid"

export type SessionRefusal = 'unknown' | 'expired' | 'used'

const REFUSAL_DETAIL: Record<SessionRefusal, string> = {
  unknown: 'The hosted fields session token is not known to the gateway.',
  expired: 'The hosted fields session token has expired; create a new session.',
  used: 'A single-use token was already created from this hosted fields session; create a new session.',
}

/** 400 `Bad request` naming hostedFieldsSessionId: the answer the library treats as final. */
export const invalidSession = (why: SessionRefusal): Reply =>
  problemReply({
    type: problemType('bad-request'),
    title: 'Bad request',
    status: 400,
    detail: REFUSAL_DETAIL[why],
    errors: [{ parameter: 'hostedFieldsSessionId', message: INVALID_SESSION_MESSAGE }],
  })

/** 400 `Bad request` for a request the gateway cannot use (not final for the library: it retries). */
export const badGatewayRequest = (parameter: string, message: string): Reply =>
  problemReply({
    type: problemType('bad-request'),
    title: 'Bad request',
    status: 400,
    detail: 'One or more validation errors occurred.',
    errors: [{ parameter, message }],
  })

export interface LiveSession {
  session: SessionRecord
  terminal: Terminal
}

/** The usable session named by the path segment (a used-up one only with `allowUsed`), or the final refusal. */
export function gatewaySession(state: SandboxState, segment: string, allowUsed = false): LiveSession | Reply {
  const token = decodeSegment(segment)
  if (token === undefined) return invalidSession('unknown')
  const found = state.lookupSession(token)
  if (found.status !== 'ok') return invalidSession(found.status)
  if (found.session.usedAt !== undefined && !allowUsed) return invalidSession('used')
  const terminal = state.terminals.get(found.session.processingTerminalId)
  if (!terminal) return invalidSession('unknown')
  return { session: found.session, terminal }
}

export const isReply = (value: LiveSession | Reply): value is Reply => 'status' in value

/** The terminal's CVV policy (INTERFACES.md: mandatory unless the seed says otherwise). */
export const cvvPolicyOf = (terminal: Terminal): CvvVerification => terminal.cvvVerification ?? 'mandatory'

/** GET …/configuration: what the library reads, from the seeded terminal. */
export function configurationOf(terminal: Terminal): Record<string, unknown> {
  const cvvVerification = cvvPolicyOf(terminal)
  const providers = [
    ...(terminal.ach ? [{ network: 'ach' }] : []),
    ...(terminal.pad ? [{ network: 'pad' }] : []),
  ]
  return {
    configuration: {
      cardHolderNameMandatory: true,
      allowExpiredCards: false,
      fraudDetection: { cvvVerification },
      tokenization: { enabled: terminal.tokenization, cvvVerification },
      bankTransfer: { enabled: providers.length > 0, providers },
    },
  }
}
