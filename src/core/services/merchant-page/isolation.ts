/**
 * What the page under check may reach (issue 17 §6): everything on the network except loopback, and on loopback
 * only its own origin and the environment's library origins (the sandbox runs on loopback). The console's own
 * origins (the browser preview's bridge, the test page server) are refused even when they would otherwise pass.
 * A pure decision, so it is unit-tested without a browser and enforced by context.route in the driver.
 */
import type { LibraryEnvironment } from './types'

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host === '::1' || host === '0:0:0:0:0:0:0:1' || host === '::' || host === '0.0.0.0') return true
  if (/^::ffff:127\./.test(host) || /^::ffff:7f[0-9a-f]{2}:/.test(host)) return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || /^0x7f/.test(host) || /^2130706433$/.test(host)
}

export interface IsolationPolicy {
  /** Loopback origins the page may use. */
  allowedLoopback: ReadonlySet<string>
  /** Origins refused always (the console's own servers). */
  refused: ReadonlySet<string>
}

export function isolationPolicy(
  pageUrl: string,
  env: LibraryEnvironment,
  consoleOrigins: readonly string[] = [],
): IsolationPolicy {
  const refused = new Set(consoleOrigins.map((origin) => new URL(origin).origin))
  const candidates = [
    new URL(pageUrl).origin,
    ...env.scriptOrigins,
    ...env.gatewayOrigins,
    ...env.identityOrigins,
  ]
  const allowedLoopback = new Set(
    candidates.filter((origin) => isLoopbackHost(new URL(origin).hostname) && !refused.has(origin)),
  )
  return { allowedLoopback, refused }
}

/** undefined = let it through; else why it is refused. */
export function refusal(policy: IsolationPolicy, url: string): string | undefined {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return undefined // data:, blob: and the like never leave the browser
  }
  if (target.protocol === 'data:' || target.protocol === 'blob:' || target.protocol === 'about:')
    return undefined
  if (policy.refused.has(target.origin)) return `the console's own origin ${target.origin}`
  if (target.protocol === 'file:') return 'a local file'
  if (isLoopbackHost(target.hostname) && !policy.allowedLoopback.has(target.origin)) {
    return `loopback origin ${target.origin} (only the page's own origin and the library's may be reached)`
  }
  return undefined
}
