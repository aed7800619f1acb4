import { useEffect, useMemo, useRef, useState } from 'react'
import { useStore } from '@renderer/store-context'
import { countInputLines, firstEntries, isLongList } from './batch-progress'
import './terminal-ids.css'

/**
 * The Terminal IDs textarea. A long list (over LONG_LIST_CHARS, about 1,000 IDs) is folded into a one-line
 * summary when the screen opens: the browser lays out every line of a textarea's value, 10,000 lines cost it
 * 50–100 ms and a garbage collection on each visit (BENCHMARKS.md, row 7). "Show the list" brings the textarea
 * back, with the list, and focuses it. A list typed, pasted or imported while the screen is open stays in view.
 */
export function TerminalIdsField({ id }: { id: string }) {
  const input = useStore((s) => s.batch.input)
  const setInput = useStore((s) => s.batch.setInput)
  // Decided once per visit, from the list the screen opens with.
  const [open, setOpen] = useState(() => !isLongList(input))
  // A list that became short (cleared, a small file imported) is shown again, and stays shown as it grows.
  if (!open && !isLongList(input)) setOpen(true)
  const box = useRef<HTMLTextAreaElement>(null)
  const focusOnOpen = useRef(false)
  useEffect(() => {
    if (!open || !focusOnOpen.current) return
    focusOnOpen.current = false
    box.current?.focus()
  }, [open])
  const entries = useMemo(() => countInputLines(input), [input])
  const unfold = (clear: boolean): void => {
    if (clear) setInput('')
    focusOnOpen.current = true
    setOpen(true)
  }
  const hint = (
    <p className="field-hint" id={`${id}-ids-hint`}>
      One per line, comma-separated, or a CSV with the ID in the first column.{' '}
      {entries > 0 ? `${entries} entries.` : ''}
    </p>
  )
  if (!open) {
    return (
      <div className="field">
        <span className="field-label" id={`${id}-ids-label`}>
          Terminal IDs
        </span>
        <div
          className="long-list"
          role="group"
          aria-labelledby={`${id}-ids-label`}
          aria-describedby={`${id}-ids-hint`}
          data-testid="batch-long-list"
        >
          <p>
            A list of {entries} entries, folded so this screen opens fast:{' '}
            <code>{firstEntries(input, 3)}</code>
            {entries > 3 ? ' …' : ''}
          </p>
          <div className="button-row">
            <button type="button" onClick={() => unfold(false)}>
              Show the list
            </button>
            <button type="button" onClick={() => unfold(true)}>
              Clear the list
            </button>
          </div>
        </div>
        {hint}
      </div>
    )
  }
  return (
    <div className="field">
      <label htmlFor={`${id}-ids`}>Terminal IDs</label>
      <textarea
        id={`${id}-ids`}
        ref={box}
        value={input}
        onChange={(e) => setInput(e.target.value)}
        rows={8}
        spellCheck={false}
        placeholder={'1234001\n1234002, 1234003\n…'}
        aria-describedby={`${id}-ids-hint`}
      />
      {hint}
    </div>
  )
}
