/**
 * "Is the host reachable?" for preflight, one layer at a time so the answer names the layer: DNS lookup, then
 * a TCP connect, then (https) a TLS handshake that verifies the certificate like the gateway client does
 * (NODE_EXTRA_CA_CERTS included). Behind HTTPS_PROXY the origin is not dialled directly: the proxy is what must
 * be reachable, and the answer says so.
 */
import { promises as dns } from 'node:dns'
import net from 'node:net'
import tls from 'node:tls'
import type { ErrorKind } from '../../../shared/result'
import { transportKind } from '../gateway/gateway-errors'
import { proxyFor as proxyDecision } from '../gateway/proxy-decision'
import { attemptHint, DIAGNOSIS_HINTS } from '../../hint-catalogue'

export interface ProbeResult {
  ok: boolean
  /** One line: what was reached, or which layer failed and how. */
  detail: string
  hint: string
  kind?: ErrorKind
  code?: string
  viaProxy?: string
}

/** The proxy the gateway client uses for `url` — the same decision (`proxy-decision.ts`), so preflight agrees. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return proxyDecision(url, env).proxy?.href
}

const codeOf = (error: unknown): string | undefined =>
  error && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

function connect(
  host: string,
  port: number,
  secure: boolean,
  servername: string,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = secure
      ? tls.connect({ host, port, servername: net.isIP(servername) ? undefined : servername })
      : net.connect({ host, port })
    const timer = setTimeout(() => {
      socket.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }))
    }, timeoutMs)
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer)
      socket.end()
      socket.destroy()
      resolve()
    })
    socket.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}

function failure(layer: string, target: string, error: unknown, viaProxy?: string): ProbeResult {
  const code = codeOf(error)
  const kind = layer === 'DNS' ? 'network' : transportKind(error)
  const what = `${layer} to ${target} failed (${code ? `${code}: ` : ''}${messageOf(error)})`
  let hint = attemptHint(kind, { code })
  if (viaProxy) hint = DIAGNOSIS_HINTS.proxy
  else if (kind === 'tls') hint = DIAGNOSIS_HINTS.certificate
  return {
    ok: false,
    detail: viaProxy ? `Proxy ${viaProxy}: ${what}` : what,
    hint,
    kind,
    ...(code ? { code } : {}),
    ...(viaProxy ? { viaProxy } : {}),
  }
}

export async function probeHost(base: string, timeoutMs = 5000): Promise<ProbeResult> {
  const url = new URL(base)
  const decision = proxyDecision(url, process.env)
  if (decision.proxy === null && decision.reason === 'invalid-proxy-url') {
    return {
      ok: false,
      detail: `Proxy variable ${decision.detail ?? ''} is not a valid http(s) URL`,
      hint: DIAGNOSIS_HINTS.proxy,
      kind: 'network',
    }
  }
  const proxy = decision.proxy?.href
  const target = proxy ? new URL(proxy) : url
  // Shown to the user: never the proxy's credentials.
  const proxyName = proxy ? `${target.protocol}//${target.host}` : undefined
  const host = target.hostname.replace(/^\[|\]$/g, '')
  const secure = target.protocol === 'https:'
  const port = Number(target.port || (secure ? 443 : 80))
  let address: string
  try {
    address = net.isIP(host) ? host : (await dns.lookup(host)).address
  } catch (error) {
    return failure('DNS', host, error, proxyName)
  }
  try {
    // A proxy is dialled plainly (CONNECT goes over TCP); the origin's TLS is then tunnelled through it.
    await connect(address, port, secure && !proxy, host, timeoutMs)
  } catch (error) {
    const layer = secure && !proxy && codeOf(error) !== 'ECONNREFUSED' ? 'TLS/TCP' : 'TCP'
    return failure(codeOf(error) === 'ECONNREFUSED' ? 'TCP' : layer, `${host}:${port}`, error, proxyName)
  }
  const reached = `${host} (${address}) port ${port}${secure && !proxy ? ', TLS certificate trusted' : ''}`
  return {
    ok: true,
    detail: proxyName ? `Proxy ${proxyName} reachable: ${reached}` : `Reached ${reached}`,
    hint: '',
    ...(proxyName ? { viaProxy: proxyName } : {}),
  }
}
