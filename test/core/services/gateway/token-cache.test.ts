import { describe, expect, it } from 'vitest'
import { EXPIRY_MARGIN_MS, TokenCache } from '../../../../src/core/services/gateway/token-cache'

const clock = () => {
  let now = 1_000_000
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('TokenCache', () => {
  it('reuses a token until expires_in − 120 s, then fetches again', async () => {
    const time = clock()
    const cache = new TokenCache(time.now)
    let fetches = 0
    const fetch = async () => ({ accessToken: `t${++fetches}`, expiresInSeconds: 3600 })
    expect((await cache.get('sandbox/default', fetch)).accessToken).toBe('t1')
    time.advance(3600_000 - EXPIRY_MARGIN_MS - 1)
    expect((await cache.get('sandbox/default', fetch)).accessToken).toBe('t1')
    time.advance(1)
    expect((await cache.get('sandbox/default', fetch)).accessToken).toBe('t2')
    expect(fetches).toBe(2)
  })

  it('treats a token shorter than the margin as already expired', async () => {
    const cache = new TokenCache(clock().now)
    let fetches = 0
    const fetch = async () => ({ accessToken: `t${++fetches}`, expiresInSeconds: 60 })
    await cache.get('k', fetch)
    await cache.get('k', fetch)
    expect(fetches).toBe(2)
  })

  it('shares one fetch between concurrent callers (single-flight)', async () => {
    const cache = new TokenCache(clock().now)
    let fetches = 0
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const fetch = async () => {
      fetches += 1
      await gate
      return { accessToken: 'shared', expiresInSeconds: 3600 }
    }
    const all = Promise.all(Array.from({ length: 10 }, () => cache.get('k', fetch)))
    release()
    const tokens = await all
    expect(fetches).toBe(1)
    expect(new Set(tokens.map((token) => token.accessToken))).toEqual(new Set(['shared']))
  })

  it('does not cache failures: the next caller fetches again', async () => {
    const cache = new TokenCache(clock().now)
    let calls = 0
    const fetch = async () => {
      calls += 1
      if (calls === 1) throw new Error('401')
      return { accessToken: 'ok', expiresInSeconds: 3600 }
    }
    await expect(cache.get('k', fetch)).rejects.toThrow('401')
    expect((await cache.get('k', fetch)).accessToken).toBe('ok')
  })

  it('keeps keys apart', async () => {
    const cache = new TokenCache(clock().now)
    await cache.get('a/default', async () => ({ accessToken: 'A', expiresInSeconds: 3600 }))
    await cache.get('b/default', async () => ({ accessToken: 'B', expiresInSeconds: 3600 }))
    expect(cache.peek('a/default')?.accessToken).toBe('A')
    expect(cache.peek('b/default')?.accessToken).toBe('B')
  })

  it('invalidate drops the token; invalidate(key, token) only drops that token', async () => {
    const cache = new TokenCache(clock().now)
    await cache.get('k', async () => ({ accessToken: 'new', expiresInSeconds: 3600 }))
    cache.invalidate('k', 'old') // a 401 seen with an older token must not drop a fresher one
    expect(cache.peek('k')?.accessToken).toBe('new')
    cache.invalidate('k', 'new')
    expect(cache.peek('k')).toBeUndefined()
    await cache.get('k', async () => ({ accessToken: 'again', expiresInSeconds: 3600 }))
    cache.invalidatePrefix('k')
    expect(cache.peek('k')).toBeUndefined()
  })

  it('a fetch in flight when the key is replaced is not cached', async () => {
    const cache = new TokenCache(clock().now)
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const stale = cache.get('k', async () => {
      await gate
      return { accessToken: 'from-old-key', expiresInSeconds: 3600 }
    })
    cache.invalidate('k')
    release()
    expect((await stale).accessToken).toBe('from-old-key')
    expect(cache.peek('k')).toBeUndefined()
    expect(
      (await cache.get('k', async () => ({ accessToken: 'from-new-key', expiresInSeconds: 3600 })))
        .accessToken,
    ).toBe('from-new-key')
  })
})
