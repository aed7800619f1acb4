/** eventLog:* — the live session and its Event log in main's memory, so a reload restores both. */
import { err, ok } from '../../shared/result'
import { notFound } from '../hint-catalogue'
import type { CoreServices } from '../core-services'
import type { Handlers, NamespaceHandlers } from '../dispatch'

export function eventLogHandlers(services: CoreServices): NamespaceHandlers<'eventLog'> {
  const { liveSession } = services
  return {
    // Events of a page that is not the live session's (an earlier one) are refused, not silently dropped.
    'eventLog:record': async ({ journalId, events }) => {
      const recorded = liveSession.append(journalId, events)
      return recorded === undefined ? err(notFound('live session', 'journalId', journalId)) : ok({ recorded })
    },
    'eventLog:restore': async () => ok(liveSession.snapshot()),
  }
}

/**
 * Every successful create (Create session, Create a new session, History's Re-run) becomes the live session:
 * wraps the two creating handlers, whoever owns them, so their modules need no change.
 */
export function rememberLiveSession(services: CoreServices, handlers: Handlers): Handlers {
  const create = handlers['session:create']
  const rerun = handlers['history:rerun']
  return {
    ...handlers,
    'session:create': async (request, context) => {
      const created = await create(request, context)
      if (created.ok) services.liveSession.setSession(created.value)
      return created
    },
    'history:rerun': async (request, context) => {
      const created = await rerun(request, context)
      if (created.ok) services.liveSession.setSession(created.value)
      return created
    },
  }
}
