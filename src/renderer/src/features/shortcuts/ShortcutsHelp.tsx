import { useEffect, useState } from 'react'
import { useStore } from '@renderer/store-context'
import { isMac, isTyping, SECTION_KEYS, shortcutFor } from './shortcuts'
import { useModalDialog } from '@renderer/components/useModalDialog'

const MOD = isMac(typeof navigator === 'undefined' ? '' : navigator.platform) ? '⌘' : 'Ctrl'

const ROWS: readonly { keys: string[]; what: string }[] = [
  { keys: [MOD, 'Enter'], what: 'Create session (Session screen, from anywhere but a dialog)' },
  ...SECTION_KEYS.map((s) => ({ keys: ['Alt', s.key], what: `Go to ${s.label}` })),
  { keys: ['←', '→'], what: 'Move between sections in the top bar (Enter opens one)' },
  { keys: ['Tab'], what: 'Next control; from the test page’s fields on into the card form' },
  { keys: ['Esc'], what: 'Close a dialog (Cancel in a production confirmation)' },
  { keys: ['?'], what: 'This help' },
]

function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && (k === '→' ? ' / ' : ' + ')}
          <kbd>{k}</kbd>
        </span>
      ))}
    </>
  )
}

/**
 * The global shortcuts (Ctrl/⌘+Enter, Alt+1…6, "?") and their help: a header button that opens a small modal
 * table. Menus of the desktop app add the usual Edit/View/Window accelerators on top.
 */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false)
  const ref = useModalDialog(open)
  const submit = useStore((s) => s.session.submit)
  const go = useStore((s) => s.nav.go)
  const view = useStore((s) => s.nav.view)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Alt+digit: the physical key, so ⌥ on a Mac (which types "¡") and other layouts work too.
      const digit = event.altKey && /^Digit\d$/.test(event.code) ? event.code.slice(5) : event.key
      const action = shortcutFor(
        {
          key: digit,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          shiftKey: event.shiftKey,
        },
        {
          dialogOpen: document.querySelector('dialog[open]') !== null,
          typing: isTyping(event.target),
          view,
        },
      )
      if (!action) return
      event.preventDefault()
      if (action.type === 'create-session') void submit()
      else if (action.type === 'help') setOpen(true)
      else go(action.view)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [submit, go, view])

  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        aria-keyshortcuts="Shift+?"
        aria-haspopup="dialog"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => setOpen(true)}
      >
        Shortcuts <kbd aria-hidden="true">?</kbd>
      </button>
      <dialog
        ref={ref}
        className="confirm-dialog shortcuts-dialog"
        aria-labelledby="shortcuts-title"
        onClose={() => setOpen(false)}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="shortcuts-table">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.what}>
                <td>
                  <Keys keys={row.keys} />
                </td>
                <td>{row.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-actions">
          <button type="button" onClick={() => setOpen(false)} autoFocus>
            Close
          </button>
        </div>
      </dialog>
    </>
  )
}
