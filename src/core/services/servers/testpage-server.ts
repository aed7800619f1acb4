/**
 * The Hosted Fields test page's own loopback origin, shared by both shells (Electron and the browser preview):
 * it serves only testpage.html and the built assets, and only the console may frame it.
 *
 * Its Content-Security-Policy names the hosts one environment needs, like a merchant's page would: the console
 * puts the environment's CDN origin in the frame URL (`testpage.html?cdn=<origin>`), and the policy allows that
 * CDN for the script plus the gateway hosts that CDN's library frames and fetches. Without a valid `cdn` the
 * policy is the most restrictive static list (Payroc's two CDNs and UAT's gateway only).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { startStaticServer, type StaticServer } from './static-server'

export const isAsset = (path: string): boolean => path.startsWith('assets/') || path === 'favicon.ico'

export const UAT_CDN = 'https://cdn.uat.payroc.com'
export const PRODUCTION_CDN = 'https://cdn.payroc.com'
/** PAYROC.md: the UAT build frames and fetches testpayments.worldnettps.com. */
export const UAT_GATEWAY = 'https://testpayments.worldnettps.com'
/**
 * UNCONFIRMED: no public source names the host production's library frames and fetches. Worldnet's domain is
 * the best guess; a blocked host shows up in the event log as a CSP violation naming it.
 */
export const PRODUCTION_GATEWAY_GUESS = 'https://*.worldnettps.com'

/** Gateway hosts (frames + fetches) per CDN; other CDNs (custom environments) get their own origin plus both. */
const GATEWAYS_BY_CDN: Record<string, readonly string[]> = {
  [UAT_CDN]: [UAT_GATEWAY],
  [PRODUCTION_CDN]: [PRODUCTION_GATEWAY_GUESS],
}

const LOOPBACK = /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]):\d{1,5}$/

/** A bare origin (no path, query, credentials): https, or http on a loopback host (the sandbox). */
export function cdnOriginOf(value: string | null | undefined): string | null {
  if (!value || value.length > 300) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.origin !== value) return null
  if (url.protocol === 'https:' || LOOPBACK.test(value)) return value
  return null
}

/** The test page's policy for a CDN origin (null: the most restrictive static list). */
export function testPageContentSecurityPolicy(cdn: string | null, frameAncestors: string): string {
  const origin = cdnOriginOf(cdn)
  let scripts: string[]
  let gateways: string[]
  if (origin === null) {
    scripts = [UAT_CDN, PRODUCTION_CDN]
    gateways = [UAT_GATEWAY]
  } else if (GATEWAYS_BY_CDN[origin]) {
    scripts = [origin]
    gateways = [...GATEWAYS_BY_CDN[origin]]
  } else if (LOOPBACK.test(origin)) {
    // The sandbox (or a loopback custom environment) serves the script, the field iframes and the submit.
    scripts = [origin]
    gateways = [origin]
  } else {
    scripts = [origin]
    gateways = [origin, UAT_GATEWAY, PRODUCTION_GATEWAY_GUESS]
  }
  const hosts = [...new Set([...scripts, ...gateways])].join(' ')
  return [
    "default-src 'none'",
    `script-src 'self' ${scripts.join(' ')}`,
    // Inline styles: a library may set style attributes on the iframes it inserts; no script can come of it.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${hosts}`,
    `font-src 'self' ${hosts}`,
    `frame-src ${gateways.join(' ')}`,
    `connect-src ${hosts}`,
    "form-action 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

export interface TestPageServer extends StaticServer {
  /** Origins allowed to frame the test page (set once the console's own origin is known). */
  setConsoleOrigins(origins: readonly string[]): void
}

export async function startTestPageServer(options: {
  rendererDir: string
  consoleOrigins?: readonly string[]
  onError?: (error: unknown) => void
}): Promise<TestPageServer> {
  let frameAncestors = options.consoleOrigins?.join(' ') || "'none'"
  // The policy depends on the query, which the static server's per-file headers do not see: set it here,
  // writeHead keeps headers set before it.
  const policy = (req: IncomingMessage, res: ServerResponse): boolean => {
    let cdn: string | null = null
    try {
      cdn = new URL(req.url ?? '/', 'http://test-page.invalid').searchParams.get('cdn')
    } catch {
      // an odd request target: the static server answers it; the strictest policy goes with it
    }
    res.setHeader('Content-Security-Policy', testPageContentSecurityPolicy(cdn, frameAncestors))
    return false
  }
  const server = await startStaticServer({
    root: options.rendererDir,
    index: 'testpage.html',
    allow: (path) => path === 'testpage.html' || isAsset(path),
    before: policy,
    ...(options.onError ? { onError: options.onError } : {}),
  })
  return {
    ...server,
    setConsoleOrigins(origins) {
      frameAncestors = origins.join(' ') || "'none'"
    },
  }
}
