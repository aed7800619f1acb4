/**
 * The diagnosis channels (issue 5): inspector cURL, history, support bundle, preflight, batch check and
 * "Clear all data". Transport-free like handlers.ts, which spreads these into the full handler map.
 */
import type { CreateSessionInput, SessionCreated } from '../shared/contract'
import type { EnvironmentInfo } from '../shared/environments'
import { err, ok, type AppError, type Result } from '../shared/result'
import type { Handlers } from './dispatch'
import type { HandlerServices } from './handlers'
import type { BatchService } from './services/diagnostics/batch-runs'
import { buildBundle, bundleEntries } from './services/exports/support-bundle'
import { exportFilename } from './services/exports/csv'
import { buildCurl } from './services/exports/curl'
import { unknownEnvironment } from './services/gateway/environment-store'
import { hintFor } from './hint-catalogue'
import { historyCsv, type History } from './services/storage/session-history'
import type { HttpTimeouts } from './services/gateway/http-client'
import { runPreflight, type PreflightReports } from './services/diagnostics/preflight-steps'
import type { KnownSecrets } from './services/credentials/known-secrets'

export interface DiagnosticsServices {
  history: History
  preflights: PreflightReports
  batches: BatchService
  secrets: KnownSecrets
  timeouts: HttpTimeouts
  sandboxTokenization?: (processingTerminalId: string) => Promise<boolean | undefined>
}

type DiagnosticsChannel =
  | 'journal:curl'
  | 'history:list'
  | 'history:rerun'
  | 'history:exportCsv'
  | 'history:clear'
  | 'bundle:export'
  | 'preflight:run'
  | 'batch:start'
  | 'batch:cancel'
  | 'batch:get'
  | 'batch:exportCsv'
  | 'app:clearAllData'

export const confirmationRequired = (
  environment: EnvironmentInfo,
  what = 'Creating a session',
): AppError => ({
  kind: 'confirmation-required',
  message: `${what} in ${environment.name} needs an explicit confirmation; nothing was sent.`,
  hint: hintFor('confirmation-required'),
})

const notFound = (what: string, field: string, id: string): AppError => ({
  kind: 'validation',
  message: `There is no ${what} ${id}.`,
  hint: `The ${what} may have been cleared or belongs to an earlier run of the app.`,
  fields: { [field]: [`${field}: no ${what} ${id}`] },
})

/**
 * session:create and history:rerun: one logical request, one history entry, whatever the outcome (retries
 * inside the gateway client are attempts of the same entry). A call refused for want of the production
 * confirmation is not recorded: nothing was attempted, the user has not decided yet.
 */
export async function createAndRecord(
  services: HandlerServices,
  input: Omit<CreateSessionInput, 'confirmProduction'> & { confirmProduction?: boolean },
  rerunOf?: string,
): Promise<Result<SessionCreated>> {
  const { environmentId, profile, confirmProduction, ...request } = input
  const environment = services.environments.get(environmentId)
  if (!environment) return err(unknownEnvironment(environmentId))
  if (environment.requiresConfirmation && confirmProduction !== true)
    return err(confirmationRequired(environment))
  const at = new Date()
  const started = performance.now()
  const created = await services.gateways.get(environment, profile).createSession(request)
  const journalId = created.ok ? created.value.journalId : created.error.journalId
  const entry = journalId ? services.journal.get(journalId) : undefined
  services.history.record({
    at: at.toISOString(),
    environmentId,
    profile,
    processingTerminalId: request.processingTerminalId,
    scenario: request.scenario,
    libVersion: request.libVersion,
    ...(request.secureTokenId !== undefined ? { secureTokenId: request.secureTokenId } : {}),
    durationMs: created.ok ? created.value.durationMs : Math.round(performance.now() - started),
    attempts: created.ok ? created.value.attempts : (entry?.attempts.length ?? 0),
    ...(journalId ? { journalId } : {}),
    ...(rerunOf ? { rerunOf } : {}),
    ...(created.ok
      ? {
          outcome: 'ok' as const,
          tokenSuffix: created.value.token.slice(-6),
          expiresAt: created.value.expiresAt,
          ...(entry?.status !== undefined ? { status: entry.status } : {}),
        }
      : {
          outcome: 'error' as const,
          errorKind: created.error.kind,
          message: created.error.message,
          ...((created.error.status ?? entry?.status) !== undefined
            ? { status: created.error.status ?? entry?.status }
            : {}),
        }),
  })
  return created
}

export function buildDiagnosticsHandlers(services: HandlerServices): Pick<Handlers, DiagnosticsChannel> {
  const { environments, journal, history, batches, preflights } = services
  const environmentOf = (id: string): Result<EnvironmentInfo> => {
    const environment = environments.get(id)
    return environment ? ok(environment) : err(unknownEnvironment(id))
  }
  const batchOf = (batchId: string) => {
    const run = batches.get(batchId)
    return run ? ok(run) : err(notFound('batch', 'batchId', batchId))
  }

  return {
    'journal:curl': async ({ id, attempt }) => {
      const entry = journal.get(id)
      if (!entry) return err(notFound('journal entry', 'id', id))
      const chosen = attempt === undefined ? entry.attempts.at(-1) : entry.attempts[attempt - 1]
      if (!chosen) return err(notFound(`attempt of journal entry ${id} numbered`, 'attempt', String(attempt)))
      return ok({ command: buildCurl(chosen, services.secrets.list()) })
    },
    'history:list': async (filter) => {
      const notice = history.takeNotice()
      return ok({ entries: history.list(filter), ...(notice ? { notice } : {}) })
    },
    'history:rerun': async ({ id, confirmProduction }) => {
      const entry = history.get(id)
      if (!entry) return err(notFound('history entry', 'id', id))
      const { environmentId, profile, processingTerminalId, scenario, libVersion, secureTokenId } = entry
      const input = { environmentId, profile, processingTerminalId, scenario, libVersion, confirmProduction }
      return createAndRecord(services, secureTokenId ? { ...input, secureTokenId } : input, id)
    },
    'history:exportCsv': async (filter) =>
      // Oldest first in a file: it reads like a log.
      ok({
        filename: exportFilename('session-history', 'csv'),
        csv: historyCsv(history.list(filter).reverse()),
      }),
    'history:clear': async () => {
      await history.clear()
      return ok({})
    },
    'bundle:export': async ({ journalId, environmentId, profile }) => {
      const environment = environmentOf(environmentId)
      if (!environment.ok) return environment
      const entries = bundleEntries(journal.all(), environmentId, profile, journalId)
      if (journalId !== undefined && entries.length === 0)
        return err(notFound('journal entry', 'journalId', journalId))
      return ok(
        buildBundle({
          info: services.info,
          environment: environment.value,
          profile,
          entries,
          preflight: preflights.get(environmentId),
          knownSecrets: services.secrets.list(),
        }),
      )
    },
    'preflight:run': async (request) => {
      const environment = environmentOf(request.environmentId)
      if (!environment.ok) return environment
      const report = await runPreflight(environment.value, request, services)
      preflights.set(report)
      return ok(report)
    },
    'batch:start': async ({ environmentId, profile, input, concurrency, confirmProduction }) => {
      const environment = environmentOf(environmentId)
      if (!environment.ok) return environment
      if (environment.value.requiresConfirmation && confirmProduction !== true)
        return err(confirmationRequired(environment.value, 'A batch check opens real sessions'))
      const run = await batches.start({
        environment: environment.value,
        client: services.gateways.get(environment.value, profile),
        input,
        concurrency,
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
    'app:clearAllData': async () => clearAllData(services),
  }
}

async function clearAllData(services: HandlerServices) {
  await services.batches.clear()
  const historyEntries = await services.history.clear()
  services.preflights.clear()
  services.journal.clear()
  await services.environments.reset()
  services.gateways.close()
  const removed = await services.vault.deleteAll()
  services.logger.log('info', 'all data cleared', { historyEntries, keychain: removed.ok })
  return ok({
    historyEntries,
    keychainEntries: removed.ok ? removed.value : 0,
    ...(removed.ok ? {} : { keychainMessage: `${removed.error.message} ${removed.error.hint}` }),
  })
}
