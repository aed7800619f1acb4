import { useStore } from '@renderer/store-context'
import { useModalDialog } from '@renderer/components/useModalDialog'

/** Production creates only after an explicit yes; Cancel and Escape send nothing. */
export function ProductionDialog() {
  const confirming = useStore((s) => s.session.confirming)
  const terminal = useStore((s) => s.session.form.processingTerminalId)
  const confirm = useStore((s) => s.session.confirm)
  const cancel = useStore((s) => s.session.cancel)
  const ref = useModalDialog(confirming)

  return (
    <dialog
      ref={ref}
      className="production-dialog"
      aria-labelledby="production-dialog-title"
      aria-describedby="production-dialog-text"
      onCancel={(e) => {
        e.preventDefault()
        cancel()
      }}
    >
      <h2 id="production-dialog-title">Confirm production call</h2>
      <p id="production-dialog-text">
        This creates a real Hosted Fields session on Payroc <strong>production</strong> for processing
        terminal <code>{terminal.trim() || '(none)'}</code>. Real merchants, real records.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={cancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => void confirm()}>
          Create in production
        </button>
      </div>
    </dialog>
  )
}
