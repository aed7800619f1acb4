/**
 * Which proxy, if any, a gateway call goes through — decided here, once, instead of by axios' proxy-from-env
 * (which proxies everything, loopback included, when NO_PROXY is empty). Pure: the environment is a parameter.
 *
 * Rules:
 * - Loopback is never proxied, whatever the variables say: 127.0.0.0/8, ::1 (also IPv4-mapped), 0.0.0.0 / ::,
 *   `localhost` and every `*.localhost` name, trailing dots and case ignored. A proxy would see the API key of
 *   a loopback custom environment in clear text, and could not reach the embedded sandbox anyway.
 * - The variable: `https_proxy`/`HTTPS_PROXY` for https targets, `http_proxy`/`HTTP_PROXY` for http, then
 *   `all_proxy`/`ALL_PROXY`; the lowercase spelling wins when both are set (curl, proxy-from-env). A value
 *   without a scheme is an http:// proxy. An unparsable value is reported, never silently used.
 * - `no_proxy`/`NO_PROXY` (lowercase wins): entries separated by commas or spaces; `*` alone = no proxy at all;
 *   `example.com` matches that host and every host under it; `.example.com` and `*.example.com` only hosts
 *   under it; `host:port` only that port (default ports count: 443/80); `[::1]:4010` for IPv6; IPv4 CIDR
 *   (`10.0.0.0/8`) for IPv4 hosts. Matching is on the normalised host (lowercase, no trailing dot).
 */

export type ProxyEnv = Readonly<Record<string, string | undefined>>

export type ProxyDecision =
  | { proxy: URL; variable: string }
  | {
      proxy: null
      reason: 'loopback' | 'no-proxy-variable' | 'no-proxy-match' | 'invalid-proxy-url' | 'not-http'
      /** For 'no-proxy-match': the entry that matched; for 'invalid-proxy-url': the variable's name. */
      detail?: string
    }

const readEnv = (env: ProxyEnv, name: string): { name: string; value: string } | undefined => {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim()
    if (value) return { name: key, value }
  }
  return undefined
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 }

/** Hostname without brackets or trailing dots, lowercase (the URL parser already lowercased it). */
const bareHost = (hostname: string): string =>
  hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.+$/, '')
    .toLowerCase()

const ipv4Bytes = (host: string): number[] | null => {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  if (!match) return null
  const bytes = match.slice(1).map(Number)
  return bytes.every((b) => b <= 255) ? bytes : null
}

/** Loopback (or "this host") in any spelling the URL parser leaves: see the module comment. */
export function isLoopbackHost(hostname: string): boolean {
  const host = bareHost(hostname)
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const v4 = ipv4Bytes(host)
  if (v4) return v4[0] === 127 || v4.every((b) => b === 0)
  // IPv6 as the URL parser prints it (compressed, lowercase hex): ::1, ::, and IPv4-mapped ::ffff:7fxx:xxxx.
  return host === '::1' || host === '::' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)
}

const inCidr = (host: string, cidr: string): boolean => {
  const [base = '', bits = ''] = cidr.split('/')
  const hostBytes = ipv4Bytes(host)
  const baseBytes = ipv4Bytes(base)
  const prefix = Number(bits)
  if (!hostBytes || !baseBytes || !/^\d{1,2}$/.test(bits) || prefix > 32) return false
  const toInt = (b: number[]) => b.reduce((acc, byte) => acc * 256 + byte, 0)
  const size = 2 ** (32 - prefix)
  return Math.floor(toInt(hostBytes) / size) === Math.floor(toInt(baseBytes) / size)
}

/** The NO_PROXY entry that matches `host` on `port`, or undefined. */
export function matchNoProxy(noProxy: string, host: string, port: number): string | undefined {
  const target = bareHost(host)
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') return entry
    if (entry.includes('/')) {
      if (inCidr(target, entry)) return raw
      continue
    }
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry)
    if (withPort && Number(withPort[2]) !== port) continue
    let name = bareHost(withPort ? (withPort[1] ?? '') : entry)
    const subdomainsOnly = name.startsWith('.') || name.startsWith('*.')
    name = name.replace(/^\*?\./, '')
    if (!name) continue
    if (target.endsWith(`.${name}`) || (!subdomainsOnly && target === name)) return raw
  }
  return undefined
}

/** The proxy for one request to `url`, or why there is none. */
export function proxyFor(url: string | URL, env: ProxyEnv): ProxyDecision {
  let target: URL
  try {
    target = typeof url === 'string' ? new URL(url) : url
  } catch {
    return { proxy: null, reason: 'not-http' }
  }
  const scheme = target.protocol
  if (scheme !== 'http:' && scheme !== 'https:') return { proxy: null, reason: 'not-http' }
  if (isLoopbackHost(target.hostname)) return { proxy: null, reason: 'loopback' }
  const variable =
    readEnv(env, scheme === 'https:' ? 'https_proxy' : 'http_proxy') ?? readEnv(env, 'all_proxy')
  if (!variable) return { proxy: null, reason: 'no-proxy-variable' }
  const port = Number(target.port) || DEFAULT_PORTS[scheme] || 0
  const noProxy = readEnv(env, 'no_proxy')?.value ?? ''
  const matched = matchNoProxy(noProxy, target.hostname, port)
  if (matched !== undefined) return { proxy: null, reason: 'no-proxy-match', detail: matched }
  try {
    const proxy = new URL(variable.value.includes('://') ? variable.value : `http://${variable.value}`)
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') throw new Error('unsupported scheme')
    return { proxy, variable: variable.name }
  } catch {
    return { proxy: null, reason: 'invalid-proxy-url', detail: variable.name }
  }
}

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** axios' `proxy` request option for a decision: `false` (never read the environment itself) or the proxy. */
export function axiosProxyOption(decision: ProxyDecision):
  | false
  | {
      protocol: string
      host: string
      port: number
      auth?: { username: string; password: string }
    } {
  if (decision.proxy === null) return false
  const { proxy } = decision
  return {
    protocol: proxy.protocol.replace(/:$/, ''),
    host: bareHost(proxy.hostname),
    port: Number(proxy.port) || DEFAULT_PORTS[proxy.protocol] || 80,
    ...(proxy.username
      ? {
          auth: { username: safeDecode(proxy.username), password: safeDecode(proxy.password) },
        }
      : {}),
  }
}
