/**
 * History's side of the one verdict per attempt (shared/attempt-verdict.ts): the verdict a session entry is
 * recorded with, the library entries the card form's reports become, and the combined verdict a session entry
 * shows once its card form has spoken. Pure: the recorder and the history handler call it; storage is untouched.
 */
import { attemptVerdict, type LibraryOutcome } from '../../../shared/attempt-verdict'
import type {
  EntryVerdict,
  HistoryEntry,
  LibraryReport,
  LibraryState,
} from '../../../shared/contract/history'
import { err, ok, type Result } from '../../../shared/result'
import type { NewHistoryEntry } from './session-history'

type CallFields = Pick<HistoryEntry, 'outcome' | 'errorKind' | 'status' | 'message' | 'expiresAt'>

/** The call's result as far as History knows it (no token is kept; the verdict never needs one). */
function callOf(entry: CallFields): Result<{ token: string; expiresAt: string }> {
  if (entry.outcome === 'ok') return ok({ token: '', expiresAt: entry.expiresAt ?? '' })
  return err({
    kind: entry.errorKind ?? 'internal',
    message: entry.message ?? 'The request failed.',
    hint: '',
    ...(entry.status !== undefined ? { status: entry.status } : {}),
  })
}

export function libraryOutcomeOf(state: LibraryState | undefined, message = ''): LibraryOutcome {
  switch (state) {
    case undefined:
      return { state: 'none' }
    case 'init-error':
    case 'config-error':
    case 'field-error':
    case 'submission-error':
      return { state, message }
    case 'submitted':
      return { state, singleUseToken: '' }
    default:
      return { state }
  }
}

/** The verdict of a call plus (optionally) the card form's state, as History stores it. */
export function entryVerdict(
  entry: CallFields & Pick<HistoryEntry, 'scenario' | 'processingTerminalId'>,
  environmentLabel: string,
  library: LibraryOutcome = { state: 'none' },
  hint?: string,
): EntryVerdict {
  const call = callOf(entry)
  const v = attemptVerdict({
    call,
    library,
    scenario: entry.scenario,
    processingTerminalId: entry.processingTerminalId,
    environmentLabel,
  })
  return { tone: v.tone, sentence: v.sentence, hint: hint ?? v.hint, historyOutcome: v.historyOutcome }
}

/** The library entry a card-form report becomes: the session's fields, its own verdict, no token. */
export function libraryEntry(
  session: HistoryEntry,
  report: LibraryReport,
  environmentLabel: string,
  at = new Date(),
): NewHistoryEntry {
  const verdict = entryVerdict(session, environmentLabel, libraryOutcomeOf(report.state, report.message))
  const { environmentId, profile, processingTerminalId, scenario, libVersion, secureTokenId, tokenSuffix } =
    session
  return {
    at: at.toISOString(),
    environmentId,
    profile,
    processingTerminalId,
    scenario,
    libVersion,
    ...(secureTokenId !== undefined ? { secureTokenId } : {}),
    ...(tokenSuffix !== undefined ? { tokenSuffix } : {}),
    outcome: verdict.tone === 'error' ? 'error' : 'ok',
    ...(report.message ? { message: report.message.slice(0, 500) } : {}),
    durationMs: 0,
    attempts: 0,
    ...(session.journalId ? { journalId: session.journalId } : {}),
    kind: 'library',
    attemptOf: session.id,
    library: report.state,
    verdict,
  }
}

/**
 * Session entries show the verdict as of their card form's latest report (entries newest first, as listed);
 * `all` is every stored entry so a filter never hides the report from its session.
 */
export function withCombinedVerdicts(
  entries: readonly HistoryEntry[],
  all: readonly HistoryEntry[],
): HistoryEntry[] {
  const latest = new Map<string, EntryVerdict>()
  // `all` is newest first: the first library entry seen for a session is its latest report.
  for (const entry of all)
    if (entry.kind === 'library' && entry.attemptOf && entry.verdict && !latest.has(entry.attemptOf))
      latest.set(entry.attemptOf, entry.verdict)
  return entries.map((entry) => {
    const verdict = entry.kind !== 'library' ? latest.get(entry.id) : undefined
    return verdict ? { ...entry, verdict } : entry
  })
}
