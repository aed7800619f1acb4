/**
 * A log flood must not rotate genuine lines away (1 MB × 3 files): 30,000 identical "request failed" lines in
 * 2 s used to do exactly that. This wraps a logger with one token bucket per message key (level + message —
 * messages are constants in code, the variable part is in `data`), so:
 * - distinct messages never compete: a flood of one key leaves every other key's lines alone;
 * - each key may burst (`burst` lines at once), then `perSecond` lines a second;
 * - what is dropped is counted, and one line `N similar lines suppressed` (level warn, naming the message and
 *   the time span) is written when the key is allowed again or on `flush()` (call it on a timer and at close).
 * The key map is bounded (`maxKeys`, least recently used evicted after its count is flushed).
 */

export type RateLimitedLevel = 'debug' | 'info' | 'warn' | 'error'
export interface LineLogger {
  log(level: RateLimitedLevel, message: string, data?: Record<string, unknown>): void
}

export interface RateLimitOptions {
  /** Lines a key may write at once; default 20. */
  burst?: number
  /** Sustained lines per second per key; default 1. */
  perSecond?: number
  /** Keys remembered at once; default 500. */
  maxKeys?: number
  now?: () => number
}

interface Bucket {
  level: RateLimitedLevel
  message: string
  tokens: number
  updatedAt: number
  suppressed: number
  firstSuppressedAt: number
}

export interface RateLimitedLogger extends LineLogger {
  /** Writes the pending "suppressed" summaries. */
  flush(): void
  /** Lines dropped so far (all keys). */
  readonly suppressedTotal: number
}

export const SUPPRESSED_MESSAGE = 'similar lines suppressed'

export function rateLimitedLogger(inner: LineLogger, options: RateLimitOptions = {}): RateLimitedLogger {
  const burst = options.burst ?? 20
  const perSecond = options.perSecond ?? 1
  const maxKeys = options.maxKeys ?? 500
  const now = options.now ?? Date.now
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const buckets = new Map<string, Bucket>()
  let suppressedTotal = 0

  const summarise = (bucket: Bucket, at: number) => {
    if (bucket.suppressed === 0) return
    inner.log('warn', `${bucket.suppressed} ${SUPPRESSED_MESSAGE}`, {
      message: bucket.message,
      level: bucket.level,
      suppressed: bucket.suppressed,
      overMs: at - bucket.firstSuppressedAt,
    })
    bucket.suppressed = 0
  }

  const bucketFor = (level: RateLimitedLevel, message: string, at: number): Bucket => {
    const key = `${level}\u0000${message}`
    let bucket = buckets.get(key)
    if (bucket) buckets.delete(key)
    else {
      bucket = { level, message, tokens: burst, updatedAt: at, suppressed: 0, firstSuppressedAt: at }
      while (buckets.size >= maxKeys) {
        const [oldestKey, oldest] = buckets.entries().next().value as [string, Bucket]
        summarise(oldest, at)
        buckets.delete(oldestKey)
      }
    }
    buckets.set(key, bucket)
    bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.updatedAt) / 1000) * perSecond)
    bucket.updatedAt = at
    return bucket
  }

  return {
    log(level, message, data) {
      const at = now()
      const bucket = bucketFor(level, message, at)
      if (bucket.tokens < 1) {
        if (bucket.suppressed === 0) bucket.firstSuppressedAt = at
        bucket.suppressed += 1
        suppressedTotal += 1
        return
      }
      bucket.tokens -= 1
      summarise(bucket, at)
      inner.log(level, message, data)
    },
    flush() {
      const at = now()
      for (const bucket of buckets.values()) summarise(bucket, at)
    },
    get suppressedTotal() {
      return suppressedTotal
    },
  }
}
