/**
 * One request's way through the sandbox: control API (loopback only, never faulted or journaled) or gateway —
 * fault rules, then 413 before anything reads the body, then the router's route (404 / 405 when none), the
 * configured latency, the answer, and the journal entry.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { CONTROL_PREFIX } from './control-schemas'
import { faultReply, type RouteGroup } from './fault-rules'
import { isGatewaySessionPath, preflightReply, withCors } from './library/gateway-cors'
import { forbidden, problem, type Reply } from './problem-replies'
import type { ReplyWriter } from './reply-writer'
import type { RouteResult, SandboxRouter } from './router'
import { finishLatency } from './routes/gateway-checks'
import {
  ABORTED,
  delay,
  isLoopbackAddress,
  MAX_BODY_BYTES,
  readBody,
  splitTarget,
  TOO_LARGE,
} from './sandbox-http'
import type { Sandbox, SandboxRouteRequest } from './sandbox-types'
import type { SandboxState } from './state/sandbox-state'

export interface RequestHandlerParts {
  state: SandboxState
  gateway: SandboxRouter
  control: SandboxRouter
  writer: ReplyWriter
  sandbox: () => Sandbox
}

/** The simulated library's paths belong to the 'library' fault group even when no route serves them. */
function fallbackGroup(path: string): RouteGroup | 'other' {
  return path.startsWith('/js/hosted-fields/') ||
    path.startsWith('/hosted-fields/') ||
    path.startsWith('/merchant/')
    ? 'library'
    : 'other'
}

const gatewayNotAllowed = (allow: string): Reply =>
  problem(405, `Use ${allow} on this resource.`, { Allow: allow })
const controlNotAllowed = (allow: string, ctx: SandboxRouteRequest): Reply =>
  problem(405, `Use ${allow} on ${ctx.path}.`, { Allow: allow })

export function createRequestHandler(parts: RequestHandlerParts) {
  const { state, gateway, control, writer } = parts

  const context = (
    req: IncomingMessage,
    method: string,
    path: string,
    query: string,
  ): SandboxRouteRequest => ({
    req,
    method,
    path,
    query,
    uri: query === '' ? path : `${path}?${query}`,
    params: [],
    body: '',
    state,
    sandbox: parts.sandbox(),
    latencyDone: false,
  })

  const answer = (
    ctx: SandboxRouteRequest,
    found: RouteResult,
    notAllowed: (allow: string, ctx: SandboxRouteRequest) => Reply,
  ) => {
    if (found.kind === 'route') {
      ctx.params = found.params
      return found.route.handle(ctx)
    }
    if (found.kind === 'method') return notAllowed(found.allow, ctx)
    return undefined
  }

  const handleControl = async (req: IncomingMessage, res: ServerResponse, ctx: SandboxRouteRequest) => {
    state.counters.requests.control++
    const body = await readBody(req, MAX_BODY_BYTES)
    if (body === ABORTED) return
    if (body === TOO_LARGE) return writer.write(res, problem(413), true)
    ctx.body = body
    const reply = !isLoopbackAddress(req.socket.remoteAddress)
      ? forbidden(ctx.path, 'sandbox-control-api', 'The control API answers loopback clients only.')
      : ((await answer(ctx, control.resolve(ctx.method, ctx.path), controlNotAllowed)) ??
        problem(404, `No control route ${ctx.path}.`))
    writer.write(res, reply, false)
  }

  const record = (
    ctx: SandboxRouteRequest,
    group: string,
    status: number,
    started: number,
    responseBody: string,
    fault?: string,
    location?: string,
  ): void => {
    state.journal.add({
      id: state.journal.nextId(),
      at: state.now(),
      method: ctx.method,
      path: ctx.uri,
      route: group,
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      requestHeaders: ctx.req.headers,
      requestBody: ctx.body,
      responseBody,
      ...(location !== undefined ? { location } : {}),
      ...(fault !== undefined ? { fault } : {}),
    })
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now()
    const method = req.method ?? 'GET'
    const { path, query } = splitTarget(req.url ?? '/')
    const ctx = context(req, method, path, query)
    if (path.startsWith(CONTROL_PREFIX)) return handleControl(req, res, ctx)
    const cors = isGatewaySessionPath(path)
    // A preflight of the library's cross-origin calls: answered before fault rules, not journaled as a call.
    if (cors && method === 'OPTIONS') return writer.write(res, preflightReply(req), false)

    const found = gateway.resolve(method, path)
    const group = found.kind === 'none' ? fallbackGroup(path) : found.group
    const counters = state.counters
    counters.requests.total++
    counters.requests[group]++
    let reply: Reply | undefined
    let faultName: string | undefined
    let slow: number | undefined
    let close = false

    // 1. fault rules
    const action = group === 'other' ? undefined : state.faults.take(group)
    if (action && group !== 'other') {
      faultName = action.type
      if (action.type === 'reset') {
        req.socket.destroy()
        state.countResponse('reset')
        record(ctx, group, 0, started, '', faultName)
        return
      }
      if (action.type === 'latency') await delay(action.ms)
      else if (action.type === 'slow') slow = action.bytesPerSecond
      else reply = faultReply(action, group)
    }

    if (!reply) {
      // 2. 413 before anything else reads the request
      const body = await readBody(req, MAX_BODY_BYTES)
      if (body === ABORTED) {
        // The client gave up (e.g. its timeout during a latency fault): journal it as unanswered (status 0), so
        // every attempt that reached the gateway is visible, with its Idempotency-Key.
        record(ctx, group, 0, started, '', faultName)
        return
      }
      if (body === TOO_LARGE) {
        reply = problem(413)
        close = true
      } else {
        ctx.body = body
        reply = (await answer(ctx, found, gatewayNotAllowed)) ?? problem(404, `No resource at ${path}.`)
        await finishLatency(ctx)
      }
    }
    if (cors) reply = withCors(reply, req)
    state.countResponse(reply.status)
    writer.write(res, reply, close, slow)
    record(ctx, group, reply.status, started, reply.body, faultName, reply.headers?.Location)
    if (close) {
      // Stop reading an oversized body: end the connection once the 413 is out.
      res.once('finish', () => setTimeout(() => req.socket.destroy(), 50).unref())
    }
  }
}
