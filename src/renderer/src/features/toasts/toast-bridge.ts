import type { AppError } from '@shared/result'
import type { AppStore, Store } from '@renderer/app-store'
import type { VerdictTone } from '@shared/attempt-verdict'
import { verdictOf } from '@renderer/features/session/attempt'
import type { ToastTone } from './toast-slice'

type Note = { tone: ToastTone; message: string; key?: string }

const TOAST_TONE: Record<VerdictTone, ToastTone> = {
  success: 'success',
  warning: 'info',
  pending: 'info',
  error: 'failure',
}

const failure = (what: string, error: AppError): Note => ({
  tone: 'failure',
  message: `${what} failed${error.status !== undefined ? ` (${error.status})` : ''}: ${error.problem?.title ?? error.message}`,
})

/**
 * Which outcomes deserve a toast, from one state to the next. Pure, so it is tested without a DOM. The full
 * error stays in its panel (the one role=alert); the toast is a polite one-liner that points at it.
 */
export function notesFor(next: Store, previous: Store): Note[] {
  const notes: Note[] = []
  // One toast per attempt, its words the attempt's verdict, replaced as the card form reports — never a green
  // "created" before the form has said whether it works.
  const attempt = next.session.attempt
  const verdict = verdictOf(attempt)
  const before = verdictOf(previous.session.attempt)
  if (attempt && verdict && verdict.tone !== 'pending') {
    const changed = previous.session.attempt?.id !== attempt.id || before?.sentence !== verdict.sentence
    if (changed)
      notes.push({ tone: TOAST_TONE[verdict.tone], message: verdict.sentence, key: `attempt-${attempt.id}` })
  }
  if (next.vault.notice && next.vault.notice !== previous.vault.notice)
    notes.push({ tone: next.vault.noticeTone === 'warning' ? 'info' : 'success', message: next.vault.notice })
  if (next.vault.tested && next.vault.tested !== previous.vault.tested)
    notes.push({ tone: 'success', message: 'Credentials work.' })
  // One message per failure: a keychain error the Credentials panel already explains gets no second copy.
  const keychainExplained =
    next.vault.error?.kind === 'keychain' &&
    !!next.vault.status &&
    (!next.vault.status.keychain.available || !!next.vault.status.storage?.keychainProblem)
  if (next.vault.error && next.vault.error !== previous.vault.error && !keychainExplained)
    notes.push(failure('Credentials', next.vault.error))
  const batch = next.batch.progress
  if (batch && batch.state !== 'running' && previous.batch.progress?.state === 'running')
    notes.push({
      tone: batch.failures > 0 ? 'info' : 'success',
      message: `Batch check ${batch.state}: ${batch.done}/${batch.total} done, ${batch.failures} failure${batch.failures === 1 ? '' : 's'}.`,
    })
  if (next.secureToken.saved && next.secureToken.saved !== previous.secureToken.saved)
    notes.push({
      tone: 'success',
      message: `Secure token ${next.secureToken.saved.secureTokenId} ${next.secureToken.savedBy === 'update' ? 'updated' : 'saved'}.`,
    })
  return notes
}

/** Pushes a toast for every outcome worth one; returns the unsubscribe. */
export function connectToasts(store: AppStore): () => void {
  return store.subscribe((next, previous) => {
    for (const note of notesFor(next, previous)) next.toasts.push(note.tone, note.message, note.key)
  })
}
