/**
 * The renderer's one transport fake, for the store and slice tests: answers per channel (a few defaults so the
 * store can start in the Sandbox), records every call, and lets a test push events. Not imported by the app.
 */
import type { Channel } from '@shared/channels'
import type { ConsoleEvent, RequestOf, ResponseOf } from '@shared/contract'
import type { EnvironmentInfo } from '@shared/environments'
import type { Result } from '@shared/result'
import type { ConsoleEventListener, ConsoleTransport } from '@renderer/transport'
import { createAppStore, type AppStore } from '@renderer/app-store'

export type Handler<C extends Channel> = (
  request: RequestOf<C>,
) => Promise<Result<ResponseOf<C>>> | Result<ResponseOf<C>>
export type Handlers = { [C in Channel]?: Handler<C> }

export const environment = (
  id: string,
  kind: EnvironmentInfo['kind'],
  extra: Partial<EnvironmentInfo> = {},
): EnvironmentInfo => ({
  id,
  name: id === 'sandbox' ? 'Sandbox' : id,
  kind,
  apiBase: 'http://127.0.0.1:4010/v1',
  identityBase: 'http://127.0.0.1:4010',
  cdnBase: 'http://127.0.0.1:4010',
  defaultLibVersion: '1.7.0.261457',
  requiresConfirmation: kind === 'production',
  ...extra,
})

const BASE: Handlers = {
  'app:info': () => ({
    ok: true,
    value: {
      name: 'Console',
      version: '0.1.0',
      transport: 'web',
      testPageOrigin: 'http://127.0.0.1:5181',
      sandboxUrl: 'http://127.0.0.1:4010',
      dataDir: '/tmp/x',
    },
  }),
  'environment:list': () => ({
    ok: true,
    value: {
      environments: [environment('sandbox', 'sandbox'), environment('production', 'production')],
      sandboxUrl: 'http://127.0.0.1:4010',
    },
  }),
  'environment:select': () => ({ ok: true, value: { prewarming: true } }),
  // Nothing to restore: the store starts as after a fresh launch.
  'eventLog:restore': () => ({
    ok: true,
    value: { session: null, events: [], evicted: 0, retention: 5000 },
  }),
  'vault:status': (r) => ({
    ok: true,
    value: {
      ...r,
      configured: true,
      source: 'managed',
      keychain: { available: true },
      profiles: [r.profile],
    },
  }),
}

export function scripted(handlers: Handlers = {}) {
  const calls: { channel: Channel; request: unknown }[] = []
  const listeners = new Set<ConsoleEventListener>()
  const all: Handlers = { ...BASE, ...handlers }
  const transport: ConsoleTransport = {
    kind: 'web',
    call: (async (channel: Channel, request: unknown) => {
      calls.push({ channel, request })
      const handler = all[channel] as ((r: unknown) => Promise<Result<unknown>> | Result<unknown>) | undefined
      if (!handler) throw new Error(`unexpected call ${channel}`)
      return handler(request)
    }) as ConsoleTransport['call'],
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return {
    transport,
    calls,
    requests: (channel: Channel) => calls.filter((c) => c.channel === channel).map((c) => c.request),
    count: (channel: Channel) => calls.filter((c) => c.channel === channel).length,
    emit: (event: ConsoleEvent) => listeners.forEach((listener) => listener(event)),
    listenerCount: () => listeners.size,
  }
}

/** A started store (Sandbox selected, unless preferences remember another environment) over a scripted transport. */
export async function startedStore(
  handlers: Handlers = {},
  preferences: Pick<Storage, 'getItem' | 'setItem'> | null = null,
  tab?: Pick<Storage, 'getItem' | 'setItem'> | null,
): Promise<ReturnType<typeof scripted> & { store: AppStore }> {
  const fake = scripted(handlers)
  const store = createAppStore({
    transport: fake.transport,
    preferences,
    ...(tab !== undefined ? { tab } : {}),
  })
  await store.getState().app.start()
  return { ...fake, store }
}
