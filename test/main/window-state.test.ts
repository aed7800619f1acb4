import { describe, expect, it } from 'vitest'
import { restoreBounds, toSavedState } from '../../src/main/window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 900 }
const external = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('remembered window bounds', () => {
  it('restores the saved size and position when that display is still there', () => {
    const saved = toSavedState({ x: 1600, y: 100, width: 1400, height: 900 }, false)
    expect(restoreBounds(saved, [laptop, external])).toEqual({
      x: 1600,
      y: 100,
      width: 1400,
      height: 900,
      maximized: false,
    })
  })
  it('falls back to a default placement when the saved display is gone', () => {
    const saved = toSavedState({ x: 1600, y: 100, width: 1400, height: 900 }, true)
    const restored = restoreBounds(saved, [laptop])
    expect(restored.x).toBeUndefined()
    expect(restored.width).toBe(1280)
    expect(restored.maximized).toBe(true)
  })
  it('never restores below the minimum layout size, nor larger than the display', () => {
    const tiny = restoreBounds(toSavedState({ x: 10, y: 10, width: 300, height: 200 }, false), [laptop])
    expect(tiny.width).toBe(1024)
    expect(tiny.height).toBe(700)
    const huge = restoreBounds(toSavedState({ x: 0, y: 0, width: 5000, height: 3000 }, false), [laptop])
    expect(huge.width).toBe(1440)
    expect(huge.height).toBe(900)
  })
  it('pulls a window that hangs off the edge back onto the screen', () => {
    const restored = restoreBounds(toSavedState({ x: 1000, y: 500, width: 1200, height: 800 }, false), [
      laptop,
    ])
    expect((restored.x ?? Infinity) + restored.width).toBeLessThanOrEqual(1440)
    expect((restored.y ?? Infinity) + restored.height).toBeLessThanOrEqual(900)
  })
  it('ignores a corrupt or foreign saved state', () => {
    expect(restoreBounds({ width: 'wide' }, [laptop]).width).toBe(1280)
    expect(restoreBounds(null, [laptop]).x).toBeUndefined()
  })
})
