/**
 * The sandbox's router: routes are tried in the order they were added; the first whose path and method match
 * handles the request. A path some route knows but not for this method → the methods it allows (405).
 */
import type { RouteGroup } from './fault-rules'
import type { SandboxRoute } from './sandbox-types'

export type RouteResult =
  | { kind: 'route'; route: SandboxRoute; params: string[]; group: RouteGroup }
  | { kind: 'method'; allow: string; group: RouteGroup }
  | { kind: 'none' }

const NONE: RouteResult = { kind: 'none' }

const allows = (route: SandboxRoute, method: string): boolean =>
  typeof route.method === 'string'
    ? route.method === '*' || route.method === method
    : route.method.includes(method)

const allowOf = (route: SandboxRoute): string =>
  route.allow ?? (typeof route.method === 'string' ? route.method : route.method.join(', '))

export class SandboxRouter {
  private readonly routes: SandboxRoute[] = []

  constructor(routes: readonly SandboxRoute[] = []) {
    this.routes.push(...routes)
  }

  add(...routes: SandboxRoute[]): void {
    this.routes.push(...routes)
  }

  resolve(method: string, path: string): RouteResult {
    let allow: string[] | undefined
    let group: RouteGroup | undefined
    for (const route of this.routes) {
      const match = route.path.exec(path)
      if (match === null) continue
      if (allows(route, method)) {
        const params: string[] = []
        for (let index = 1; index < match.length; index++) params.push(match[index] ?? '')
        return { kind: 'route', route, params, group: route.group ?? 'library' }
      }
      group ??= route.group ?? 'library'
      const text = allowOf(route)
      if (allow === undefined) allow = [text]
      else if (!allow.includes(text)) allow.push(text)
    }
    return allow === undefined || group === undefined
      ? NONE
      : { kind: 'method', allow: allow.join(', '), group }
  }
}
