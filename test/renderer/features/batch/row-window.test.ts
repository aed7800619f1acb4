import { describe, expect, it } from 'vitest'
import { OVERSCAN_ROWS, ROW_HEIGHT_PX, VIEWPORT_ROWS, windowOf } from '@renderer/features/batch/row-window'

describe('windowOf: the rows of a long table that are rendered', () => {
  it('a short table renders every row, no spacers', () => {
    expect(windowOf(5, 0)).toEqual({ start: 0, end: 5, before: 0, after: 0 })
  })
  it('10,000 rows render the same small window wherever the scroll is', () => {
    const top = windowOf(10_000, 0)
    expect(top.end - top.start).toBe(VIEWPORT_ROWS + OVERSCAN_ROWS)
    const middle = windowOf(10_000, 5000 * ROW_HEIGHT_PX)
    expect(middle.start).toBe(5000 - OVERSCAN_ROWS)
    expect(middle.end - middle.start).toBe(VIEWPORT_ROWS + 2 * OVERSCAN_ROWS)
    // The spacers keep the scroll height of all rows.
    expect(middle.before + (middle.end - middle.start) * ROW_HEIGHT_PX + middle.after).toBe(
      10_000 * ROW_HEIGHT_PX,
    )
  })
  it('at the very bottom the last row is rendered', () => {
    const bottom = windowOf(10_000, 10_000 * ROW_HEIGHT_PX)
    expect(bottom.end).toBe(10_000)
    expect(bottom.after).toBe(0)
    expect(bottom.end - bottom.start).toBeGreaterThanOrEqual(VIEWPORT_ROWS)
  })
})
