/** batch:* — the batch terminal check: start (Production confirmed by dispatch), cancel, get, CSV export. */
import { err, ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { notFound } from '../hint-catalogue'

export function batchHandlers(services: CoreServices): NamespaceHandlers<'batch'> {
  const { batches } = services
  const batchOf = (batchId: string) => {
    const run = batches.get(batchId)
    return run ? ok(run) : err(notFound('batch', 'batchId', batchId))
  }
  return {
    'batch:start': async ({ profile, input, concurrency, scenario }, { environment }) => {
      const run = await batches.start({
        environment,
        client: services.gateways.get(environment, profile),
        profile,
        input,
        concurrency,
        scenario,
        onProgress: services.emit,
      })
      run.finished.catch((error: unknown) =>
        services.logger.log('error', 'batch crashed', { batchId: run.id, error: String(error) }),
      )
      const invalid = run.rows.filter((row) => row.verdict === 'invalid').length
      return ok({ batchId: run.id, total: run.total, invalid })
    },
    'batch:cancel': async ({ batchId }) => {
      const run = batchOf(batchId)
      if (!run.ok) return run
      run.value.cancel()
      await run.value.finished
      return ok(run.value.snapshot())
    },
    'batch:get': async ({ batchId }) => {
      const run = batchOf(batchId)
      return run.ok ? ok(run.value.snapshot()) : run
    },
    'batch:exportCsv': async ({ batchId }) => {
      const exported = batches.exportCsv(batchId)
      return exported ? ok(exported) : err(notFound('batch', 'batchId', batchId))
    },
  }
}
