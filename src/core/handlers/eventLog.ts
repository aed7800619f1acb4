/** eventLog:* — the live session and its Event log in main's memory, so a reload restores both. */
import { ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { Handlers, NamespaceHandlers } from '../dispatch'

export function eventLogHandlers(services: CoreServices): NamespaceHandlers<'eventLog'> {
  const { liveSession } = services
  return {
    'eventLog:record': async ({ journalId, events }) =>
      ok({ recorded: liveSession.append(journalId, events) }),
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
