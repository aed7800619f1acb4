/**
 * session:* — creating a session (the environment resolved and Production confirmed by dispatch) and cancelling
 * one in flight: a create carrying a `requestId` runs on a budget `session:cancel` can abort.
 */
import { ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { createAndRecord } from '../services/gateway/session-recorder'

export function sessionHandlers(services: CoreServices): NamespaceHandlers<'session'> {
  return {
    'session:create': async (request, { environment }) => {
      const { profile, processingTerminalId, scenario, libVersion, secureTokenId, requestId } = request
      const input = { profile, processingTerminalId, scenario, libVersion }
      const full = secureTokenId ? { ...input, secureTokenId } : input
      if (requestId === undefined) return createAndRecord(services, environment, full)
      const budget = services.inFlight.start(requestId)
      try {
        return await createAndRecord(services, environment, full, undefined, { budget })
      } finally {
        services.inFlight.finish(requestId, budget)
      }
    },
    'session:cancel': async ({ requestId }) => {
      const inFlight = services.inFlight.cancel(requestId)
      services.logger.log('info', 'session create cancelled', { inFlight })
      return ok({ inFlight })
    },
  }
}
