/**
 * The Hosted Fields test page's own loopback origin, shared by both shells (Electron and the browser preview):
 * it serves only testpage.html and the built assets, and only the console may frame it.
 */
import { startStaticServer, type StaticServer } from './static-server'

export const isAsset = (path: string): boolean => path.startsWith('assets/') || path === 'favicon.ico'

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
  const server = await startStaticServer({
    root: options.rendererDir,
    index: 'testpage.html',
    allow: (path) => path === 'testpage.html' || isAsset(path),
    headers: () => ({
      'Content-Security-Policy': `frame-ancestors ${frameAncestors}; object-src 'none'; base-uri 'none'`,
    }),
    ...(options.onError ? { onError: options.onError } : {}),
  })
  return {
    ...server,
    setConsoleOrigins(origins) {
      frameAncestors = origins.join(' ') || "'none'"
    },
  }
}
