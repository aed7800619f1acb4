/**
 * Which Payroc environment a URL or host name really points at, decided on the host as DNS and TLS will see it.
 *
 * The WHATWG URL parser already lowercases, percent-decodes the host (`%2e` → `.`), applies IDNA/UTS 46
 * (full-width letters, the ideographic full stop `。` and soft hyphens map to their ASCII forms, non-ASCII
 * lookalikes become `xn--…` punycode) and drops the default port. What it keeps, and DNS and TLS accept, is a
 * trailing dot (`api.payroc.com.` is the same host as `api.payroc.com`): those are stripped here.
 *
 * The rule (fail towards the confirmation, never away from it):
 * - UAT is `uat.payroc.com` and every host under it (`api.uat.payroc.com`, `identity.uat.payroc.com`,
 *   `cdn.uat.payroc.com`, and any other `*.uat.payroc.com` Payroc adds): Payroc names its UAT hosts that way.
 * - Every other host that is `payroc.com` or under it is Production, whatever the port, case or spelling.
 * - Anything else (including lookalikes that are not `payroc.com` once normalised) is not Payroc.
 */

export type PayrocHostKind = 'production' | 'uat' | 'not-payroc'

const PAYROC_DOMAIN = 'payroc.com'
const UAT_DOMAIN = `uat.${PAYROC_DOMAIN}`

const isAtOrUnder = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`)

/**
 * The host name as DNS resolves it: lowercase ASCII (punycode), no trailing dots, no port (IPv6 keeps its
 * brackets). Accepts a URL or a bare host (`api.payroc.com.:443`); null when it cannot be parsed.
 */
export function normaliseHost(urlOrHost: string): string | null {
  const text = urlOrHost.trim()
  if (text === '') return null
  let hostname: string
  try {
    hostname = new URL(text.includes('://') ? text : `https://${text}`).hostname
  } catch {
    return null
  }
  const trimmed = hostname.replace(/\.+$/, '')
  return trimmed === '' ? null : trimmed
}

/** Production, UAT, or not Payroc, for a host or URL in any spelling (see the module comment for the rule). */
export function payrocHostKind(urlOrHost: string): PayrocHostKind {
  const host = normaliseHost(urlOrHost)
  if (host === null || !isAtOrUnder(host, PAYROC_DOMAIN)) return 'not-payroc'
  return isAtOrUnder(host, UAT_DOMAIN) ? 'uat' : 'production'
}

export const isProductionHost = (urlOrHost: string): boolean => payrocHostKind(urlOrHost) === 'production'

/**
 * Whether a custom environment needs the Production confirmation: its API or identity base points at a
 * production Payroc host (the CDN only serves the library script; nothing is created or authenticated there).
 */
export function pointsAtProduction(env: { apiBase: string; identityBase: string }): boolean {
  return isProductionHost(env.apiBase) || isProductionHost(env.identityBase)
}
