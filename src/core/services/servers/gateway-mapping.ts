/**
 * Where a request of a page running Payroc's own Hosted Fields script goes when the sandbox stands in for
 * Payroc's UAT gateway: a pure decision, shared by every host that maps the gateway (the e2e routing today; the
 * desktop shell's test page session is meant to use the same). The gateway origin is kept (answers are fetched
 * from the sandbox and returned as the gateway's own — a redirect would break the library's origin checks);
 * the script URL on the CDN and on the gateway's /js/hosted-fields/ path (the field frame page loads it there)
 * is answered with the user's copy of a known build.
 */
import { UAT_CDN, UAT_GATEWAY } from './testpage-server'

export type GatewayMapping =
  /** Not one of Payroc's hosts: leave it alone (the page's own origin, loopback). */
  | { kind: 'pass' }
  /** Payroc's script of this build: answer with the user's copy (Access-Control-Allow-Origin: *). */
  | { kind: 'script'; libVersion: string }
  /** Fetch this sandbox URL and answer with its status, headers and body, at the gateway's origin. */
  | { kind: 'sandbox'; url: string }
  /** A card-brand image on Payroc's CDN: answer 404 (the image stays hidden). */
  | { kind: 'image' }
  /** Any other external host, or a script build with no copy: refuse. */
  | { kind: 'refuse' }

const SCRIPT_PATH = /^\/js\/hosted-fields\/hosted-fields-([^/]+)\.js$/

export function mapGatewayRequest(
  requestUrl: string,
  options: { sandboxUrl: string; builds: ReadonlySet<string> },
): GatewayMapping {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { kind: 'refuse' }
  }
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) {
    return { kind: 'pass' }
  }
  if (url.origin !== UAT_CDN && url.origin !== UAT_GATEWAY) return { kind: 'refuse' }
  const version = SCRIPT_PATH.exec(url.pathname)?.[1]
  if (version !== undefined) {
    return options.builds.has(version) && url.search === ''
      ? { kind: 'script', libVersion: version }
      : { kind: 'refuse' }
  }
  if (url.origin === UAT_CDN) return url.pathname.startsWith('/img/') ? { kind: 'image' } : { kind: 'refuse' }
  return { kind: 'sandbox', url: `${options.sandboxUrl}${url.pathname}${url.search}` }
}
