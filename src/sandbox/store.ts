/**
 * Bounded key → record stores. Entries leave at their expiry (checked on read, swept from the oldest end) and
 * when the count cap is reached (oldest first, by insertion order). A Map keeps insertion order, so "oldest" is
 * always the first key: eviction is O(1) and nothing here grows without bound.
 */
export interface Expiring {
  /** Epoch milliseconds on the sandbox clock. */
  expiresAt: number
}

export class ExpiringStore<V extends Expiring> {
  private readonly map = new Map<string, V>()
  /** Entries removed because the cap was reached (not because they expired). */
  evictedByCap = 0
  expired = 0

  /**
   * @param retainMs how long an expired record is still held (invisible to get, visible to peek), so callers
   *   can tell "expired" from "unknown"; the count cap bounds it like everything else.
   */
  constructor(
    private cap: number,
    private readonly now: () => number,
    private readonly retainMs = 0,
  ) {}

  get size(): number {
    return this.map.size
  }

  setCap(cap: number): void {
    this.cap = cap
    this.trimToCap()
  }

  /** The live record, or undefined when absent or expired (an expired record is dropped on the spot). */
  get(key: string): V | undefined {
    const value = this.map.get(key)
    if (value === undefined) return undefined
    if (value.expiresAt <= this.now()) {
      if (value.expiresAt + this.retainMs <= this.now()) {
        this.map.delete(key)
        this.expired++
      }
      return undefined
    }
    return value
  }

  /** Like get, but also returns expired records still held (to tell "expired" from "unknown"). */
  peek(key: string): V | undefined {
    return this.map.get(key)
  }

  set(key: string, value: V): void {
    if (this.map.has(key)) this.map.delete(key)
    this.map.set(key, value)
    this.sweep(4)
    this.trimToCap()
  }

  delete(key: string): boolean {
    return this.map.delete(key)
  }

  clear(): void {
    this.map.clear()
  }

  values(): IterableIterator<V> {
    return this.map.values()
  }

  /** Drops expired entries from the oldest end, at most `limit` of them (all when omitted). */
  sweep(limit = Number.POSITIVE_INFINITY): number {
    const now = this.now()
    let removed = 0
    for (const [key, value] of this.map) {
      if (removed >= limit || value.expiresAt + this.retainMs > now) break
      this.map.delete(key)
      removed++
    }
    this.expired += removed
    return removed
  }

  private trimToCap(): void {
    while (this.map.size > this.cap) {
      const oldest = this.map.keys().next()
      if (oldest.done) break
      this.map.delete(oldest.value)
      this.evictedByCap++
    }
  }
}
