/**
 * A typed door to autocannon's programmatic API (the package ships no declarations). Only what the bench uses
 * is declared; it is loaded with createRequire so no ambient module declaration can clash with @types/autocannon.
 */
import { createRequire } from 'node:module'

export interface CannonRequest {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string
}

export interface CannonOptions {
  url: string
  connections: number
  duration?: number
  amount?: number
  pipelining?: number
  method?: string
  headers?: Record<string, string>
  body?: string
  requests?: (CannonRequest & { setupRequest?: (request: CannonRequest) => CannonRequest })[]
}

export interface CannonHistogram {
  average: number
  min: number
  max: number
  p50: number
  p90: number
  p99: number
}

export interface CannonResult {
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  latency: CannonHistogram
  requests: CannonHistogram & { total: number }
  statusCodeStats: Record<string, { count: number }>
}

type Cannon = (options: CannonOptions) => Promise<CannonResult>

const load = createRequire(__filename)
export const autocannon = load('autocannon') as Cannon
