/** preflight:* — the step-by-step check of an environment + profile + terminal; the latest report is kept. */
import { ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { runPreflight } from '../services/diagnostics/preflight-steps'

export function preflightHandlers(services: CoreServices): NamespaceHandlers<'preflight'> {
  return {
    'preflight:run': async (request, { environment }) => {
      const report = await runPreflight(environment, request, services)
      services.preflights.set(report)
      return ok(report)
    },
  }
}
