/**
 * Fault injection. A rule matches a route group; the first matching rule whose probability roll succeeds is
 * applied to the request (one fault per request) and its `times` budget shrinks; a spent rule disappears.
 */
import { z } from 'zod'
import { defaultProblem, JSON_CONTENT_TYPE, problem, problemReply, type Reply } from './problem-replies'

export const FAULT_ROUTES = ['authorize', 'sessions', 'secure-tokens', 'payments', 'library', '*'] as const
export type FaultRoute = (typeof FAULT_ROUTES)[number]
/** The route groups requests are classified into (control and unknown routes are never faulted). */
export type RouteGroup = Exclude<FaultRoute, '*'>

const ProblemOverride = z.looseObject({
  type: z.string().max(2000).optional(),
  title: z.string().max(2000).optional(),
  detail: z.string().max(10_000).optional(),
})

export const FaultAction = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('latency'), ms: z.number().int().min(0).max(120_000) }),
    z.strictObject({
      type: z.literal('status'),
      status: z.number().int().min(400).max(599),
      problem: ProblemOverride.optional(),
    }),
    z.strictObject({ type: z.literal('reset') }),
    z.strictObject({ type: z.literal('malformed') }),
    z.strictObject({ type: z.literal('slow'), bytesPerSecond: z.number().int().min(1).max(100_000_000) }),
    z.strictObject({
      type: z.literal('rate-limit'),
      retryAfterSeconds: z.number().int().min(0).max(86_400),
      /** How the wait is said: Retry-After seconds (default), or X-RateLimit-Reset as a Unix time in seconds. */
      header: z.enum(['Retry-After', 'X-RateLimit-Reset']).optional(),
    }),
  ],
  { error: 'action.type must be one of latency, status, reset, malformed, slow, rate-limit' },
)
export type FaultAction = z.infer<typeof FaultAction>

export const FaultRuleInput = z.strictObject({
  route: z.enum(FAULT_ROUTES, { error: `route must be one of ${FAULT_ROUTES.join(', ')}` }),
  action: FaultAction,
  /** How many requests the rule applies to; omitted = until cleared. */
  times: z.number().int().min(1).max(1_000_000_000).optional(),
  /** Chance (0 < p ≤ 1) that a matching request is affected; omitted = 1. */
  probability: z.number().gt(0).max(1).optional(),
})
export type FaultRuleInput = z.infer<typeof FaultRuleInput>

export interface FaultRule extends FaultRuleInput {
  id: string
  /** Requests this rule has been applied to. */
  applied: number
  /** Applications left (undefined = unlimited). */
  remaining?: number
}

export class FaultSet {
  private rules: FaultRule[] = []
  private nextId = 1
  appliedTotal = 0

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...input, id: `fault-${this.nextId++}`, applied: 0 }
    if (input.times !== undefined) rule.remaining = input.times
    this.rules.push(rule)
    return rule
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }))
  }

  clear(): number {
    const count = this.rules.length
    this.rules = []
    return count
  }

  remove(id: string): boolean {
    const before = this.rules.length
    this.rules = this.rules.filter((rule) => rule.id !== id)
    return this.rules.length !== before
  }

  get size(): number {
    return this.rules.length
  }

  /** The action to apply to a request of `group`, consuming one use of its rule; undefined when none. */
  take(group: RouteGroup, random: () => number = Math.random): FaultAction | undefined {
    if (this.rules.length === 0) return undefined
    for (const rule of this.rules) {
      if (rule.route !== '*' && rule.route !== group) continue
      if (rule.probability !== undefined && rule.probability < 1 && random() >= rule.probability) continue
      rule.applied++
      this.appliedTotal++
      if (rule.remaining !== undefined) {
        rule.remaining--
        if (rule.remaining <= 0) this.rules = this.rules.filter((other) => other !== rule)
      }
      return rule.action
    }
    return undefined
  }
}

/** The answer a fault action makes instead of the route's (latency, slow and reset act on the real answer). */
export function faultReply(
  action: FaultAction,
  group: RouteGroup,
  now: number = Date.now(),
): Reply | undefined {
  switch (action.type) {
    case 'status': {
      const base = defaultProblem(action.status)
      return problemReply({ ...base, ...action.problem, status: action.status } as typeof base)
    }
    case 'rate-limit':
      return problem(
        429,
        undefined,
        action.header === 'X-RateLimit-Reset'
          ? { 'X-RateLimit-Reset': String(Math.ceil(now / 1000 + action.retryAfterSeconds)) }
          : { 'Retry-After': String(action.retryAfterSeconds) },
      )
    case 'malformed':
      return {
        status: group === 'authorize' ? 200 : 201,
        contentType: JSON_CONTENT_TYPE,
        body: '{"processingTerminalId": "1234001", "token": "trunc',
      }
    default:
      return undefined
  }
}
