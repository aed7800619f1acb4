/**
 * The current attempt: the API call and what its card form has said, for the one verdict (Outcome region,
 * toasts, History). Pure, so the slice, the toast bridge and the tests share it.
 */
import {
  attemptLabel,
  attemptVerdict,
  earlierLabel,
  type AttemptVerdict,
  type LibraryOutcome,
} from '@shared/attempt-verdict'
import type { SessionCreated } from '@shared/contract'
import type { Scenario } from '@shared/payroc'
import type { Result } from '@shared/result'

export interface Attempt {
  /** Grows with every attempt; the toast of an attempt is keyed by it. */
  id: number
  call: Result<SessionCreated> | 'pending'
  library: LibraryOutcome
  scenario: Scenario
  processingTerminalId: string
  environmentId: string
  environmentLabel: string
  profile: string
}

/** What decides whether the shown session still belongs to what the form and the target say now. */
export interface StaleInput {
  created: SessionCreated | null
  attempt: Attempt | null
  environmentId: string
  profile: string
  terminal: string
  environmentName: (id: string) => string
}

/**
 * The label of the shown session when it is no longer the current one ("Earlier session · Payment · 1234001 ·
 * Sandbox"): a newer attempt, another environment, profile or terminal. Null while it is current.
 */
export function staleLabel(input: StaleInput): string | null {
  const { created, attempt } = input
  if (!created) return null
  const newer =
    attempt !== null &&
    (attempt.call === 'pending' || !attempt.call.ok || attempt.call.value.token !== created.token)
  const moved =
    input.environmentId !== created.environmentId ||
    (attempt !== null && input.profile !== attempt.profile) ||
    input.terminal.trim() !== created.processingTerminalId
  if (!newer && !moved) return null
  return earlierLabel(
    attemptLabel({
      scenario: created.scenario,
      processingTerminalId: created.processingTerminalId,
      environmentLabel: input.environmentName(created.environmentId),
    }),
  )
}

export const verdictOf = (attempt: Attempt | null): AttemptVerdict | null =>
  attempt
    ? attemptVerdict({
        call: attempt.call,
        library: attempt.library,
        scenario: attempt.scenario,
        processingTerminalId: attempt.processingTerminalId,
        environmentLabel: attempt.environmentLabel,
      })
    : null

/** Library states worth recording in History (the transient ones are not). */
export const REPORTED_STATES = [
  'ready',
  'init-error',
  'config-error',
  'field-error',
  'submitted',
  'submission-error',
  'expired',
] as const
export type ReportedState = (typeof REPORTED_STATES)[number]
export const isReported = (state: LibraryOutcome['state']): state is ReportedState =>
  (REPORTED_STATES as readonly string[]).includes(state)
