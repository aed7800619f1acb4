import { useId, type ReactNode } from 'react'
import { useModalDialog } from './useModalDialog'

interface Props {
  open: boolean
  title: string
  confirmLabel: string
  /** Styles the dialog and its confirm button as dangerous (production, deleting data). */
  danger?: boolean
  onConfirm(): void
  onCancel(): void
  children: ReactNode
}

/**
 * A modal yes/no step (native <dialog>, role=dialog). Same behaviour as the session's production dialog:
 * Cancel has the focus, Escape cancels, nothing happens without the explicit confirm button.
 */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  danger = true,
  onConfirm,
  onCancel,
  children,
}: Props) {
  const ref = useModalDialog(open)
  const id = useId()

  return (
    <dialog
      ref={ref}
      className={danger ? 'production-dialog' : 'production-dialog neutral'}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-text`}>{children}</div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
