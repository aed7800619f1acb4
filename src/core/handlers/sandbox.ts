/** sandbox:* — QA controls carried out against the embedded sandbox through its typed control client. */
import type { FaultAction } from '../../sandbox/fault-rules'
import { SandboxControlError, sandboxControlClient } from '../../sandbox/control-client'
import type { ForcedResponse } from '../../shared/contract/sandbox'
import type { EnvironmentInfo } from '../../shared/environments'
import { err, ok, type AppError } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'

/** What each Force next response choice becomes at the sandbox (route `sessions`, one request). */
export const FORCED_ACTIONS: Record<ForcedResponse, FaultAction> = {
  '500': { type: 'status', status: 500 },
  '429': { type: 'rate-limit', retryAfterSeconds: 1 },
  // Longer than the console's response timeout (10 s by default): the request times out.
  timeout: { type: 'latency', ms: 15_000 },
  slow: { type: 'slow', bytesPerSecond: 64 },
  reset: { type: 'reset' },
}

const onlyEmbedded = (environment: EnvironmentInfo | undefined): AppError | null =>
  environment?.id === 'sandbox'
    ? null
    : {
        kind: 'forbidden',
        message: 'Sandbox controls work only in the built-in Sandbox environment.',
        hint: 'Switch Environment to Sandbox; UAT, Production and custom gateways cannot be controlled.',
      }

export function sandboxHandlers(services: CoreServices): NamespaceHandlers<'sandbox'> {
  const control = () => sandboxControlClient(services.info.sandboxUrl)
  return {
    'sandbox:expireSession': async ({ token }, { environment }) => {
      const refused = onlyEmbedded(environment)
      if (refused) return err(refused)
      try {
        await control().expireSession(token)
        return ok({ expired: true as const })
      } catch (error) {
        if (error instanceof SandboxControlError && error.status === 404)
          return err({
            kind: 'validation',
            message: 'The sandbox has no live session for that token.',
            hint: 'It may have expired already or belong to an earlier run; create a new session.',
          })
        throw error
      }
    },
    'sandbox:forceNext': async ({ action }, { environment }) => {
      const refused = onlyEmbedded(environment)
      if (refused) return err(refused)
      const rule = await control().addFault({ route: 'sessions', action: FORCED_ACTIONS[action], times: 1 })
      return ok({ action, faultId: rule.id })
    },
    'sandbox:closeBatch': async ({ processingTerminalId }, { environment }) => {
      const refused = onlyEmbedded(environment)
      if (refused) return err(refused)
      return ok({ settled: await control().closeBatch(processingTerminalId) })
    },
  }
}
