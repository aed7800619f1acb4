/**
 * Batch check by scenario: payment, tokenization or both. How rows expand, how a tokenization check decides
 * "ok", and the CSV (with environment and profile).
 *
 * Why a created session is not enough for tokenization: the gateway creates tokenization sessions for every
 * terminal (1234002 included); the failure only shows when the library initialises. The library learns it from
 * the terminal configuration it fetches first — `GET {gateway}/merchant/api/v2/hosted-fields-sessions/{token}/
 * configuration`, whose `tokenization.enabled` it reads (`isSecureTokenEnabled = tokenization?.enabled ?? false`,
 * Payroc's UAT build) — so the batch asks the SAME question with the session it just created:
 *   1. `configuration` source (preferred): the route the library itself reads, so the batch and the card form
 *      agree by construction; read-only, authorised by the session token (no API key). Used where the gateway
 *      host is known (UAT: testpayments.worldnettps.com; the sandbox once it serves Payroc's /merchant paths).
 *   2. `capabilities` source: the sandbox's GET /sandbox-capabilities/terminals/{id} (src/sandbox/
 *      capabilities.ts), which preflight already uses — only while the sandbox lacks the configuration route.
 *   3. Neither (production: its gateway host is unconfirmed): the row says "unverified", never "ok".
 */
import type { Scenario } from '../../../shared/payroc'

export type BatchScenarioChoice = Scenario | 'both'
export const BATCH_SCENARIO_CHOICES: readonly BatchScenarioChoice[] = ['payment', 'tokenization', 'both']

export const scenariosOf = (choice: BatchScenarioChoice): Scenario[] =>
  choice === 'both' ? ['payment', 'tokenization'] : [choice]

/** One parsed input entry (the shape of terminal-list.ts ParsedTerminal). */
export interface ParsedEntry {
  line: number
  input: string
  processingTerminalId?: string
  invalid?: string
  duplicateOf?: number
}

export type ExpandedEntry = ParsedEntry & { scenario?: Scenario }

/**
 * Each checkable entry becomes one row per scenario (payment first), sharing its input line; an invalid or
 * repeated entry stays ONE row without a scenario (flagged once, never dropped, never doubled).
 */
export function expandEntries(entries: readonly ParsedEntry[], choice: BatchScenarioChoice): ExpandedEntry[] {
  const scenarios = scenariosOf(choice)
  const rows: ExpandedEntry[] = []
  for (const entry of entries) {
    if (
      entry.invalid !== undefined ||
      entry.duplicateOf !== undefined ||
      entry.processingTerminalId === undefined
    )
      rows.push({ ...entry })
    else for (const scenario of scenarios) rows.push({ ...entry, scenario })
  }
  return rows
}

export type ScenarioVerdict =
  'ok' | 'no-secure-tokens' | 'unverified' | 'forbidden' | 'auth' | 'rate-limited' | 'error' | 'cancelled'

export interface ScenarioOutcome {
  verdict: ScenarioVerdict
  hint: string
  status?: number
  message?: string
  journalId?: string
  retryAfterMs?: number
}

/** The session step, already mapped: a token, or the row's outcome for a failed create. */
export type SessionStep =
  { ok: true; token: string; status: number; journalId?: string } | { ok: false; outcome: ScenarioOutcome }

export type ConfigurationSource = 'configuration' | 'capabilities'
export type ProbeResult =
  { ok: true; source: ConfigurationSource; body: unknown } | { ok: false; message: string }

export interface TokenizationCheck {
  createSession(processingTerminalId: string, signal: AbortSignal): Promise<SessionStep>
  /** Absent where no source exists (production): the row is "unverified". */
  probe?(token: string, processingTerminalId: string, signal: AbortSignal): Promise<ProbeResult>
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Whether the terminal allows secure tokens, as the library would decide; undefined when the answer cannot say.
 * configuration: `tokenization.enabled === true` (missing counts as false, like the library);
 * capabilities: the boolean `tokenization`.
 */
export function tokenizationEnabled(source: ConfigurationSource, body: unknown): boolean | undefined {
  if (!isRecord(body)) return undefined
  if (source === 'capabilities')
    return typeof body['tokenization'] === 'boolean' ? body['tokenization'] : undefined
  // The gateway answers `{ configuration: { tokenization: { enabled } } }`; the library reads the inner object.
  const configuration = isRecord(body['configuration']) ? body['configuration'] : body
  const tokenization = configuration['tokenization']
  return isRecord(tokenization) ? tokenization['enabled'] === true : false
}

/**
 * Where the library's gateway side lives for an environment, or undefined where it is unknown (production,
 * custom environments): the sandbox serves Payroc's /merchant paths itself; UAT's build calls this host.
 */
export const UAT_LIBRARY_GATEWAY = 'https://testpayments.worldnettps.com'
export function libraryGatewayOrigin(environment: { kind: string; apiBase: string }): string | undefined {
  if (environment.kind === 'sandbox') return new URL(environment.apiBase).origin
  if (environment.kind === 'uat') return UAT_LIBRARY_GATEWAY
  return undefined
}

export const configurationUrl = (gatewayOrigin: string, token: string): string =>
  `${gatewayOrigin.replace(/\/+$/, '')}/merchant/api/v2/hosted-fields-sessions/${encodeURIComponent(token)}/configuration`

export const SCENARIO_HINTS = {
  tokenizationOk:
    'The terminal opened a tokenization session and allows secure tokens (the session expires unused).',
  noSecureTokens:
    'The session was created, but this terminal is not set up for secure tokens: the card form would fail. Use payment, or ask Payroc to enable secure tokens.',
  unverified:
    'The session was created, but whether the terminal allows secure tokens could not be checked here; try the Session screen with Tokenization.',
} as const

export async function checkTokenization(
  deps: TokenizationCheck,
  processingTerminalId: string,
  signal: AbortSignal,
): Promise<ScenarioOutcome> {
  const session = await deps.createSession(processingTerminalId, signal)
  if (!session.ok) return session.outcome
  const journal = session.journalId ? { journalId: session.journalId } : {}
  const unverified = (message: string): ScenarioOutcome => ({
    verdict: 'unverified',
    hint: SCENARIO_HINTS.unverified,
    status: session.status,
    message,
    ...journal,
  })
  if (!deps.probe) return unverified('No configuration source for this environment.')
  const probed = await deps.probe(session.token, processingTerminalId, signal)
  if (!probed.ok) return unverified(probed.message)
  const enabled = tokenizationEnabled(probed.source, probed.body)
  if (enabled === undefined) return unverified(`The ${probed.source} answer did not say.`)
  return enabled
    ? { verdict: 'ok', hint: SCENARIO_HINTS.tokenizationOk, status: session.status, ...journal }
    : {
        verdict: 'no-secure-tokens',
        hint: SCENARIO_HINTS.noSecureTokens,
        status: session.status,
        message: 'Secure tokens are not enabled for this terminal.',
        ...journal,
      }
}

/**
 * Verdicts that make a row "not ok" (a batch's failed count; CLI exit 1 unless --fail-on none).
 * Pending/cancelled are not results.
 */
const NOT_OK: ReadonlySet<string> = new Set([
  'no-secure-tokens',
  'unverified',
  'forbidden',
  'auth',
  'invalid',
  'rate-limited',
  'error',
])
export const isNotOk = (verdict: string): boolean => NOT_OK.has(verdict)

export type FailOn = 'any' | 'none'
export function batchExitCode(
  rows: readonly { verdict: string }[],
  failOn: FailOn,
  cancelled = false,
): 0 | 1 {
  if (failOn === 'none') return 0
  return cancelled || rows.some((row) => isNotOk(row.verdict) || row.verdict === 'cancelled') ? 1 : 0
}

export const BATCH_CSV_COLUMNS = [
  'line',
  'input',
  'processingTerminalId',
  'scenario',
  'environment',
  'environmentId',
  'profile',
  'status',
  'verdict',
  'hint',
  'message',
  'durationMs',
  'journalId',
  'duplicateOf',
] as const

export interface CsvRowLike extends ExpandedEntry {
  status?: number
  verdict: string
  hint: string
  message?: string
  durationMs?: number
  journalId?: string
}

/** Header + cells for exports/csv.ts toCsv: every row names the environment and profile it was checked with. */
export function batchCsvTable(
  rows: readonly CsvRowLike[],
  context: { environmentId: string; environmentLabel: string; profile: string },
): { header: readonly string[]; rows: (string | number | undefined)[][] } {
  return {
    header: BATCH_CSV_COLUMNS,
    rows: rows.map((row) => [
      row.line,
      row.input,
      row.processingTerminalId,
      row.scenario,
      context.environmentLabel,
      context.environmentId,
      context.profile,
      row.status,
      row.verdict,
      row.hint,
      row.message,
      row.durationMs,
      row.journalId,
      row.duplicateOf,
    ]),
  }
}
