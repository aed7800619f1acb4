/**
 * One axios instance per environment + profile: keep-alive agents (so after the pre-warm a create costs one
 * round trip on a warm connection), a connect timeout and a response timeout, and every status handed back to
 * the caller as text so the gateway client parses and maps it itself.
 *
 * Proxies: each request passes `proxy` from `proxy-decision.ts` (`exchange.ts`), so axios never reads the
 * environment itself: loopback (127.0.0.0/8, ::1, localhost) is never proxied whatever HTTP(S)_PROXY / NO_PROXY
 * say, and with a proxy object axios tunnels HTTPS with CONNECT and forwards this agent's TLS options to the
 * origin. Preflight (`host-probe.ts`) uses the same decision. NODE_EXTRA_CA_CERTS is applied by Node to every
 * TLS context.
 */
import http from 'node:http'
import https from 'node:https'
import type { Duplex } from 'node:stream'
import axios, { type AxiosInstance } from 'axios'

export interface HttpTimeouts {
  connectTimeoutMs: number
  responseTimeoutMs: number
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectTimeoutMs: 10_000, responseTimeoutMs: 10_000 }

const connectTimeoutError = (ms: number): Error =>
  Object.assign(new Error(`connect timeout after ${ms} ms`), { code: 'ERR_CONNECT_TIMEOUT' })

/** Destroys a socket that has not connected within `ms`; the response timeout covers the rest. */
function guardConnect(socket: Duplex | null | undefined, ms: number, connectEvent: string): void {
  if (!socket) return
  const timer = setTimeout(() => socket.destroy(connectTimeoutError(ms)), ms)
  timer.unref()
  const clear = () => clearTimeout(timer)
  socket.once(connectEvent, clear)
  socket.once('close', clear)
  socket.once('error', clear)
}

class ConnectTimeoutHttpAgent extends http.Agent {
  constructor(private readonly connectTimeoutMs: number) {
    super({ keepAlive: true, maxSockets: 16, keepAliveMsecs: 30_000 })
  }
  override createConnection(
    ...args: Parameters<http.Agent['createConnection']>
  ): ReturnType<http.Agent['createConnection']> {
    const socket = super.createConnection(...args)
    guardConnect(socket, this.connectTimeoutMs, 'connect')
    return socket
  }
}

class ConnectTimeoutHttpsAgent extends https.Agent {
  constructor(private readonly connectTimeoutMs: number) {
    super({ keepAlive: true, maxSockets: 16, keepAliveMsecs: 30_000 })
  }
  override createConnection(
    ...args: Parameters<https.Agent['createConnection']>
  ): ReturnType<https.Agent['createConnection']> {
    const socket = super.createConnection(...args)
    guardConnect(socket, this.connectTimeoutMs, 'secureConnect')
    return socket
  }
}

export interface HttpClient {
  axios: AxiosInstance
  /**
   * Deadline for a whole exchange (connect + response timeouts). axios' `timeout` is an idle timeout on the
   * socket, so a gateway trickling its answer byte by byte would otherwise hold a call open indefinitely.
   */
  deadlineMs: number
  close(): void
}

export function createHttpClient(timeouts: HttpTimeouts = DEFAULT_TIMEOUTS): HttpClient {
  const httpAgent = new ConnectTimeoutHttpAgent(timeouts.connectTimeoutMs)
  const httpsAgent = new ConnectTimeoutHttpsAgent(timeouts.connectTimeoutMs)
  const instance = axios.create({
    httpAgent,
    httpsAgent,
    timeout: timeouts.responseTimeoutMs,
    validateStatus: () => true,
    responseType: 'text',
    // Keep the body exactly as received; JSON is parsed with the shared schemas so junk becomes malformed-response.
    transformResponse: [(data: unknown) => data],
    maxRedirects: 0,
    maxContentLength: 1024 * 1024,
    decompress: true,
  })
  return {
    axios: instance,
    deadlineMs: timeouts.connectTimeoutMs + timeouts.responseTimeoutMs,
    close: () => {
      httpAgent.destroy()
      httpsAgent.destroy()
    },
  }
}
