import { describe, expect, it, vi } from 'vitest'
import {
  BRIDGE_DOWN_HINT,
  createBridgeTransport,
  fragmentWithoutToken,
  takeBridgeToken,
  TOKEN_STORAGE_KEY,
  tokenFromFragment,
} from '@renderer/transport'

const SECRET = 'mqlKT0RZ1SwfxU8cY6bj5wpP1Glvo18pDu25FVYkzaY'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  }
}

function fakeWindow(hash: string, storage = memoryStorage()) {
  const replaceState = vi.fn()
  return {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState, state: null },
    storage,
    replaceState,
  }
}

describe('bridge secret from the URL fragment', () => {
  it('reads the token parameter of the fragment', () => {
    expect(tokenFromFragment(`#token=${SECRET}`)).toBe(SECRET)
    expect(tokenFromFragment(`#view=session&token=${SECRET}`)).toBe(SECRET)
    expect(tokenFromFragment('')).toBeNull()
    expect(tokenFromFragment('#token=')).toBeNull()
    expect(tokenFromFragment('#token=short')).toBeNull()
    expect(tokenFromFragment('#token=has%20space%20in%20it-and-is-long-enough')).toBeNull()
  })

  it('keeps other fragment parameters when removing the token', () => {
    expect(fragmentWithoutToken(`#token=${SECRET}`)).toBe('')
    expect(fragmentWithoutToken(`#view=session&token=${SECRET}`)).toBe('#view=session')
  })

  it('takes the token once, removes it from the address bar and keeps it for a reload', () => {
    const win = fakeWindow(`#token=${SECRET}`)
    expect(takeBridgeToken(win)).toBe(SECRET)
    expect(win.replaceState).toHaveBeenCalledWith(null, '', '/')
    expect(win.storage.data.get(TOKEN_STORAGE_KEY)).toBe(SECRET)
  })

  it('after a reload (no fragment) uses the token kept in sessionStorage', () => {
    const win = fakeWindow('', memoryStorage({ [TOKEN_STORAGE_KEY]: SECRET }))
    expect(takeBridgeToken(win)).toBe(SECRET)
    expect(win.replaceState).not.toHaveBeenCalled()
  })

  it('prefers a new fragment token over an old stored one (a new launch)', () => {
    const win = fakeWindow(
      `#token=${SECRET}`,
      memoryStorage({ [TOKEN_STORAGE_KEY]: 'old-token-from-last-launch-xyz' }),
    )
    expect(takeBridgeToken(win)).toBe(SECRET)
    expect(win.storage.data.get(TOKEN_STORAGE_KEY)).toBe(SECRET)
  })

  it('still works when storage throws (disabled storage)', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    const win = { ...fakeWindow(`#token=${SECRET}`), storage: throwing }
    expect(takeBridgeToken(win)).toBe(SECRET)
    expect(takeBridgeToken({ ...win, location: { hash: '', pathname: '/', search: '' } })).toBeNull()
  })
})

describe('bridge transport', () => {
  it('POSTs the payload to /rpc/<channel> with the secret header and returns the Result', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { prewarming: true } })))
    const transport = createBridgeTransport({ token: SECRET, fetch })
    const result = await transport.call('environment:select', {
      environmentId: 'sandbox',
      profile: 'default',
    })
    expect(result).toEqual({ ok: true, value: { prewarming: true } })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/rpc/environment:select')
    expect(init.method).toBe('POST')
    expect((init.headers as Record<string, string>)['x-console-token']).toBe(SECRET)
    expect(JSON.parse(init.body as string)).toEqual({ environmentId: 'sandbox', profile: 'default' })
  })

  it('turns a failed fetch into a network error that says to restart npm run web', async () => {
    const transport = createBridgeTransport({
      token: SECRET,
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    const result = await transport.call('app:info', {})
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.kind).toBe('network')
      expect(result.error.hint).toBe(BRIDGE_DOWN_HINT)
    }
  })

  it('explains a 401 (a page from an earlier launch) and a missing token without calling', async () => {
    const fetch = vi.fn(async () => new Response('Unauthorized', { status: 401 }))
    const rejected = await createBridgeTransport({ token: SECRET, fetch }).call('app:info', {})
    expect(!rejected.ok && rejected.error.kind).toBe('auth')
    const noToken = await createBridgeTransport({ token: null, fetch }).call('app:info', {})
    expect(!noToken.ok && noToken.error.hint).toMatch(/#token=/)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('opens one event stream for all listeners and closes it with the last one', () => {
    const close = vi.fn()
    const source = { onmessage: null as ((m: MessageEvent<string>) => void) | null, close }
    const openEvents = vi.fn(() => source as unknown as EventSource)
    const transport = createBridgeTransport({ token: SECRET, fetch: vi.fn(), openEvents })
    const a = vi.fn()
    const b = vi.fn()
    const offA = transport.onEvent(a)
    const offB = transport.onEvent(b)
    expect(openEvents).toHaveBeenCalledTimes(1)
    expect(openEvents).toHaveBeenCalledWith(`/events?token=${SECRET}`)
    const event = { type: 'prewarm', environmentId: 'sandbox', profile: 'default', ok: true }
    source.onmessage?.({ data: JSON.stringify(event) } as MessageEvent<string>)
    source.onmessage?.({ data: 'not json' } as MessageEvent<string>)
    expect(a).toHaveBeenCalledWith(event)
    expect(b).toHaveBeenCalledTimes(1)
    offA()
    expect(close).not.toHaveBeenCalled()
    offB()
    expect(close).toHaveBeenCalledTimes(1)
  })
})
