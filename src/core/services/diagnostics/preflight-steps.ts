/**
 * Preflight for one environment + profile + terminal: each step pass / fail / warn / skipped, with timing, one
 * line of detail and a hint from the catalogue. A step whose prerequisite failed is 'skipped' with the reason,
 * so the first failure is the one to fix. The latest report per environment is kept for the support bundle.
 */
import type { JournalEntry } from '../../../shared/contract'
import type {
  PreflightReport,
  PreflightRequest,
  PreflightStatus,
  PreflightStep,
  PreflightStepId,
} from '../../../shared/diagnostics'
import { confirmationMissing, type EnvironmentInfo } from '../../../shared/environments'
import type { AppError } from '../../../shared/result'
import type { GatewayRegistry } from '../gateway/gateway-registry'
import { DIAGNOSIS_HINTS, HINTS } from '../../hint-catalogue'
import type { HttpTimeouts } from '../gateway/http-client'
import type { Journal } from '../storage/exchange-journal'
import { checkLibraryScript } from './library-check'
import { probeHost } from './host-probe'
import type { Vault } from '../credentials/vault'

export const CLOCK_SKEW_WARN_MS = 30_000

export interface PreflightDeps {
  vault: Vault
  gateways: GatewayRegistry
  journal: Journal
  timeouts: HttpTimeouts
  /** The embedded sandbox's terminal capabilities (sandbox environment only). */
  sandboxTokenization?: (processingTerminalId: string) => Promise<boolean | undefined>
}

type Finding = Omit<PreflightStep, 'id' | 'title' | 'durationMs'>

const TITLES: Record<PreflightStepId, string> = {
  keychain: 'Keychain available',
  'api-key': 'API key present',
  'identity-host': 'Identity host reachable',
  'key-accepted': 'API key accepted',
  'payment-session': 'Terminal can open a payment session',
  'tokenization-session': 'Terminal can open a tokenization session',
  'library-script': 'Library script served by the CDN',
  'clock-skew': 'Clock in step with the gateway',
}

const pass = (detail: string, extra: Partial<Finding> = {}): Finding => ({
  status: 'pass',
  detail,
  hint: '',
  ...extra,
})
const skipped = (detail: string, hint: string = DIAGNOSIS_HINTS.prerequisite): Finding => ({
  status: 'skipped',
  detail,
  hint,
})
const failed = (error: AppError): Finding => ({
  status: 'fail',
  detail: error.message,
  hint: error.hint,
  ...(error.journalId ? { journalId: error.journalId } : {}),
})

/** Skew = gateway Date − the local midpoint of the exchange; the Date header has 1 s resolution. */
export function clockSkewMs(entry: JournalEntry | undefined): number | undefined {
  const attempt = entry?.attempts.findLast((item) => item.response?.headers['date'] !== undefined)
  const date = attempt?.response?.headers['date']
  if (!attempt || !date) return undefined
  const server = Date.parse(date)
  if (Number.isNaN(server)) return undefined
  return server - (Date.parse(attempt.startedAt) + attempt.durationMs / 2)
}

export async function runPreflight(
  environment: EnvironmentInfo,
  request: PreflightRequest,
  deps: PreflightDeps,
): Promise<PreflightReport> {
  const steps: PreflightStep[] = []
  const status = (id: PreflightStepId): PreflightStatus | undefined =>
    steps.find((step) => step.id === id)?.status
  const run = async (id: PreflightStepId, check: () => Promise<Finding>): Promise<PreflightStep> => {
    const started = performance.now()
    const finding = await check()
    const step = { id, title: TITLES[id], durationMs: Math.round(performance.now() - started), ...finding }
    steps.push(step)
    return step
  }
  const { profile, processingTerminalId, libVersion } = request
  const client = deps.gateways.get(environment, profile)
  const startedAt = new Date().toISOString()
  const vault = await deps.vault.status(environment.id, profile)
  const managed = vault.source === 'managed'

  await run('keychain', async () => {
    if (vault.keychain.available) return pass('The OS keychain answered.')
    const detail = vault.keychain.message ?? 'The OS keychain is unavailable.'
    if (managed)
      return {
        status: 'warn',
        detail: `${detail} Not needed for the sandbox's built-in key.`,
        hint: vault.keychain.hint ?? HINTS.keychain,
      }
    return { status: 'fail', detail, hint: vault.keychain.hint ?? HINTS.keychain }
  })
  await run('api-key', async () => {
    if (vault.configured)
      return pass(`A key is saved for profile "${profile}" (${vault.masked ?? 'masked'}, ${vault.source}).`)
    if (status('keychain') === 'fail') return skipped('The keychain is unavailable, so no key can be read.')
    return {
      status: 'fail',
      detail: `No API key is saved for ${environment.name}, profile "${profile}".`,
      hint: "Save the merchant's API key under Credentials (API key, Save key) for this environment and profile.",
    }
  })
  await run('identity-host', async () => {
    const probe = await probeHost(environment.identityBase, deps.timeouts.connectTimeoutMs)
    return probe.ok ? pass(probe.detail) : { status: 'fail', detail: probe.detail, hint: probe.hint }
  })
  let identityJournalId: string | undefined
  await run('key-accepted', async () => {
    if (status('api-key') !== 'pass') return skipped('Needs an API key.')
    if (status('identity-host') === 'fail') return skipped('The identity host is unreachable.')
    const tested = await client.testCredentials()
    if (!tested.ok) {
      identityJournalId = tested.error.journalId
      return failed(tested.error)
    }
    identityJournalId = tested.value.journalId
    return pass(`Identity issued a ${tested.value.tokenType} token valid ${tested.value.expiresIn} s.`, {
      journalId: tested.value.journalId,
    })
  })
  const sessionStep = (scenario: 'payment' | 'tokenization') => async (): Promise<Finding> => {
    if (status('key-accepted') !== 'pass') return skipped('Needs an accepted API key.')
    if (confirmationMissing(environment, request.confirmProduction))
      return skipped(
        `Opens a real session in ${environment.name}: needs confirmation.`,
        DIAGNOSIS_HINTS.needsConfirmation,
      )
    const created = await client.createSession({ processingTerminalId, scenario, libVersion })
    if (!created.ok) return failed(created.error)
    const detail = `Session created (token …${created.value.token.slice(-6)}, expires ${created.value.expiresAt}).`
    if (scenario === 'payment') return pass(detail, { journalId: created.value.journalId })
    return tokenizationVerdict(environment, processingTerminalId, detail, created.value.journalId, deps)
  }
  await run('payment-session', sessionStep('payment'))
  await run('tokenization-session', sessionStep('tokenization'))
  await run('library-script', () => checkLibraryScript(environment, libVersion, deps.timeouts))
  await run('clock-skew', async () => {
    const skew = clockSkewMs(identityJournalId ? deps.journal.get(identityJournalId) : undefined)
    if (skew === undefined) return skipped('No answer from the gateway carried a Date header.')
    const seconds = Math.round(skew / 1000)
    const detail = `This computer is ${Math.abs(seconds)} s ${skew > 0 ? 'behind' : 'ahead of'} the gateway.`
    return Math.abs(skew) > CLOCK_SKEW_WARN_MS
      ? { status: 'warn', detail, hint: DIAGNOSIS_HINTS.clockSkew }
      : pass(detail)
  })
  return { steps, startedAt, environmentId: environment.id, profile, processingTerminalId, libVersion }
}

async function tokenizationVerdict(
  environment: EnvironmentInfo,
  processingTerminalId: string,
  detail: string,
  journalId: string,
  deps: PreflightDeps,
): Promise<Finding> {
  if (environment.kind === 'sandbox' && deps.sandboxTokenization) {
    const tokenization = await deps.sandboxTokenization(processingTerminalId)
    if (tokenization === false)
      return {
        status: 'fail',
        detail: `${detail} But the terminal has no secure tokens: the library's initialize() will fail (init error).`,
        hint: DIAGNOSIS_HINTS.secureTokens,
        journalId,
      }
    if (tokenization === true) return pass(`${detail} The terminal has secure tokens.`, { journalId })
  }
  return {
    status: 'warn',
    detail: `${detail} Secure tokens are verified only when the library initialises.`,
    hint: DIAGNOSIS_HINTS.tokenizationUnverified,
    journalId,
  }
}

/** The latest report per environment, for the support bundle. */
export class PreflightReports {
  private readonly latest = new Map<string, PreflightReport>()
  set(report: PreflightReport): void {
    this.latest.set(report.environmentId, report)
  }
  get(environmentId: string): PreflightReport | undefined {
    return this.latest.get(environmentId)
  }
  clear(): void {
    this.latest.clear()
  }
}
