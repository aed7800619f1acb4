/**
 * Just enough Content-Security-Policy (CSP Level 3) to answer "does this policy let the library's script, frames
 * and fetches through?": directive fallback (script-src-elem → script-src → default-src, frame-src → child-src →
 * default-src, connect-src → default-src) and source-expression matching for scheme, host (with `*.` wildcards),
 * port and path. Nonces and hashes do not allow a URL; 'strict-dynamic' is treated as "cannot tell" (allows).
 */
export type CspResource = 'script' | 'frame' | 'connect'

const FALLBACK: Record<CspResource, string[]> = {
  script: ['script-src-elem', 'script-src', 'default-src'],
  frame: ['frame-src', 'child-src', 'default-src'],
  connect: ['connect-src', 'default-src'],
}

export type CspPolicy = Map<string, string[]>

/** One policy (a header may hold several, comma-separated: each is enforced on its own). */
export function parsePolicy(text: string): CspPolicy {
  const policy: CspPolicy = new Map()
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    const key = name.toLowerCase()
    if (!policy.has(key)) policy.set(key, sources) // the first occurrence of a directive wins
  }
  return policy
}

export function parsePolicies(headerValue: string): CspPolicy[] {
  return headerValue
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map(parsePolicy)
}

/** The directive that governs a resource type, and its source list (undefined: nothing restricts it). */
export function governing(
  policy: CspPolicy,
  resource: CspResource,
): { directive: string; sources: string[] } | undefined {
  for (const directive of FALLBACK[resource]) {
    const sources = policy.get(directive)
    if (sources) return { directive, sources }
  }
  return undefined
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
  return pattern === host
}

const defaultPort = (scheme: string): string => (scheme === 'https:' ? '443' : scheme === 'http:' ? '80' : '')

/** Does one source expression allow `url` on a page at `pageOrigin`? */
export function sourceAllows(source: string, url: URL, pageOrigin: string): boolean {
  const expr = source.trim()
  const lower = expr.toLowerCase()
  if (lower === "'none'") return false
  if (lower === "'self'") return url.origin === pageOrigin
  if (lower === "'strict-dynamic'") return true
  if (lower.startsWith("'")) return false // 'unsafe-inline', nonces, hashes: none of them allows a URL
  if (expr === '*') return url.protocol === 'http:' || url.protocol === 'https:'
  const schemeOnly = /^([a-z][a-z0-9+.-]*):$/i.exec(expr)
  if (schemeOnly) {
    const scheme = `${(schemeOnly[1] ?? '').toLowerCase()}:`
    // CSP3: http: also allows https: (an upgrade).
    return url.protocol === scheme || (scheme === 'http:' && url.protocol === 'https:')
  }
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[^/:]+)(?::(\d+|\*))?(\/.*)?$/i.exec(expr)
  if (!match) return false
  const [, scheme, host, port, path] = match
  if (scheme) {
    const want = `${scheme.toLowerCase()}:`
    if (!(url.protocol === want || (want === 'http:' && url.protocol === 'https:'))) return false
  } else {
    const pageScheme = new URL(pageOrigin).protocol
    if (!(url.protocol === pageScheme || (pageScheme === 'http:' && url.protocol === 'https:'))) return false
  }
  if (!hostMatches((host ?? '').toLowerCase(), url.hostname.toLowerCase())) return false
  const urlPort = url.port || defaultPort(url.protocol)
  if (port === undefined) {
    const expected = defaultPort(scheme ? `${scheme.toLowerCase()}:` : url.protocol)
    if (urlPort !== expected && !(expected === '80' && urlPort === '443')) return false
  } else if (port !== '*' && port !== urlPort) return false
  if (path && path !== '/') {
    return path.endsWith('/') ? url.pathname.startsWith(path) : url.pathname === path
  }
  return true
}

/** Undefined when every policy allows the URL; else the first blocking policy's directive and sources. */
export function blockedBy(
  policies: readonly CspPolicy[],
  resource: CspResource,
  url: string,
  pageOrigin: string,
): { directive: string; sources: string[] } | undefined {
  const target = new URL(url)
  for (const policy of policies) {
    const rule = governing(policy, resource)
    if (!rule) continue
    if (!rule.sources.some((source) => sourceAllows(source, target, pageOrigin))) return rule
  }
  return undefined
}
