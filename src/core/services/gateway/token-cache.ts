/**
 * Bearer tokens per credential (environment + profile). A token is reused until `expires_in − 120 s` (what the
 * official SDKs do); concurrent callers share one identity call (single-flight); invalidation also disowns a
 * fetch already in flight, so a token obtained with a key that was just replaced is never cached.
 */
export interface CachedToken {
  accessToken: string
  expiresAt: number
}

export interface FetchedToken {
  accessToken: string
  expiresInSeconds: number
}

export const EXPIRY_MARGIN_MS = 120_000

interface Slot {
  token?: CachedToken
  inflight?: Promise<CachedToken>
  generation: number
}

export class TokenCache {
  private readonly slots = new Map<string, Slot>()

  constructor(
    private readonly now: () => number = Date.now,
    private readonly marginMs: number = EXPIRY_MARGIN_MS,
  ) {}

  private slot(key: string): Slot {
    let slot = this.slots.get(key)
    if (!slot) {
      slot = { generation: 0 }
      this.slots.set(key, slot)
    }
    return slot
  }

  /** A still-valid cached token, without fetching. */
  peek(key: string): CachedToken | undefined {
    const token = this.slots.get(key)?.token
    return token && token.expiresAt - this.marginMs > this.now() ? token : undefined
  }

  /** The cached token, or the one being fetched, or a new fetch. Rejections are not cached. */
  async get(key: string, fetch: () => Promise<FetchedToken>): Promise<CachedToken> {
    const cached = this.peek(key)
    if (cached) return cached
    const slot = this.slot(key)
    if (slot.inflight) return slot.inflight
    const generation = slot.generation
    const inflight = (async () => {
      const fetched = await fetch()
      const token = {
        accessToken: fetched.accessToken,
        expiresAt: this.now() + fetched.expiresInSeconds * 1000,
      }
      if (slot.generation === generation) slot.token = token
      return token
    })()
    slot.inflight = inflight
    try {
      return await inflight
    } finally {
      if (slot.inflight === inflight) slot.inflight = undefined
    }
  }

  /** Drops the token (e.g. after a 401, or when the key was replaced or deleted). */
  invalidate(key: string, onlyToken?: string): void {
    const slot = this.slots.get(key)
    if (!slot) return
    if (onlyToken !== undefined && slot.token?.accessToken !== onlyToken) return
    slot.token = undefined
    if (onlyToken === undefined) {
      // Disown any fetch in flight: it used credentials that are no longer current.
      slot.generation += 1
      slot.inflight = undefined
    }
  }

  invalidatePrefix(prefix: string): void {
    for (const key of this.slots.keys()) if (key.startsWith(prefix)) this.invalidate(key)
  }

  clear(): void {
    for (const key of [...this.slots.keys()]) this.invalidate(key)
  }
}
