import { useId } from 'react'
import { FORCED_RESPONSES, type ForcedResponseName as ForcedResponse } from '@shared/forced-responses'
import { useStore } from '@renderer/store-context'

const LABELS: Record<ForcedResponse, string> = {
  '500': '500 Internal Server Error',
  '429': '429 Too Many Requests',
  timeout: 'Timeout (no answer in time)',
  slow: 'Slow answer',
  reset: 'Connection reset',
}
const isForced = (value: string): value is ForcedResponse =>
  (FORCED_RESPONSES as readonly string[]).includes(value)

/**
 * Force next response (Sandbox only): the next create-session request gets this answer once (a one-shot fault
 * main sets in its embedded sandbox through sandbox:forceNext); the console's retries then follow as usual.
 */
export function ForceNextResponse() {
  const id = useId()
  const sandbox = useStore((s) => s.environment.environmentId === 'sandbox')
  const forced = useStore((s) => s.session.forced)
  const forceNext = useStore((s) => s.session.forceNext)
  if (!sandbox) return null
  return (
    <div className="field force-next">
      <label htmlFor={`${id}-force`}>Force next response</label>
      <select
        id={`${id}-force`}
        value={forced ?? ''}
        aria-describedby={`${id}-force-help`}
        onChange={(e) => isForced(e.target.value) && void forceNext(e.target.value)}
      >
        <option value="">Normal</option>
        {FORCED_RESPONSES.map((action) => (
          <option key={action} value={action}>
            {LABELS[action]}
          </option>
        ))}
      </select>
      <p id={`${id}-force-help`} className="help">
        {forced ? `Set: the next create gets ${LABELS[forced]} once.` : 'Sandbox only, one request.'}
      </p>
    </div>
  )
}
