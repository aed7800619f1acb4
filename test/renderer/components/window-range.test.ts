import { describe, expect, it } from 'vitest'
import { windowRange } from '@renderer/components/useWindowedRows'

describe('windowRange', () => {
  it('renders a short list whole', () => {
    expect(windowRange(100, 500, 400, 30)).toEqual({ start: 0, end: 100, padTop: 0, padBottom: 0 })
  })
  it('renders only the view and its overscan of a long list, the same count at 1,000 as at 5,000', () => {
    const small = windowRange(1000, 0, 400, 40, { overscan: 10 })
    expect(small).toEqual({ start: 0, end: 20, padTop: 0, padBottom: 980 * 40 })
    const big = windowRange(5000, 40 * 2500, 400, 40, { overscan: 10 })
    expect(big.start).toBe(2490)
    expect(big.end - big.start).toBe(30)
    expect(big.padTop + (big.end - big.start) * 40 + big.padBottom).toBe(5000 * 40)
  })
  it('stays inside the list when scrolled past its end', () => {
    const range = windowRange(300, 1e9, 400, 40)
    expect(range.end).toBe(300)
    expect(range.start).toBeLessThan(300)
    expect(range.padBottom).toBe(0)
  })
})
