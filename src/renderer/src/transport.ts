/**
 * The renderer's only way to the main process. In Electron the preload exposes `window.consoleApi`; in the
 * browser preview (`npm run web`) the same channels go over `POST /rpc/<channel>`, gated by the per-launch
 * secret the page received in its URL fragment, and events arrive as server-sent events.
 */
import type { ConsoleApi } from '@shared/api'
import type { Channel } from '@shared/channels'
import type { ConsoleEvent, RequestOf, ResponseOf } from '@shared/contract'
import type { AppError, Result } from '@shared/result'

export type ConsoleEventListener = (event: ConsoleEvent) => void

/** What the Electron preload exposes: one function per channel plus an event subscription. */
export type PreloadApi = ConsoleApi

declare global {
  interface Window {
    consoleApi?: PreloadApi
  }
}

export interface ConsoleTransport {
  readonly kind: 'electron' | 'web'
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>
  onEvent(listener: ConsoleEventListener): () => void
}

export const TOKEN_STORAGE_KEY = 'hosted-fields-console.token'
export const BRIDGE_DOWN_HINT = 'the console process stopped — restart npm run web'

/** The `token` parameter of a URL fragment such as `#token=abc`, or null. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const token = params.get('token')
  return token && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : null
}

/** The fragment without its `token` parameter ('' when nothing else was in it). */
export function fragmentWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  params.delete('token')
  const rest = params.toString()
  return rest ? `#${rest}` : ''
}

export interface TokenSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>
  history: Pick<History, 'replaceState' | 'state'>
  storage: Pick<Storage, 'getItem' | 'setItem'> | null
}

/**
 * Reads the bridge secret once: from the fragment (then removed from the address bar so it is not left in
 * history, bookmarks or screenshots), else from sessionStorage so a reload of the same tab keeps working.
 */
export function takeBridgeToken({ location, history, storage }: TokenSources): string | null {
  const fromFragment = tokenFromFragment(location.hash)
  if (fromFragment) {
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${location.search}${fragmentWithoutToken(location.hash)}`,
    )
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fromFragment)
    } catch {
      // storage disabled: the token still lives in memory for this page
    }
    return fromFragment
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

const bridgeError = (error: AppError): Result<never> => ({ ok: false, error })

export interface BridgeOptions {
  token: string | null
  fetch: typeof fetch
  openEvents?: (url: string) => EventSource
  baseUrl?: string
}

export function createBridgeTransport({
  token,
  fetch: doFetch,
  openEvents,
  baseUrl = '',
}: BridgeOptions): ConsoleTransport {
  const listeners = new Set<ConsoleEventListener>()
  let source: EventSource | null = null

  const connect = (): void => {
    if (source || !token || !openEvents) return
    source = openEvents(`${baseUrl}/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (message: MessageEvent<string>) => {
      let event: ConsoleEvent
      try {
        event = JSON.parse(message.data) as ConsoleEvent
      } catch {
        return
      }
      for (const listener of listeners) listener(event)
    }
  }

  return {
    kind: 'web',
    async call(channel, request) {
      if (!token) {
        return bridgeError({
          kind: 'auth',
          message: 'This page has no access token for the console',
          hint: 'Open the full URL that npm run web printed (it ends in #token=…).',
        })
      }
      let response: Response
      try {
        response = await doFetch(`${baseUrl}/rpc/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-console-token': token },
          body: JSON.stringify(request),
          cache: 'no-store',
          credentials: 'omit',
        })
      } catch {
        return bridgeError({
          kind: 'network',
          message: 'The console could not be reached',
          hint: BRIDGE_DOWN_HINT,
        })
      }
      if (response.status === 401) {
        return bridgeError({
          kind: 'auth',
          status: 401,
          message: 'The console rejected this page’s access token',
          hint: 'Open the URL that the running npm run web printed; each launch has a new token.',
        })
      }
      if (response.status !== 200) {
        return bridgeError({
          kind: 'internal',
          status: response.status,
          message: `The console bridge answered ${response.status} for ${channel}`,
          hint: 'Reload the page; if it keeps happening, the stderr of npm run web has the details.',
        })
      }
      try {
        return (await response.json()) as Result<ResponseOf<typeof channel>>
      } catch {
        return bridgeError({
          kind: 'network',
          message: 'The console’s answer was cut off',
          hint: BRIDGE_DOWN_HINT,
        })
      }
    },
    onEvent(listener) {
      listeners.add(listener)
      connect()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = null
        }
      }
    },
  }
}

export function createPreloadTransport(api: PreloadApi): ConsoleTransport {
  return {
    kind: 'electron',
    call(channel, request) {
      const fn = api[channel] as (payload: typeof request) => Promise<Result<ResponseOf<typeof channel>>>
      return fn(request)
    },
    onEvent: (listener) => api.onEvent(listener),
  }
}

/** Picks the transport for this window: the preload's API when present, else the browser bridge. */
export function createTransport(win: Window = window): ConsoleTransport {
  if (win.consoleApi) return createPreloadTransport(win.consoleApi)
  let storage: Storage | null
  try {
    storage = win.sessionStorage
  } catch {
    storage = null
  }
  const token = takeBridgeToken({ location: win.location, history: win.history, storage })
  return createBridgeTransport({
    token,
    fetch: win.fetch.bind(win),
    openEvents: (url) => new EventSource(url),
  })
}

let defaultTransport: ConsoleTransport | null = null

/** The window's transport, created on first use (reading the bridge secret exactly once). */
export function getTransport(): ConsoleTransport {
  defaultTransport ??= createTransport()
  return defaultTransport
}

export function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  return getTransport().call(channel, request)
}
