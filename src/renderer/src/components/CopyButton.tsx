import { useEffect, useState } from 'react'
import { copyToClipboard } from './clipboard'
import './copy-button.css'

/**
 * A small "Copy" button for one token or id, named for what it copies ("Copy secure token ID"), with its own
 * polite status. The value is copied in full; what is shown next to it is up to the caller.
 */
export function CopyButton({
  value,
  what,
  label = 'Copy',
  disabled,
}: {
  value: string
  /** What is copied, for the accessible name and the status: "secure token ID". */
  what: string
  /** The visible text; "Copy" by default (the accessible name always says what). */
  label?: string
  disabled?: boolean
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])
  return (
    <span className="copy copy-inline">
      <button
        type="button"
        className="copy-button"
        aria-label={label === 'Copy' ? `Copy ${what}` : undefined}
        disabled={disabled}
        onClick={() => void copyToClipboard(value).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? `Copy failed — select the ${what} and copy it`
            : ''}
      </span>
    </span>
  )
}
