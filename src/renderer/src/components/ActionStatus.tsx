/** What a one-shot action button (Copy as cURL, Export support bundle) last did. */
export type ActionState = { kind: 'idle' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string }

/** The action's outcome, announced politely next to its button. */
export function ActionStatus({ state }: { state: ActionState }) {
  return (
    <span role="status" className={state.kind === 'failed' ? 'action-status bad' : 'action-status'}>
      {state.kind === 'idle' ? '' : state.text}
    </span>
  )
}
