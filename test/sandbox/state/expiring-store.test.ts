/** ExpiringStore: expiry, the retain window and the count cap. */
import { describe, expect, it } from 'vitest'
import { ExpiringStore } from '../../../src/sandbox/state/expiring-store'

describe('ExpiringStore', () => {
  it('keeps expired records visible to peek (not get) for the retain window, then drops them', () => {
    let now = 0
    const store = new ExpiringStore<{ expiresAt: number }>(10, () => now, 1_000)
    store.set('a', { expiresAt: 100 })
    now = 500
    expect(store.get('a')).toBeUndefined()
    expect(store.peek('a')).toEqual({ expiresAt: 100 })
    expect(store.sweep()).toBe(0)
    now = 1_100
    expect(store.sweep()).toBe(1)
    expect(store.peek('a')).toBeUndefined()
  })

  it('hides expired entries and evicts the oldest past the cap', () => {
    let now = 1000
    const store = new ExpiringStore<{ expiresAt: number; n: number }>(3, () => now)
    for (let n = 0; n < 5; n++) store.set(`k${n}`, { expiresAt: 2000 + n, n })
    expect(store.size).toBe(3)
    expect(store.evictedByCap).toBe(2)
    expect(store.get('k0')).toBeUndefined()
    expect(store.get('k4')?.n).toBe(4)
    now = 2003
    expect(store.get('k3')).toBeUndefined()
    expect(store.peek('k4')).toBeDefined()
    now = 5000
    expect(store.sweep()).toBe(2)
    expect(store.size).toBe(0)
  })
})
