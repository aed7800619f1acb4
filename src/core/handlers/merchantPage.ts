/** merchantPage:* — check a merchant's checkout page (the environment resolved by dispatch; read-only). */
import { ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'

export function merchantPageHandlers(services: CoreServices): NamespaceHandlers<'merchantPage'> {
  return {
    'merchantPage:check': async ({ url, timeoutSeconds, checkId }, { environment }) => {
      const result = await services.pageChecks.check({
        url,
        environment,
        timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
        onProgress: (progress) => services.emit({ type: 'merchantPage', checkId, ...progress }),
      })
      services.logger.log('info', 'merchant page checked', {
        environmentId: environment.id,
        verdicts: result.report.checks.map((check) => `${check.id}:${check.verdict}`).join(' '),
        durationMs: result.durationMs,
      })
      return ok({
        report: result.report,
        ...(result.screenshot ? { screenshotPng: Buffer.from(result.screenshot).toString('base64') } : {}),
        durationMs: result.durationMs,
        engine: services.pageChecks.engineName,
      })
    },
  }
}
