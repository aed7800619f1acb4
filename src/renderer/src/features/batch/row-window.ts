/**
 * Which rows of a long table are rendered: the ones in view plus a margin, from a fixed row height and the
 * scroll offset. Pure, so the unit tests pin it; the table pads the rest with two spacer rows.
 */
export const ROW_HEIGHT_PX = 32
/** Rows in view at once (the scroll box is this tall). */
export const VIEWPORT_ROWS = 14
/** Rows rendered above and below the view, so a fast scroll shows no blank. */
export const OVERSCAN_ROWS = 10

export interface RowWindow {
  start: number
  end: number
  /** Pixels of the spacer above the first rendered row and below the last. */
  before: number
  after: number
}

export function windowOf(total: number, scrollTop: number, rowHeight = ROW_HEIGHT_PX): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const start = Math.max(0, Math.min(first - OVERSCAN_ROWS, total - VIEWPORT_ROWS - OVERSCAN_ROWS))
  const end = Math.min(total, first + VIEWPORT_ROWS + OVERSCAN_ROWS)
  const from = Math.max(0, Math.min(start, end))
  return { start: from, end, before: from * rowHeight, after: (total - end) * rowHeight }
}
