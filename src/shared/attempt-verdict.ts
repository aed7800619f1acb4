/**
 * The ONE verdict of an attempt: the API call (session:create) and the card form (the Hosted Fields library)
 * together, in one sentence with one hint. The Outcome region, the toast, History's outcome column, Re-run and
 * the support bundle all show this, so a created session whose form failed never looks like a success.
 * Pure and zod-free: the renderer, main and the tests share it.
 */
import type { SessionCreated } from './contract/session'
import { libraryReason } from './library-reasons'
import type { Scenario } from './payroc'
import type { AppError, Result } from './result'

/** What the card form (library) has said so far about this attempt's session. */
export type LibraryOutcome =
  | { state: 'none' }
  | { state: 'initialising' }
  | { state: 'ready' }
  | { state: 'init-error'; message: string }
  | { state: 'config-error'; message: string }
  | { state: 'field-error'; message: string; field?: string }
  | { state: 'submitted'; singleUseToken: string; expiresAt?: string }
  | { state: 'submission-error'; message: string }
  | { state: 'expired' }

export type VerdictTone = 'success' | 'warning' | 'error' | 'pending'

export interface AttemptInput {
  /** 'pending' while the create is in flight. */
  call: Result<Pick<SessionCreated, 'token' | 'expiresAt'>> | 'pending'
  library: LibraryOutcome
  scenario: Scenario
  processingTerminalId: string
  /** The environment's label as the UI shows it (Sandbox, UAT, Production, a custom name). */
  environmentLabel: string
}

export interface AttemptVerdict {
  tone: VerdictTone
  /** One sentence, ending with a full stop. */
  sentence: string
  hint: string
  /** Short code for History's outcome column and the support bundle. */
  historyOutcome: string
  /** "Tokenization · 1234002 · Sandbox": prefixed with "Earlier session · " once a newer attempt exists. */
  label: string
}

const SCENARIO_LABEL: Record<Scenario, string> = { payment: 'Payment', tokenization: 'Tokenization' }

/** The attempt's label, as shown next to its results (and, once stale, as "Earlier session · …"). */
export const attemptLabel = (
  input: Pick<AttemptInput, 'scenario' | 'processingTerminalId' | 'environmentLabel'>,
) => `${SCENARIO_LABEL[input.scenario]} · ${input.processingTerminalId} · ${input.environmentLabel}`

export const earlierLabel = (label: string): string => `Earlier session · ${label}`

/** Request field names in messages → the UI's labels (INTERFACES.md "UI names"). */
const UI_LABELS: [RegExp, string][] = [
  [/\bprocessingTerminalId\b/g, 'Processing terminal ID'],
  [/\blibVersion\b/g, 'Library version'],
  [/\bsecureTokenId\b/g, 'Secure token ID'],
  [/\bapiKey\b/g, 'API key'],
  [/\bapiBase\b/g, 'API base URL'],
  [/\bidentityBase\b/g, 'Identity base URL'],
  [/\bcdnBase\b/g, 'CDN base URL'],
]

/** "processingTerminalId must be at least 4 characters" → "Processing terminal ID must be at least 4 characters". */
export function withUiLabels(message: string): string {
  let text = message
  for (const [pattern, label] of UI_LABELS) text = text.replace(pattern, label)
  return text
}

const strip = (text: string) => text.trim().replace(/[.\s]+$/, '')

function callReason(error: AppError, terminal: string): string {
  const status = error.status !== undefined ? ` (${error.status})` : ''
  switch (error.kind) {
    case 'auth':
      return `the API key was rejected${status}`
    case 'forbidden':
      return `this API key may not use terminal ${terminal}${status}`
    case 'validation': {
      const first = error.fields ? Object.values(error.fields)[0]?.[0] : undefined
      return withUiLabels(strip(first ?? error.message))
    }
    case 'conflict':
      return `the Idempotency-Key was already used for a different request${status}`
    case 'rate-limited':
      return `the gateway is limiting requests${status}`
    case 'gateway':
      return `the gateway failed${status}`
    case 'network':
      return 'the gateway could not be reached'
    case 'tls':
      return "the gateway's certificate was not accepted"
    case 'timeout':
      return 'the gateway did not answer in time'
    case 'malformed-response':
      return "the gateway's answer was not understood"
    case 'keychain':
      return 'the API key could not be read from the keychain'
    case 'not-acceptable':
    case 'unsupported-media':
    case 'payload-too-large':
      return `the gateway refused the request's format${status}`
    default:
      return withUiLabels(strip(error.message))
  }
}

function failedCall(error: AppError, input: AttemptInput, label: string): AttemptVerdict {
  if (error.kind === 'cancelled')
    return {
      tone: 'warning',
      sentence:
        'Session request cancelled; no session from it is used (one the gateway had already made expires unused).',
      hint: error.hint,
      historyOutcome: 'cancelled',
      label,
    }
  if (error.kind === 'confirmation-required')
    return {
      tone: 'warning',
      sentence: `Not sent: a call to ${input.environmentLabel} needs your confirmation.`,
      hint: error.hint,
      historyOutcome: 'not-confirmed',
      label,
    }
  return {
    tone: 'error',
    sentence: `Session not created: ${callReason(error, input.processingTerminalId)}.`,
    hint: error.hint,
    historyOutcome: `failed-${error.status ?? error.kind}`,
    label,
  }
}

function formVerdict(library: LibraryOutcome, input: AttemptInput, label: string): AttemptVerdict {
  const v = (tone: VerdictTone, sentence: string, hint: string, historyOutcome: string) => ({
    tone,
    sentence,
    hint,
    historyOutcome,
    label,
  })
  switch (library.state) {
    case 'none':
      return v(
        'pending',
        'Session created; the card form has not started yet.',
        'The test page loads the card form.',
        'created',
      )
    case 'initialising':
      return v(
        'pending',
        'Session created; the card form is starting.',
        'Wait for the card fields to appear.',
        'created',
      )
    case 'ready':
      return v(
        'success',
        'Session created and the card form is ready.',
        input.scenario === 'tokenization'
          ? 'Enter card details and submit to get a single-use token to save.'
          : 'Enter card details and submit to get a single-use token.',
        'form-ready',
      )
    case 'init-error':
    case 'config-error':
    case 'field-error': {
      const { reason, hint } = libraryReason(library.message)
      const code = {
        'init-error': 'form-failed',
        'config-error': 'form-config-error',
        'field-error': 'field-failed',
      }
      return v(
        'error',
        `Session created, but the card form failed: ${reason}.`,
        hint,
        `created-${code[library.state]}`,
      )
    }
    case 'submitted':
      return v(
        'success',
        input.scenario === 'tokenization'
          ? 'Card details accepted: single-use token received, ready to save as a secure token.'
          : 'Card details accepted: single-use token received (valid for 30 minutes, one use).',
        input.scenario === 'tokenization'
          ? 'Use Save as secure token (or Update saved details) before the token expires.'
          : 'Use the single-use token once, within 30 minutes.',
        'token-received',
      )
    case 'submission-error': {
      const { reason, hint } = libraryReason(library.message)
      return v('error', `The card form was submitted, but it failed: ${reason}.`, hint, 'submission-failed')
    }
    case 'expired':
      return v(
        'warning',
        'The session expired, so the card form is disabled.',
        'Create a new session: the same terminal, scenario and environment are used again.',
        'expired',
      )
  }
}

/** The combined verdict. Pure: the same input always gives the same words. */
export function attemptVerdict(input: AttemptInput): AttemptVerdict {
  const label = attemptLabel(input)
  if (input.call === 'pending')
    return {
      tone: 'pending',
      sentence: `Creating a ${SCENARIO_LABEL[input.scenario]} session for terminal ${input.processingTerminalId} on ${input.environmentLabel}…`,
      hint: 'Cancel request stops it; nothing is shown until the gateway answers.',
      historyOutcome: 'pending',
      label,
    }
  if (!input.call.ok) return failedCall(input.call.error, input, label)
  return formVerdict(input.library, input, label)
}

const OUTCOME_LABELS: Record<string, string> = {
  pending: 'Pending',
  created: 'Created',
  'form-ready': 'Created · form ready',
  'created-form-failed': 'Created · form failed',
  'created-form-config-error': 'Created · form set-up error',
  'created-field-failed': 'Created · field failed',
  'token-received': 'Token received',
  'submission-failed': 'Submission failed',
  expired: 'Expired',
  cancelled: 'Cancelled',
  'not-confirmed': 'Not confirmed',
}

/** History's outcome column: "failed-403" → "Failed 403", "failed-network" → "Failed (network)". */
export function historyOutcomeLabel(code: string): string {
  const known = OUTCOME_LABELS[code]
  if (known) return known
  const failed = /^failed-(.+)$/.exec(code)
  if (failed?.[1]) return /^\d+$/.test(failed[1]) ? `Failed ${failed[1]}` : `Failed (${failed[1]})`
  return code
}
