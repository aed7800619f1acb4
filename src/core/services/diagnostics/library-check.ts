/**
 * Preflight's library step: GET {cdnBase}/js/hosted-fields/hosted-fields-<v>.js must answer 200 with
 * JavaScript, and, for a version Payroc published (KNOWN_LIBRARIES), the script must match its SRI sha384 —
 * otherwise a page with the integrity attribute refuses to run it. The sandbox serves a simulation, so its
 * hash is not compared. A UAT version used in production (or the reverse) is a warning: a classic mistake.
 */
import { createHash } from 'node:crypto'
import type { PreflightStep } from '../../../shared/diagnostics'
import { libraryScriptUrl, type EnvironmentInfo } from '../../../shared/environments'
import { KNOWN_LIBRARIES } from '../../../shared/payroc'
import { exchange } from '../gateway/exchange'
import { attemptHint, DIAGNOSIS_HINTS } from '../../hint-catalogue'
import { createHttpClient, type HttpTimeouts } from '../gateway/http-client'

type Finding = Omit<PreflightStep, 'id' | 'title' | 'durationMs'>

export const sriOf = (body: string): string =>
  `sha384-${createHash('sha384').update(body, 'utf8').digest('base64')}`

export async function checkLibraryScript(
  environment: EnvironmentInfo,
  libVersion: string,
  timeouts: HttpTimeouts,
): Promise<Finding> {
  const url = libraryScriptUrl(environment.cdnBase, libVersion)
  const http = createHttpClient(timeouts)
  try {
    const { outcome } = await exchange(
      http.axios,
      { method: 'GET', url, headers: { Accept: '*/*' }, deadlineMs: http.deadlineMs },
      1,
    )
    if (outcome.kind === 'transport') {
      return {
        status: 'fail',
        detail: outcome.message,
        hint: attemptHint(outcome.errorKind, { code: outcome.code }),
      }
    }
    const type = outcome.headers['content-type'] ?? ''
    if (outcome.status !== 200)
      return {
        status: 'fail',
        detail: `${url} answered ${outcome.status}.`,
        hint: DIAGNOSIS_HINTS.libraryMissing,
      }
    if (!/javascript|ecmascript/i.test(type))
      return {
        status: 'fail',
        detail: `${url} answered 200 but with ${type || 'no Content-Type'}, not JavaScript.`,
        hint: DIAGNOSIS_HINTS.libraryMissing,
      }
    const known = KNOWN_LIBRARIES[libVersion]
    const served = `${url} served ${outcome.body.length} characters of JavaScript.`
    if (environment.kind === 'sandbox' || !known)
      return {
        status: 'pass',
        detail: `${served} ${known ? '' : '(no published SRI to compare)'}`.trim(),
        hint: '',
      }
    if (
      (environment.kind === 'uat' || environment.kind === 'production') &&
      known.environment !== environment.kind
    ) {
      return {
        status: 'warn',
        detail: `${served} But ${libVersion} is the ${known.environment.toUpperCase()} version.`,
        hint: DIAGNOSIS_HINTS.versionEnvironment,
      }
    }
    const integrity = sriOf(outcome.body)
    return integrity === known.integrity
      ? { status: 'pass', detail: `${served} It matches the published SRI.`, hint: '' }
      : {
          status: 'fail',
          detail: `${served} Its hash ${integrity} differs from the published ${known.integrity}.`,
          hint: DIAGNOSIS_HINTS.sriMismatch,
        }
  } finally {
    http.close()
  }
}
