/**
 * Windowed rendering for long lists (History at 1,000 entries, the Event log at 5,000 events): only the rows
 * in and near the scroll container's view are rendered, with spacers standing in for the rest, so rendering
 * costs the same at 1,000 as at 100. Short lists (≤ `threshold`) render whole: nothing changes for them.
 *
 * Row heights may vary (a wrapped cell, an event's payload): the hook measures the rendered rows' average and
 * sizes the spacers from it. Pure arithmetic in `windowRange`, unit-tested; the hook only wires it to scroll.
 */
import { useCallback, useEffect, useState } from 'react'

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
  // A callback ref (state, not useRef): the scroll container is known to render and to the effect alike.
  const [element, setElement] = useState<E | null>(null)
  const [rowHeight, setRowHeight] = useState(estimate)
  const [scroll, setScroll] = useState({ top: 0, view: 600 })
  const range = windowRange(count, scroll.top, scroll.view, rowHeight, options)

  // Measured on scroll and on resize (never during render): the view's height and the rows' average height
  // (rendered rows carry data-window-row).
  const measure = useCallback(() => {
    if (!element) return
    const rows = element.querySelectorAll<HTMLElement>('[data-window-row]')
    let total = 0
    for (const row of rows) total += row.offsetHeight
    const average = rows.length > 0 ? Math.round(total / rows.length) : 0
    if (average > 0) setRowHeight((current) => (Math.abs(average - current) > 1 ? average : current))
    setScroll({ top: element.scrollTop, view: element.clientHeight })
  }, [element])

  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [element, measure])

  return { containerRef: setElement, onScroll: measure, ...range, windowed: range.end - range.start < count }
}
