/** What the sandbox counts (GET /__sandbox/stats), reset with the rest of the state. */
import type { RouteGroup } from '../fault-rules'

export interface SandboxStats {
  sessionsCreated: number
  accessTokensIssued: number
  idempotentReplays: number
  singleUseTokensIssued: number
  secureTokensCreated: number
  secureTokensUpdated: number
  secureTokensDeleted: number
  paymentsCreated: number
  faultsApplied: number
  internalErrors: number
  /** Requests seen, by route group; control API requests are counted apart and not in total. */
  requests: Record<RouteGroup | 'other' | 'total' | 'control', number>
  /** Gateway answers by status code (control API excluded; reset connections count as "reset"). */
  responses: Record<string, number>
  stores: {
    sessions: number
    idempotency: number
    idempotencyInFlight: number
    accessTokens: number
    singleUseTokens: number
    secureTokens: number
    payments: number
    journal: number
    faults: number
  }
  evicted: { sessions: number; idempotency: number; accessTokens: number; singleUseTokens: number }
}

export const emptyCounters = () => ({
  sessionsCreated: 0,
  accessTokensIssued: 0,
  idempotentReplays: 0,
  singleUseTokensIssued: 0,
  secureTokensCreated: 0,
  secureTokensUpdated: 0,
  secureTokensDeleted: 0,
  paymentsCreated: 0,
  internalErrors: 0,
  requests: {
    authorize: 0,
    sessions: 0,
    'secure-tokens': 0,
    payments: 0,
    library: 0,
    other: 0,
    total: 0,
    control: 0,
  },
  responses: {} as Record<string, number>,
})
export type SandboxCounters = ReturnType<typeof emptyCounters>

export function countResponse(counters: SandboxCounters, status: number | 'reset'): void {
  const key = String(status)
  counters.responses[key] = (counters.responses[key] ?? 0) + 1
}
