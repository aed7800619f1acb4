/**
 * Bounded key → record stores. Entries leave at their expiry (checked on read, swept from the oldest end) and
 * when the count cap is reached (oldest first, by insertion order; setting a key again makes it the newest).
 *
 * Insertion order lives in a queue of slots beside the Map, not in the Map's own order: V8 keeps the slots of
 * deleted Map entries until the table is rehashed, so finding the oldest entry by iterating the Map from its
 * front — done on every set — skipped every entry evicted since the last rehash. Once the cap was reached, that
 * made each set cost O(evictions) and the sandbox's throughput fell from about 15,000 to under 3,000 sessions/s
 * (BENCHMARKS.md, the sandbox throughput row). A slot is live while the Map still holds that very slot; slots of deleted or replaced
 * keys are skipped when reached, and the queue is compacted when they pile up, so everything stays O(1)
 * amortised and nothing here grows without bound.
 */
export interface Expiring {
  /** Epoch milliseconds on the sandbox clock. */
  expiresAt: number
}

interface Slot<V> {
  readonly key: string
  readonly value: V
}

/** Below this many dead slots the queue is left alone (compacting tiny queues would only churn). */
const COMPACT_MIN = 1024

export class ExpiringStore<V extends Expiring> {
  private readonly map = new Map<string, Slot<V>>()
  /** Oldest first; `head` is the first slot not yet consumed. */
  private queue: Slot<V>[] = []
  private head = 0
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
    const slot = this.map.get(key)
    if (slot === undefined) return undefined
    const value = slot.value
    if (value.expiresAt <= this.now()) {
      if (value.expiresAt + this.retainMs <= this.now()) {
        this.map.delete(key)
        this.expired++
        this.compact()
      }
      return undefined
    }
    return value
  }

  /** Like get, but also returns expired records still held (to tell "expired" from "unknown"). */
  peek(key: string): V | undefined {
    return this.map.get(key)?.value
  }

  set(key: string, value: V): void {
    const slot: Slot<V> = { key, value }
    this.map.set(key, slot)
    this.queue.push(slot)
    this.sweep(4)
    this.trimToCap()
  }

  delete(key: string): boolean {
    const deleted = this.map.delete(key)
    if (deleted) this.compact()
    return deleted
  }

  clear(): void {
    this.map.clear()
    this.queue = []
    this.head = 0
  }

  /** Live records, oldest first. */
  *values(): IterableIterator<V> {
    for (let i = this.head; i < this.queue.length; i++) {
      const slot = this.queue[i]
      if (slot !== undefined && this.map.get(slot.key) === slot) yield slot.value
    }
  }

  /** Drops expired entries from the oldest end, at most `limit` of them (all when omitted). */
  sweep(limit = Number.POSITIVE_INFINITY): number {
    const now = this.now()
    let removed = 0
    while (removed < limit) {
      const slot = this.oldest()
      if (slot === undefined || slot.value.expiresAt + this.retainMs > now) break
      this.map.delete(slot.key)
      this.head++
      removed++
    }
    this.expired += removed
    this.compact()
    return removed
  }

  private trimToCap(): void {
    while (this.map.size > this.cap) {
      const slot = this.oldest()
      if (slot === undefined) break
      this.map.delete(slot.key)
      this.head++
      this.evictedByCap++
    }
    this.compact()
  }

  /** The oldest live slot; dead slots in front of it are consumed on the way. */
  private oldest(): Slot<V> | undefined {
    while (this.head < this.queue.length) {
      const slot = this.queue[this.head]
      if (slot !== undefined && this.map.get(slot.key) === slot) return slot
      this.head++
    }
    return undefined
  }

  /** Drops consumed and dead slots once they outnumber the live ones (amortised O(1)). */
  private compact(): void {
    const held = this.queue.length - this.head
    if (held - this.map.size <= Math.max(COMPACT_MIN, this.map.size)) {
      if (this.head > COMPACT_MIN && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head)
        this.head = 0
      }
      return
    }
    const live: Slot<V>[] = []
    for (let i = this.head; i < this.queue.length; i++) {
      const slot = this.queue[i]
      if (slot !== undefined && this.map.get(slot.key) === slot) live.push(slot)
    }
    this.queue = live
    this.head = 0
  }
}
