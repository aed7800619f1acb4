/**
 * The merchant-page analyzer: a recording (CDP events + page facts) and the environment the page should use in,
 * the report out. Pure apart from hashing: no browser, no I/O, so both engines and the unit tests share it.
 */
import { scriptCheck, sriCheck, versionCheck } from './checks-library'
import { cspCheck, secretsCheck } from './checks-policy'
import { initCheck, selectorsCheck, sessionCheck } from './checks-integration'
import { redactUrl } from './facts'
import { buildModel } from './page-model'
import type { LibraryEnvironment, PageCheckReport, PageRecording } from './types'

export interface AnalyzeOptions {
  /** Secrets the console holds for this environment (its API key): found verbatim anywhere → secrets: fail. */
  knownSecrets?: readonly string[]
}

export function analyzePage(
  recording: PageRecording,
  env: LibraryEnvironment,
  options: AnalyzeOptions = {},
): PageCheckReport {
  const model = buildModel(recording)
  const checks = [
    scriptCheck(model, recording),
    versionCheck(model, recording, env),
    sriCheck(model, recording),
    cspCheck(model, recording, env),
    secretsCheck(model, recording, env, options.knownSecrets ?? []),
    selectorsCheck(model, recording),
    initCheck(model, recording),
    sessionCheck(model),
  ]
  // One place masks session tokens in whatever URL or message a check quotes.
  return {
    url: redactUrl(recording.url),
    environment: env.id,
    checks: checks.map((item) => ({
      ...item,
      summary: redactUrl(item.summary),
      evidence: item.evidence.map(redactUrl),
    })),
  }
}

/** The exit code every CLI uses: 1 when any check fails. */
export const reportFailed = (report: PageCheckReport): boolean =>
  report.checks.some((item) => item.verdict === 'fail')
