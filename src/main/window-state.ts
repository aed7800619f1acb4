/**
 * Remembered window size and position. Pure: takes what was saved and the current displays' work areas and
 * returns bounds that are on screen and at least the minimum size (a monitor may have been unplugged).
 */
import { z } from 'zod'
import type { WindowBounds } from './security'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const SavedWindowState = z.object({
  version: z.literal(1),
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
})
export type SavedWindowState = z.infer<typeof SavedWindowState>

export const MIN_SIZE = { width: 1024, height: 700 }
export const DEFAULT_SIZE = { width: 1280, height: 820 }

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

export function restoreBounds(
  saved: unknown,
  workAreas: readonly Rect[],
): WindowBounds & { maximized: boolean } {
  const parsed = SavedWindowState.safeParse(saved)
  const primary = workAreas[0]
  const fallback = {
    width: Math.min(DEFAULT_SIZE.width, primary?.width ?? DEFAULT_SIZE.width),
    height: Math.min(DEFAULT_SIZE.height, primary?.height ?? DEFAULT_SIZE.height),
    maximized: false,
  }
  if (!parsed.success) return fallback
  const state = parsed.data
  // The display that shows most of the saved window; none (unplugged monitor) → default placement.
  const best = workAreas
    .map((area) => ({ area, shown: overlap(state, area) }))
    .sort((a, b) => b.shown - a.shown)[0]
  if (!best || best.shown < 100 * 100) return { ...fallback, maximized: state.maximized }
  const { area } = best
  const width = Math.min(Math.max(state.width, MIN_SIZE.width), area.width)
  const height = Math.min(Math.max(state.height, MIN_SIZE.height), area.height)
  const x = Math.min(Math.max(state.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(state.y, area.y), area.y + area.height - height)
  return { x, y, width, height, maximized: state.maximized }
}

export function toSavedState(bounds: Rect, maximized: boolean): SavedWindowState {
  return {
    version: 1,
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized,
  }
}
