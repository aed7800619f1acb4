/**
 * startSandbox: seeds the state, builds the router (identity, sessions, secure tokens, the simulated library,
 * extra routes) and the control router, and serves them over plain node:http.
 */
import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { FaultRuleInput } from './fault-rules'
import { gatewayProtocolRoutes, libraryAssets, libraryRoutes } from './library'
import { problem } from './problem-replies'
import { ReplyWriter } from './reply-writer'
import { createRequestHandler } from './request-handler'
import { SandboxRouter } from './router'
import { controlRouter } from './routes/control-routes'
import { identityRoutes } from './routes/identity-routes'
import { bankTransferRoutes } from './routes/bank-transfer-routes'
import { binLookupRoutes } from './routes/bin-lookup-routes'
import { paymentRoutes } from './routes/payment-routes'
import { secureTokenManageRoutes } from './routes/secure-token-manage-routes'
import { secureTokenRoutes } from './routes/secure-token-routes'
import { singleUseTokenRoutes } from './routes/single-use-token-routes'
import { sessionRoutes } from './routes/session-routes'
import type { Sandbox, SandboxLogger, SandboxLogLevel, SandboxOptions } from './sandbox-types'
import { SandboxState } from './state/sandbox-state'
import { loadTerminalSeedFile, TerminalDirectory, TerminalSeedFile } from './terminal-directory'

export const DEFAULT_SANDBOX_API_KEY = 'sandbox-api-key'

/** A line-per-event logger on stderr (what the CLI uses). */
export const stderrLogger: SandboxLogger = {
  log(level, message, data) {
    const suffix = data && Object.keys(data).length > 0 ? ` ${JSON.stringify(data)}` : ''
    process.stderr.write(`${new Date().toISOString()} ${level} sandbox: ${message}${suffix}\n`)
  },
}

function seedTerminals(terminals: SandboxOptions['terminals']): TerminalDirectory {
  if (terminals === undefined) return TerminalDirectory.defaults()
  if (typeof terminals === 'string') return new TerminalDirectory(loadTerminalSeedFile(terminals), false)
  return new TerminalDirectory(TerminalSeedFile.parse(terminals), false)
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1'
  const logger = options.logger
  const apiKeys = options.apiKeys && options.apiKeys.length > 0 ? options.apiKeys : [DEFAULT_SANDBOX_API_KEY]
  const state = new SandboxState({
    apiKeys,
    terminals: seedTerminals(options.terminals),
    maxEntries: options.maxEntries ?? 200_000,
    journalSize: options.journalSize ?? 1000,
    config: {
      sessionTtlSeconds: options.sessionTtlSeconds ?? 600,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      idempotencyTtlSeconds: options.idempotencyTtlSeconds ?? 86_400,
      clockOffsetSeconds: options.clockOffsetSeconds ?? 0,
      latencyMs: options.latencyMs ?? 0,
      singleUseTokenTtlSeconds: 1800,
      slowOutcomeMs: 20_000,
    },
  })
  // Built (or taken from the app bundle) before listening, so a broken build fails the start, not a request.
  libraryAssets()
  const log = (level: SandboxLogLevel, message: string, data?: Record<string, unknown>) =>
    logger?.log(level, message, data)
  const gateway = new SandboxRouter([
    ...identityRoutes,
    ...sessionRoutes,
    ...secureTokenRoutes,
    ...secureTokenManageRoutes,
    ...singleUseTokenRoutes,
    ...paymentRoutes,
    ...bankTransferRoutes,
    ...binLookupRoutes,
    ...libraryRoutes,
    ...gatewayProtocolRoutes,
    ...(options.routes ?? []),
  ])
  const writer = new ReplyWriter(state)
  // eslint-disable-next-line prefer-const -- assigned once the port is known; routes read it per request
  let sandbox: Sandbox
  const handle = createRequestHandler({
    state,
    gateway,
    control: controlRouter((message, data) => log('info', message, data)),
    writer,
    sandbox: () => sandbox,
  })

  const server: Server = createServer(
    { keepAliveTimeout: 5_000, headersTimeout: 15_000, requestTimeout: 30_000, maxHeaderSize: 16 * 1024 },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        state.counters.internalErrors++
        log('error', 'handler failed', { error: error instanceof Error ? error.message : String(error) })
        if (!res.headersSent && !res.destroyed) {
          state.countResponse(500)
          writer.write(res, problem(500, 'The sandbox failed to handle the request.'), false)
        } else if (!res.writableEnded) res.destroy()
      })
    },
  )
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
    writer.clientError(error, socket),
  )

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
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const sweeper = setInterval(() => state.sweep(), 1000)
  sweeper.unref()
  log('info', 'listening', { url, apiKeys: apiKeys.length })

  let closing: Promise<void> | undefined
  sandbox = {
    url,
    port,
    host,
    state,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(sweeper)
        writer.stop()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
    reset: (resetOptions) => state.reset(resetOptions),
    addFault: (rule) => state.faults.add(FaultRuleInput.parse(rule)),
    clearFaults: () => state.faults.clear(),
    configure: (patch) => state.configure(patch),
    config: () => ({ ...state.config }),
    journal: (limit = 100) => state.journal.read(limit, [...state.apiKeys.keys()]),
    stats: () => state.stats(),
    addRoute: (route) => gateway.add(route),
    issueSingleUseToken: (input) => state.issueSingleUseToken(input),
  }
  return sandbox
}
