/**
 * Idempotency (INTERFACES.md): keys scoped to the API key; same key + same URI + same body → the stored answer;
 * different URI or body → 409; a duplicate in flight waits for the first; only 2xx is stored.
 */
import { idempotencyKeyInUse, problem, type Reply } from '../problem-replies'
import type { SandboxRouteRequest } from '../sandbox-types'
import type { Caller } from './gateway-checks'
import { waitLatency } from './gateway-checks'

/** A created session as the idempotency store keeps it (three fields, not the whole answer). */
export interface SessionReplay {
  token: string
  processingTerminalId: string
  expiresAt: number
}

export type Produced = Reply & { session?: SessionReplay }

/**
 * Runs `produce` once per scoped key. `replaySession` rebuilds the answer of a stored session (sessions are
 * stored compactly: memory matters at 200,000 keys).
 */
export async function idempotent(
  ctx: SandboxRouteRequest,
  caller: Caller,
  key: string,
  produce: () => Produced | Promise<Produced>,
  replaySession?: (ctx: SandboxRouteRequest, session: SessionReplay) => Reply,
): Promise<Reply> {
  const store = ctx.state.idempotency
  const scoped = `${caller.apiKeyId} ${key}`
  for (;;) {
    const stored = store.get(scoped)
    if (stored) {
      if (stored.uri !== ctx.uri || stored.method !== ctx.method || !sameBody(stored.body, ctx.body)) {
        return idempotencyKeyInUse(ctx.uri, stored.method, stored.uri)
      }
      ctx.state.counters.idempotentReplays++
      if (stored.session && replaySession) return replaySession(ctx, stored.session)
      return stored.reply ?? problem(500)
    }
    const pending = ctx.state.inFlight.get(scoped)
    if (!pending) break
    if (pending.uri !== ctx.uri || pending.method !== ctx.method || !sameBody(pending.body, ctx.body)) {
      return idempotencyKeyInUse(ctx.uri, pending.method, pending.uri)
    }
    await pending.done
  }
  let release!: () => void
  const done = new Promise<void>((resolve) => (release = resolve))
  ctx.state.inFlight.set(scoped, { method: ctx.method, uri: ctx.uri, body: ctx.body, done })
  try {
    const reply = await produce()
    await waitLatency(ctx)
    if (reply.status >= 200 && reply.status < 300) {
      const expiresAt = ctx.state.now() + ctx.state.config.idempotencyTtlSeconds * 1000
      store.set(
        scoped,
        reply.session
          ? { method: ctx.method, uri: ctx.uri, body: ctx.body, session: reply.session, expiresAt }
          : { method: ctx.method, uri: ctx.uri, body: ctx.body, reply, expiresAt },
      )
    }
    return reply
  } finally {
    ctx.state.inFlight.delete(scoped)
    release()
  }
}

/** Same body for idempotency: the same bytes, or the same JSON value (key order and whitespace ignored). */
export function sameBody(a: string, b: string): boolean {
  if (a === b) return true
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b))
  } catch {
    return false
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}
