/**
 * What the console says about the test page's card form, from the logged events alone (so UAT and the sandbox
 * read the same): ready only after `page:ready` (the fields are shown), failed on an `error` event that ends the
 * form or on the page's own failures; `page:initialized` (initialize() resolved) is not readiness.
 */
import type { LoggedEvent } from '@renderer/testpage/protocol'
import { isFatalError } from '@renderer/testpage/readiness'

export type FormStatus =
  { phase: 'loading' } | { phase: 'ready' } | { phase: 'destroyed' } | { phase: 'failed'; message: string }

const messageOf = (payload: unknown): string => {
  const message = (payload as { message?: unknown } | null)?.message
  return typeof message === 'string' && message !== '' ? message : 'no message'
}

/** `entries` newest first, as the event log keeps them. */
export function formStatusOf(entries: readonly LoggedEvent[]): FormStatus {
  let status: FormStatus = { phase: 'loading' }
  for (let index = entries.length - 1; index >= 0; index--) {
    const event = entries[index]
    if (!event || status.phase === 'failed') break
    if (event.name === 'page:ready') status = { phase: 'ready' }
    else if (event.name === 'page:destroyed') status = { phase: 'destroyed' }
    else if (event.name === 'page:scriptError' || event.name === 'page:initializeFailed')
      status = { phase: 'failed', message: messageOf(event.payload) }
    else if (event.name === 'error' && isFatalError(event.payload, status.phase === 'ready'))
      status = { phase: 'failed', message: messageOf(event.payload) }
  }
  return status
}

export function formStatusText(status: FormStatus): string {
  if (status.phase === 'ready') return 'Form ready'
  if (status.phase === 'destroyed') return 'Form destroyed: destroy() was called'
  if (status.phase === 'failed') return `Form failed: ${status.message}`
  return 'Form loading…'
}
