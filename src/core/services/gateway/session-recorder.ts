/**
 * Creating a session and recording it in the history: one logical request, one history entry, whatever the
 * outcome (retries inside the gateway client are attempts of the same entry). session:create and history:rerun
 * both create through here. The environment arrives resolved and confirmed by dispatch: a call refused for want
 * of the Production confirmation never reaches this and is not recorded (the user has not decided yet).
 */
import type { CreateSessionInput, SessionCreated } from '../../../shared/contract'
import type { EnvironmentInfo } from '../../../shared/environments'
import type { Result } from '../../../shared/result'
import type { Journal } from '../storage/exchange-journal'
import { entryVerdict } from '../storage/history-verdicts'
import type { History } from '../storage/session-history'
import type { GatewayRegistry } from './gateway-registry'
import type { SessionOptions } from './gateway-client-types'

export interface SessionRecorderDeps {
  gateways: GatewayRegistry
  journal: Journal
  history: History
}

export async function createAndRecord(
  deps: SessionRecorderDeps,
  environment: EnvironmentInfo,
  input: Omit<CreateSessionInput, 'environmentId' | 'confirmProduction'>,
  rerunOf?: string,
  /** A `budget` from InFlightCalls makes the create cancellable (session:cancel, button Cancel request). */
  options: SessionOptions = {},
): Promise<Result<SessionCreated>> {
  const { profile, ...request } = input
  const at = new Date()
  const started = performance.now()
  const created = await deps.gateways.get(environment, profile).createSession(request, options)
  const journalId = created.ok ? created.value.journalId : created.error.journalId
  const entry = journalId ? deps.journal.get(journalId) : undefined
  const call = created.ok
    ? { outcome: 'ok' as const, expiresAt: created.value.expiresAt }
    : {
        outcome: 'error' as const,
        errorKind: created.error.kind,
        message: created.error.message,
        ...((created.error.status ?? entry?.status) !== undefined
          ? { status: created.error.status ?? entry?.status }
          : {}),
      }
  const verdict = entryVerdict(
    { ...call, scenario: request.scenario, processingTerminalId: request.processingTerminalId },
    environment.name,
    { state: 'none' },
    created.ok ? undefined : created.error.hint,
  )
  // Answered only once the entry is durable (group commit); an entry that could not be written is logged by
  // History and not acknowledged: the session is still returned (it exists at the gateway), without historyId.
  const stored = await deps.history
    .record({
      at: at.toISOString(),
      environmentId: environment.id,
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
      kind: 'session',
      verdict,
    })
    .catch(() => undefined)
  return created.ok
    ? { ok: true, value: { ...created.value, ...(stored ? { historyId: stored.id } : {}) } }
    : created
}
