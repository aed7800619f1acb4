/**
 * The ONE place where the test page's events become the card form's state (LibraryOutcome) for the attempt's
 * verdict. Today the page reports page:* events plus the library's own; when the page reports readiness
 * differently (the protocol work), only this mapping changes.
 */
import type { LibraryOutcome } from '@shared/attempt-verdict'
import type { LoggedEvent } from '@renderer/testpage/protocol'

/** Not a page event: the console's own word that the session expired (countdown at 00:00, or Expire now). */
export interface ExpiryEvent {
  name: 'page:expired'
  payload: null
  at: string
}

const messageOf = (payload: unknown): string => {
  if (typeof payload === 'object' && payload !== null && 'message' in payload) {
    const message = (payload as { message?: unknown }).message
    if (typeof message === 'string') return message
  }
  return 'The card form reported an error.'
}
const typeOf = (payload: unknown): string | undefined =>
  typeof payload === 'object' && payload !== null && 'type' in payload
    ? String((payload as { type?: unknown }).type)
    : undefined

const isFailure = (state: LibraryOutcome['state']) =>
  state === 'init-error' || state === 'config-error' || state === 'field-error'

/** The next state after `event`, or null when the event does not change it. */
export function nextLibraryOutcome(
  current: LibraryOutcome,
  event: LoggedEvent | ExpiryEvent,
): LibraryOutcome | null {
  if (event.name === 'page:expired') return current.state === 'expired' ? null : { state: 'expired' }
  const settled = isFailure(current.state) || current.state === 'expired'
  switch (event.name) {
    case 'page:scriptLoaded':
      return current.state === 'none' ? { state: 'initialising' } : null
    case 'page:scriptError':
    case 'page:initializeFailed':
      // The library's own error event came first and says more; keep it.
      return settled ? null : { state: 'init-error', message: messageOf(event.payload) }
    case 'page:initialized':
      return settled ? null : { state: 'ready' }
    case 'submissionSuccess': {
      const payload = event.payload as { token?: unknown; expiresAt?: unknown } | null
      const token = typeof payload?.token === 'string' ? payload.token : ''
      const expiresAt = typeof payload?.expiresAt === 'string' ? payload.expiresAt : undefined
      return { state: 'submitted', singleUseToken: token, ...(expiresAt ? { expiresAt } : {}) }
    }
    case 'error': {
      const type = typeOf(event.payload)
      const message = messageOf(event.payload)
      if (type === 'submission') return { state: 'submission-error', message }
      if (current.state === 'ready' || current.state === 'submitted') return null // a field's own message
      if (settled) return null
      if (type === 'config') return { state: 'config-error', message }
      if (type === 'field') return { state: 'field-error', message }
      return { state: 'init-error', message }
    }
    default:
      return null
  }
}
