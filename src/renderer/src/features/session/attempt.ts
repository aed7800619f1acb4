/**
 * The current attempt: the API call and what its card form has said, for the one verdict (Outcome region,
 * toasts, History). Pure, so the slice, the toast bridge and the tests share it.
 */
import { attemptVerdict, type AttemptVerdict, type LibraryOutcome } from '@shared/attempt-verdict'
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
