import { useEffect, useRef, useState } from 'react'
import { useStore } from '@renderer/store-context'
import type { Toast } from './toast-slice'

/** How long a toast stays when nobody hovers or focuses it. */
export const TOAST_MS = 6000

function ToastItem({ toast, paused }: { toast: Toast; paused: boolean }) {
  const dismiss = useStore((s) => s.toasts.dismiss)
  const remaining = useRef(TOAST_MS)

  // Counts down only while not paused; a pause keeps the time that is left (at least a second).
  useEffect(() => {
    if (paused) return
    const startedAt = Date.now()
    const timer = setTimeout(() => dismiss(toast.id), remaining.current)
    return () => {
      clearTimeout(timer)
      remaining.current = Math.max(1000, remaining.current - (Date.now() - startedAt))
    }
  }, [paused, dismiss, toast.id])

  return (
    <li className="toast" data-tone={toast.tone}>
      <span className="toast-icon" aria-hidden="true">
        {toast.tone === 'success' ? '✓' : toast.tone === 'failure' ? '!' : 'i'}
      </span>
      <p className="toast-message">{toast.message}</p>
      <button
        type="button"
        className="toast-close"
        aria-label="Dismiss notification"
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </li>
  )
}

/**
 * Outcome toasts: announced politely (role=status), never focused, dismissed after a while — the timer pauses
 * while the pointer is over them or the focus is inside, so they can be read and closed at leisure.
 */
export function Toasts() {
  const items = useStore((s) => s.toasts.items)
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  return (
    <div
      className="toasts"
      role="status"
      aria-live="polite"
      aria-label="Notifications"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false)
      }}
    >
      {items.length > 0 && (
        <ul>
          {items.map((toast) => (
            <ToastItem key={toast.id} toast={toast} paused={hovered || focused} />
          ))}
        </ul>
      )}
    </div>
  )
}
