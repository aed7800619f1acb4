/** session:* — creating a session (the environment resolved and Production confirmed by dispatch). */
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { createAndRecord } from '../services/gateway/session-recorder'

export function sessionHandlers(services: CoreServices): NamespaceHandlers<'session'> {
  return {
    'session:create': async (request, { environment }) => {
      const { profile, processingTerminalId, scenario, libVersion, secureTokenId } = request
      const input = { profile, processingTerminalId, scenario, libVersion }
      return createAndRecord(services, environment, secureTokenId ? { ...input, secureTokenId } : input)
    },
  }
}
