import { useStore } from '@renderer/store-context'

/**
 * In place of the card form after a reload: the restored session's token already served a library instance
 * (the page before the reload), so loading it again would only say "already used". Offers a fresh session of
 * the same terminal, scenario and environment.
 */
export function SpentFormNote() {
  const recreate = useStore((s) => s.session.recreate)
  const pending = useStore((s) => s.session.pending)
  return (
    <div className="notice warning" data-testid="spent-form">
      <p>
        <strong>Card form spent.</strong> This session was restored after a reload. Its token already served
        one card form (a session token works for one library instance), so the form is not loaded again.
      </p>
      <button type="button" disabled={pending} onClick={() => void recreate()}>
        Create a new session
      </button>
    </div>
  )
}
