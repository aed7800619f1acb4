import type { AppError } from '@shared/result'
import type { AppStore, Store } from '@renderer/app-store'
import type { ToastTone } from './toast-slice'

type Note = { tone: ToastTone; message: string }

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
  const created = next.session.created
  if (created && created !== previous.session.created)
    notes.push({
      tone: 'success',
      message: `Session created for terminal ${created.processingTerminalId} (${created.scenario}).`,
    })
  const error = next.session.error
  if (error && error !== previous.session.error) notes.push(failure('Create session', error))
  if (next.vault.notice && next.vault.notice !== previous.vault.notice)
    notes.push({ tone: 'success', message: next.vault.notice })
  if (next.vault.tested && next.vault.tested !== previous.vault.tested)
    notes.push({ tone: 'success', message: 'Credentials work.' })
  if (next.vault.error && next.vault.error !== previous.vault.error)
    notes.push(failure('Credentials', next.vault.error))
  const batch = next.batch.progress
  if (batch && batch.state !== 'running' && previous.batch.progress?.state === 'running')
    notes.push({
      tone: batch.failures > 0 ? 'info' : 'success',
      message: `Batch check ${batch.state}: ${batch.done}/${batch.total} done, ${batch.failures} failure${batch.failures === 1 ? '' : 's'}.`,
    })
  if (next.secureToken.saved && next.secureToken.saved !== previous.secureToken.saved)
    notes.push({ tone: 'success', message: `Secure token ${next.secureToken.saved.secureTokenId} saved.` })
  return notes
}

/** Pushes a toast for every outcome worth one; returns the unsubscribe. */
export function connectToasts(store: AppStore): () => void {
  return store.subscribe((next, previous) => {
    for (const note of notesFor(next, previous)) next.toasts.push(note.tone, note.message)
  })
}
