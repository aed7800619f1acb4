/**
 * Windowed rendering for long lists (History at 1,000 entries, the Event log at 5,000 events): only the rows
 * in and near the scroll container's view are rendered, with spacers standing in for the rest, so rendering
 * costs the same at 1,000 as at 100. Short lists (≤ `threshold`) render whole: nothing changes for them.
 *
 * Row heights may vary (a wrapped cell, an event's payload): the hook measures the rendered rows' average and
 * sizes the spacers from it. Pure arithmetic in `windowRange`, unit-tested; the hook only wires it to scroll.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react'

export interface WindowRange {
  start: number
  end: number
  padTop: number
  padBottom: number
}

export interface WindowOptions {
  /** Lists up to this length render whole. */
  threshold?: number
  /** Rows rendered beyond the view on each side. */
  overscan?: number
  /** First guess of a row's height, before one is measured. */
  estimate?: number
}

const DEFAULTS = { threshold: 150, overscan: 20, estimate: 36 }

/** Which rows to render for a scroll position (all of them for a short list). */
export function windowRange(
  count: number,
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  options: WindowOptions = {},
): WindowRange {
  const { threshold, overscan } = { ...DEFAULTS, ...options }
  if (count <= threshold) return { start: 0, end: count, padTop: 0, padBottom: 0 }
  const height = Math.max(1, rowHeight)
  const first = Math.floor(Math.max(0, scrollTop) / height)
  const visible = Math.ceil(Math.max(viewHeight, height) / height)
  const start = Math.max(0, Math.min(count - 1, first - overscan))
  const end = Math.min(count, first + visible + overscan)
  return { start, end, padTop: start * height, padBottom: (count - end) * height }
}

export function useWindowedRows<E extends HTMLElement>(count: number, options: WindowOptions = {}) {
  const { estimate } = { ...DEFAULTS, ...options }
  const container = useRef<E>(null)
  const rowHeight = useRef(estimate)
  const [scroll, setScroll] = useState({ top: 0, view: 600 })
  const range = windowRange(count, scroll.top, scroll.view, rowHeight.current, options)

  const onScroll = useCallback(() => {
    const element = container.current
    if (element) setScroll({ top: element.scrollTop, view: element.clientHeight })
  }, [])

  // Measures the rendered rows (the container's rows carry data-window-row) to size the spacers.
  useLayoutEffect(() => {
    const element = container.current
    if (!element) return
    const rows = element.querySelectorAll<HTMLElement>('[data-window-row]')
    if (rows.length === 0) return
    let total = 0
    for (const row of rows) total += row.offsetHeight
    const average = total / rows.length
    if (average > 0) rowHeight.current = average
    if (element.clientHeight !== scroll.view)
      setScroll({ top: element.scrollTop, view: element.clientHeight })
  }, [range.start, range.end, scroll.view])

  return { container, onScroll, ...range, windowed: range.end - range.start < count }
}
