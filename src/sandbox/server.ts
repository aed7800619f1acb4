/**
 * startSandbox: the HTTP server (plain node:http) that routes requests to the gateway and control handlers,
 * applies fault rules, writes answers (Date header on every one, shifted by the clock offset), and journals.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { CONTROL_PREFIX, handleControl, type ConfigPatch } from './control'
import type { FaultAction, FaultRule, FaultRuleInput, RouteGroup } from './faults'
import { FaultRuleInput as FaultRuleSchema } from './faults'
import { libraryRoutes } from './library'
import { Gateway, type RequestContext } from './gateway'
import { ABORTED, delay, MAX_BODY_BYTES, readBody, splitTarget, TOO_LARGE } from './http'
import type { JournalEntry } from './journal'
import {
  defaultProblem,
  JSON_CONTENT_TYPE,
  problem,
  problemReply,
  PROBLEM_CONTENT_TYPE,
  type Reply,
} from './problems'
import { SandboxState, type SandboxConfig, type SandboxStats } from './state'
import { loadTerminalSeedFile, TerminalDirectory, type TerminalSeed, TerminalSeedFile } from './terminals'

export const DEFAULT_SANDBOX_API_KEY = 'sandbox-api-key'

export type SandboxLogLevel = 'debug' | 'info' | 'warn' | 'error'
/** Same shape as the app's Logger, so the embedding app can pass its own. */
export interface SandboxLogger {
  log(level: SandboxLogLevel, message: string, data?: Record<string, unknown>): void
}

/** A line-per-event logger on stderr (what the CLI uses). */
export const stderrLogger: SandboxLogger = {
  log(level, message, data) {
    const suffix = data && Object.keys(data).length > 0 ? ` ${JSON.stringify(data)}` : ''
    process.stderr.write(`${new Date().toISOString()} ${level} sandbox: ${message}${suffix}\n`)
  },
}

/** Extra routes (e.g. the simulated Hosted Fields library) plug in here without touching the router. */
export interface SandboxRoute {
  /** An HTTP method, or '*' for any. */
  method: string
  /** Tested against the path (no query). Capture groups are passed as params. */
  path: RegExp
  /** Which fault rules apply; default 'library'. */
  group?: RouteGroup
  handle(request: SandboxRouteRequest): Reply | Promise<Reply>
}
export interface SandboxRouteRequest {
  req: IncomingMessage
  method: string
  path: string
  query: string
  params: string[]
  body: string
  state: SandboxState
  sandbox: Sandbox
}

export interface SandboxOptions {
  /** 0 (default) = a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Accepted x-api-key values; default [DEFAULT_SANDBOX_API_KEY]. */
  apiKeys?: readonly string[]
  tokenTtlSeconds?: number
  sessionTtlSeconds?: number
  idempotencyTtlSeconds?: number
  /** Seed terminals: an array, or the path of a JSON seed file. Replaces the default table and 555 block. */
  terminals?: readonly TerminalSeed[] | string
  /** Added to every gateway answer. */
  latencyMs?: number
  clockOffsetSeconds?: number
  /** Count cap of each store (sessions, idempotency keys, tokens); oldest evicted first. Default 200,000. */
  maxEntries?: number
  /** Journal ring-buffer size; default 1,000. */
  journalSize?: number
  logger?: SandboxLogger
  routes?: readonly SandboxRoute[]
}

export interface Sandbox {
  /** http://host:port, no trailing slash. Identity base = url; API base = url + '/v1'. */
  readonly url: string
  readonly port: number
  readonly host: string
  readonly state: SandboxState
  close(): Promise<void>
  /** Clears sessions, idempotency keys, tokens (Bearer tokens only with { accessTokens: true }), faults, journal, counters, config. */
  reset(options?: { accessTokens?: boolean }): void
  addFault(rule: FaultRuleInput): FaultRule
  clearFaults(): number
  configure(patch: ConfigPatch): SandboxConfig
  config(): SandboxConfig
  journal(limit?: number): JournalEntry[]
  stats(): SandboxStats
  addRoute(route: SandboxRoute): void
  /** The simulated library's submit, in-process (see SandboxState.issueSingleUseToken). */
  issueSingleUseToken: SandboxState['issueSingleUseToken']
}

const SESSIONS_ROUTE = /^\/v1\/processing-terminals\/([^/]*)\/hosted-fields-sessions(?:\/([^/]*))?$/
const SECURE_TOKENS_ROUTE =
  /^\/v1\/processing-terminals\/([^/]*)\/secure-tokens(?:\/([^/]*)(\/update-account)?)?$/
const SINGLE_USE_TOKENS_PATH = '/hosted-fields/single-use-tokens'

interface Classified {
  group: RouteGroup | 'other'
  match?: RegExpExecArray
  extra?: SandboxRoute
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1'
  const logger = options.logger
  const apiKeys = options.apiKeys && options.apiKeys.length > 0 ? options.apiKeys : [DEFAULT_SANDBOX_API_KEY]
  let terminals: TerminalDirectory
  if (options.terminals === undefined) terminals = TerminalDirectory.defaults()
  else if (typeof options.terminals === 'string') {
    terminals = new TerminalDirectory(loadTerminalSeedFile(options.terminals), false)
  } else terminals = new TerminalDirectory(TerminalSeedFile.parse(options.terminals), false)

  const state = new SandboxState({
    apiKeys,
    terminals,
    maxEntries: options.maxEntries ?? 200_000,
    journalSize: options.journalSize ?? 1000,
    config: {
      sessionTtlSeconds: options.sessionTtlSeconds ?? 600,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      idempotencyTtlSeconds: options.idempotencyTtlSeconds ?? 86_400,
      clockOffsetSeconds: options.clockOffsetSeconds ?? 0,
      latencyMs: options.latencyMs ?? 0,
      singleUseTokenTtlSeconds: 1800,
    },
  })
  let baseUrl = ''
  const gateway = new Gateway(state, () => baseUrl)
  const extraRoutes: SandboxRoute[] = [...libraryRoutes, ...(options.routes ?? [])]
  const slowTimers = new Set<NodeJS.Timeout>()
  const log = (level: SandboxLogLevel, message: string, data?: Record<string, unknown>) =>
    logger?.log(level, message, data)

  // eslint-disable-next-line prefer-const
  let sandbox: Sandbox

  const classify = (method: string, path: string): Classified => {
    if (path === '/authorize') return { group: 'authorize' }
    if (path.startsWith('/v1/')) {
      let match = SESSIONS_ROUTE.exec(path)
      if (match) return { group: 'sessions', match }
      match = SECURE_TOKENS_ROUTE.exec(path)
      if (match) return { group: 'secure-tokens', match }
    }
    if (path === SINGLE_USE_TOKENS_PATH) return { group: 'library' }
    for (const route of extraRoutes) {
      const match = route.path.exec(path)
      if (match && (route.method === '*' || route.method === method)) {
        return { group: route.group ?? 'library', match, extra: route }
      }
    }
    for (const route of extraRoutes) {
      if (route.path.test(path)) return { group: route.group ?? 'library', extra: route }
    }
    // The simulated library's paths belong to the 'library' fault group even before its routes are added.
    if (path.startsWith('/js/hosted-fields/') || path.startsWith('/hosted-fields/'))
      return { group: 'library' }
    return { group: 'other' }
  }

  const notAllowed = (allow: string): Reply =>
    problem(405, `Use ${allow} on this resource.`, { Allow: allow })

  /** A route from the simulated library or options.routes: its handler, 405 for another method, else 404. */
  const routeExtra = (ctx: RequestContext, classified: Classified): Reply | Promise<Reply> => {
    const extra = classified.extra
    if (!extra) return problem(404, `No resource at ${ctx.path}.`)
    if (!classified.match) return notAllowed(extra.method)
    return extra.handle({
      req: ctx.req,
      method: ctx.method,
      path: ctx.path,
      query: ctx.query,
      params: classified.match.slice(1).map((value) => value ?? ''),
      body: ctx.body,
      state,
      sandbox,
    })
  }

  const route = async (ctx: RequestContext, classified: Classified): Promise<Reply> => {
    const { method } = ctx
    const m = classified.match
    switch (classified.group) {
      case 'authorize':
        return method === 'POST' ? gateway.authorize(ctx) : notAllowed('POST')
      case 'sessions': {
        const terminal = m?.[1] ?? ''
        if (m?.[2] === undefined)
          return method === 'POST' ? gateway.createSession(ctx, terminal) : notAllowed('POST')
        return method === 'GET' ? gateway.getSession(ctx, terminal, m[2]) : notAllowed('GET')
      }
      case 'secure-tokens': {
        const terminal = m?.[1] ?? ''
        if (m?.[2] === undefined)
          return method === 'POST' ? gateway.createSecureToken(ctx, terminal) : notAllowed('POST')
        if (m[3] !== undefined)
          return method === 'POST' ? gateway.updateAccount(ctx, terminal, m[2]) : notAllowed('POST')
        return method === 'GET' ? gateway.getSecureToken(ctx, terminal, m[2]) : notAllowed('GET')
      }
      case 'library': {
        if (ctx.path === SINGLE_USE_TOKENS_PATH) {
          return method === 'POST' ? gateway.issueSingleUseToken(ctx) : notAllowed('POST')
        }
        return routeExtra(ctx, classified)
      }
      default:
        return routeExtra(ctx, classified)
    }
  }

  const write = (res: ServerResponse, reply: Reply, close: boolean, bytesPerSecond?: number): void => {
    if (res.headersSent || res.destroyed) return
    const text = reply.body
    const headers: Record<string, string | number> = {
      Date: state.httpDate(),
      'Content-Type': reply.contentType,
      'Content-Length': Buffer.byteLength(text),
      ...reply.headers,
    }
    if (close) headers.Connection = 'close'
    res.writeHead(reply.status, headers)
    if (bytesPerSecond === undefined) {
      // A string body goes out in one write together with the headers (a Buffer would cost a writev).
      res.end(text)
      return
    }
    const body = Buffer.from(text, 'utf8')
    // Slow body: a slice every 100 ms at the given rate.
    const perTick = Math.max(1, Math.floor(bytesPerSecond / 10))
    let offset = 0
    const timer = setInterval(() => {
      if (res.destroyed) {
        clearInterval(timer)
        slowTimers.delete(timer)
        return
      }
      const next = Math.min(body.length, offset + perTick)
      const chunk = body.subarray(offset, next)
      offset = next
      if (offset >= body.length) {
        clearInterval(timer)
        slowTimers.delete(timer)
        res.end(chunk)
      } else res.write(chunk)
    }, 100)
    slowTimers.add(timer)
    res.on('close', () => {
      clearInterval(timer)
      slowTimers.delete(timer)
    })
  }

  const faultReply = (action: FaultAction, group: RouteGroup): Reply | undefined => {
    switch (action.type) {
      case 'status': {
        const base = defaultProblem(action.status)
        return problemReply({ ...base, ...action.problem, status: action.status } as typeof base)
      }
      case 'rate-limit':
        return problem(429, undefined, { 'Retry-After': String(action.retryAfterSeconds) })
      case 'malformed':
        return {
          status: group === 'authorize' ? 200 : 201,
          contentType: JSON_CONTENT_TYPE,
          body: '{"processingTerminalId": "1234001", "token": "trunc',
        }
      default:
        return undefined
    }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now()
    const method = req.method ?? 'GET'
    const { path, query } = splitTarget(req.url ?? '/')
    const counters = state.counters

    if (path.startsWith(CONTROL_PREFIX)) {
      counters.requests.control++
      const body = await readBody(req, MAX_BODY_BYTES)
      if (body === ABORTED) return
      if (body === TOO_LARGE) return write(res, problem(413), true)
      const reply = handleControl(state, req, method, path, query, body, {
        log: (message, data) => log('info', message, data),
      })
      return write(res, reply, false)
    }

    const classified = classify(method, path)
    counters.requests.total++
    counters.requests[classified.group]++
    const ctx: RequestContext = {
      req,
      method,
      path,
      uri: query === '' ? path : `${path}?${query}`,
      query,
      body: '',
      latencyDone: false,
    }
    let reply: Reply | undefined
    let faultName: string | undefined
    let slow: number | undefined
    let close = false

    // 1. fault rules
    const group = classified.group
    const action = group === 'other' ? undefined : state.faults.take(group)
    if (action && group !== 'other') {
      faultName = action.type
      if (action.type === 'reset') {
        req.socket.destroy()
        state.countResponse('reset')
        record(req, ctx, group, 0, started, '', faultName)
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
        record(req, ctx, group, 0, started, '', faultName)
        return
      }
      if (body === TOO_LARGE) {
        reply = problem(413)
        close = true
      } else {
        ctx.body = body
        reply = await route(ctx, classified)
        await gateway.finishLatency(ctx)
      }
    }
    state.countResponse(reply.status)
    write(res, reply, close, slow)
    record(req, ctx, group, reply.status, started, reply.body, faultName, reply.headers?.Location)
    if (close) {
      // Stop reading an oversized body: end the connection once the 413 is out.
      res.once('finish', () => setTimeout(() => req.socket.destroy(), 50).unref())
    }
  }

  const record = (
    req: IncomingMessage,
    ctx: RequestContext,
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
      requestHeaders: req.headers,
      requestBody: ctx.body,
      responseBody,
      ...(location !== undefined ? { location } : {}),
      ...(fault !== undefined ? { fault } : {}),
    })
  }

  const server: Server = createServer(
    { keepAliveTimeout: 5_000, headersTimeout: 15_000, requestTimeout: 30_000, maxHeaderSize: 16 * 1024 },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        state.counters.internalErrors++
        log('error', 'handler failed', { error: error instanceof Error ? error.message : String(error) })
        if (!res.headersSent && !res.destroyed) {
          state.countResponse(500)
          write(res, problem(500, 'The sandbox failed to handle the request.'), false)
        } else if (!res.writableEnded) res.destroy()
      })
    },
  )
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) {
      socket.destroy()
      return
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    // A HEAD request gets no body (the raw packet tells when the request line was in the failing chunk).
    const raw = (error as { rawPacket?: unknown }).rawPacket
    const head = Buffer.isBuffer(raw) && raw.subarray(0, 5).toString('latin1') === 'HEAD '
    const body = head
      ? ''
      : JSON.stringify(defaultProblem(status, status === 400 ? 'The request is not valid HTTP.' : undefined))
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
        `Date: ${state.httpDate()}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.once('error', onError)
    server.listen(options.port ?? 0, host, () => {
      server.removeListener('error', onError)
      resolve()
    })
  })
  server.on('error', (error) => log('error', 'server error', { error: error.message }))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0)
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const sweeper = setInterval(() => state.sweep(), 1000)
  sweeper.unref()
  log('info', 'listening', { url: baseUrl, apiKeys: apiKeys.length })

  let closing: Promise<void> | undefined
  sandbox = {
    url: baseUrl,
    port,
    host,
    state,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(sweeper)
        for (const timer of slowTimers) clearInterval(timer)
        slowTimers.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
    reset: (resetOptions) => state.reset(resetOptions),
    addFault: (rule) => state.faults.add(FaultRuleSchema.parse(rule)),
    clearFaults: () => state.faults.clear(),
    configure: (patch) => state.configure(patch),
    config: () => ({ ...state.config }),
    journal: (limit = 100) => state.journal.read(limit, [...state.apiKeys.keys()]),
    stats: () => state.stats(),
    addRoute: (extra) => {
      extraRoutes.push(extra)
    },
    issueSingleUseToken: (input) => state.issueSingleUseToken(input),
  }
  return sandbox
}
