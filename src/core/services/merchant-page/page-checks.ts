/**
 * The console's page checks: one engine (injected by the shell, the Node driver by default), the console's own
 * origins it must never let the page reach, the environment mapping, and the latest redacted report per
 * environment for the support bundle. The raw recording (full tokens, page HTML) never leaves this module.
 */
import type { PageCheckReport } from '../../../shared/contract/merchantPage'
import type { EnvironmentInfo } from '../../../shared/environments'
import { customEnvironment, PRODUCTION_ENVIRONMENT, sandboxEnvironment, UAT_ENVIRONMENT } from './knowledge'
import { runPageCheck, type CheckPageResult, type PageEngine } from './page-engine'
import type { LibraryEnvironment, PageCheckProgress } from './types'

/** Where an environment's library, frames and identity service live, as the analyzer needs them. */
export function libraryEnvironmentOf(environment: EnvironmentInfo): LibraryEnvironment {
  switch (environment.kind) {
    case 'uat':
      return UAT_ENVIRONMENT
    case 'production':
      return PRODUCTION_ENVIRONMENT
    case 'sandbox':
      return sandboxEnvironment(environment.cdnBase)
    case 'custom':
      return customEnvironment(environment.id, {
        cdnBaseUrl: environment.cdnBase,
        apiBaseUrl: environment.apiBase,
        identityBaseUrl: environment.identityBase,
      })
  }
}

export interface PageCheckRun {
  url: string
  environment: EnvironmentInfo
  timeoutMs?: number
  onProgress?: (progress: PageCheckProgress) => void
}

export class PageChecks {
  private readonly latest = new Map<string, PageCheckReport>()

  constructor(
    private readonly deps: {
      engine: PageEngine
      /** The console's own origins (the bridge, the test page server), read at each check. */
      consoleOrigins: () => readonly string[]
      knownSecrets: () => readonly string[]
      /** Settle tuning (tests shorten it). */
      quietMs?: number
    },
  ) {}

  get engineName(): string {
    return this.deps.engine.name
  }

  async check(run: PageCheckRun): Promise<CheckPageResult> {
    const result = await runPageCheck(this.deps.engine, {
      url: run.url,
      environment: libraryEnvironmentOf(run.environment),
      timeoutMs: run.timeoutMs,
      quietMs: this.deps.quietMs,
      consoleOrigins: this.deps.consoleOrigins(),
      knownSecrets: this.deps.knownSecrets(),
      onProgress: run.onProgress,
    })
    this.latest.set(run.environment.id, result.report)
    return result
  }

  /** The latest report of a check in this environment (already redacted by the analyzer). */
  latestReport(environmentId: string): PageCheckReport | undefined {
    return this.latest.get(environmentId)
  }

  clear(): void {
    this.latest.clear()
  }

  close(): Promise<void> {
    return this.deps.engine.close?.() ?? Promise.resolve()
  }
}
