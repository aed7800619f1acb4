import { describe, expect, it } from 'vitest'
import { HISTORY_CAPACITY } from '../../src/core/services/storage/session-history'
import {
  CLEAR_ALL_DATA,
  EVENT_LOG_RETENTION,
  HISTORY_RETENTION,
  missingFromClear,
  pushBounded,
  retainNewest,
} from '../../src/shared/retention'

describe('retention', () => {
  it('History keeps 1,000 (the same cap history.ts enforces today); the Event log 5,000', () => {
    expect(HISTORY_RETENTION).toBe(1000)
    expect(HISTORY_RETENTION).toBe(HISTORY_CAPACITY)
    expect(EVENT_LOG_RETENTION).toBe(5000)
  })
  it('retainNewest keeps the newest items, oldest first, without changing the input', () => {
    const items = [1, 2, 3, 4, 5]
    expect(retainNewest(items, 3)).toEqual([3, 4, 5])
    expect(retainNewest(items, 10)).toEqual(items)
    expect(retainNewest(items, 0)).toEqual([])
    expect(items).toEqual([1, 2, 3, 4, 5])
    expect(() => retainNewest(items, -1)).toThrow(RangeError)
    expect(() => retainNewest(items, 1.5)).toThrow(RangeError)
  })
  it('pushBounded evicts the oldest in place and reports how many', () => {
    const log: number[] = []
    let evicted = 0
    for (let i = 0; i < EVENT_LOG_RETENTION + 7; i += 1) evicted += pushBounded(log, i, EVENT_LOG_RETENTION)
    expect(log).toHaveLength(EVENT_LOG_RETENTION)
    expect(log[0]).toBe(7)
    expect(log.at(-1)).toBe(EVENT_LOG_RETENTION + 6)
    expect(evicted).toBe(7)
  })
})

describe('Clear all data', () => {
  it('declares every store the issue names, each once', () => {
    const ids = CLEAR_ALL_DATA.map((item) => item.id)
    for (const id of [
      'history',
      'settings',
      'keychain-entries',
      'session-only-keys',
      'fallback-store',
      'cached-scripts',
    ] as const)
      expect(ids).toContain(id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const item of CLEAR_ALL_DATA) expect(item.label.length * item.where.length).toBeGreaterThan(0)
  })
  it('missingFromClear names what a handler forgot', () => {
    expect(missingFromClear(CLEAR_ALL_DATA.map((item) => item.id))).toEqual([])
    expect(missingFromClear(['history', 'settings', 'keychain-entries'])).toEqual([
      'session-only-keys',
      'fallback-store',
      'cached-scripts',
      'event-log',
      'journal',
      'bearer-tokens',
      'corrupt-copies',
    ])
  })
})
