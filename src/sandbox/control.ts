/**
 * The control API under /__sandbox/ (loopback only, JSON): journal, faults, config, reset, stats, health.
 * Bodies are validated with zod; bad input → 400 problem details.
 */
import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import type { ProblemError } from '../shared/payroc'
import { FaultRuleInput } from './faults'
import { decodeSegment, isLoopbackAddress } from './http'
import { forbidden, json, problem, validationProblem, type Reply } from './problems'
import type { SandboxConfig, SandboxState } from './state'

export const CONTROL_PREFIX = '/__sandbox/'

const seconds = (max: number) => z.number().gt(0).max(max)

export const ConfigPatch = z.strictObject({
  sessionTtlSeconds: seconds(86_400 * 7).optional(),
  tokenTtlSeconds: seconds(86_400 * 7).optional(),
  idempotencyTtlSeconds: seconds(86_400 * 30).optional(),
  singleUseTokenTtlSeconds: seconds(86_400).optional(),
  clockOffsetSeconds: z
    .number()
    .min(-10 * 365 * 86_400)
    .max(10 * 365 * 86_400)
    .optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
})
export type ConfigPatch = z.infer<typeof ConfigPatch>

export const ResetBody = z.strictObject({
  /** Also forget issued Bearer tokens (kept by default so a client's cached token keeps working). */
  accessTokens: z.boolean().optional(),
})

const JournalLimit = z.coerce.number().int().min(1).max(1_000_000)

export interface ControlHooks {
  onReset?: () => void
  log: (message: string, data?: Record<string, unknown>) => void
}

export function handleControl(
  state: SandboxState,
  req: IncomingMessage,
  method: string,
  path: string,
  query: string,
  body: string,
  hooks: ControlHooks,
): Reply {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return forbidden(path, 'sandbox-control-api', 'The control API answers loopback clients only.')
  }
  const name = path.slice(CONTROL_PREFIX.length)
  const allow = (methods: string): Reply => problem(405, `Use ${methods} on ${path}.`, { Allow: methods })

  switch (name) {
    case 'health':
      return method === 'GET' || method === 'HEAD' ? json(200, { status: 'ok' }) : allow('GET')
    case 'stats':
      return method === 'GET' ? json(200, state.stats()) : allow('GET')
    case 'journal': {
      if (method !== 'GET') return allow('GET')
      const raw = new URLSearchParams(query).get('limit')
      let limit = 100
      if (raw !== null) {
        const parsed = JournalLimit.safeParse(raw)
        if (!parsed.success) {
          return validationProblem([
            { parameter: 'limit', detail: 'limit must be a positive integer', message: 'Invalid limit' },
          ])
        }
        limit = parsed.data
      }
      return json(200, { entries: state.journal.read(limit, [...state.apiKeys.keys()]) })
    }
    case 'faults': {
      if (method === 'GET') return json(200, { faults: state.faults.list() })
      if (method === 'DELETE') {
        const cleared = state.faults.clear()
        hooks.log('faults cleared', { cleared })
        return json(200, { cleared })
      }
      if (method !== 'POST') return allow('GET, POST, DELETE')
      const input = parseControlBody(body, FaultRuleInput)
      if ('status' in input) return input
      const rule = state.faults.add(input.value)
      hooks.log('fault added', { id: rule.id, route: rule.route, action: rule.action.type })
      return json(201, rule)
    }
    case 'config': {
      if (method === 'GET') return json(200, state.config)
      if (method !== 'PATCH') return allow('GET, PATCH')
      const input = parseControlBody(body, ConfigPatch)
      if ('status' in input) return input
      const config: SandboxConfig = state.configure(input.value)
      hooks.log('config changed', { ...input.value })
      return json(200, config)
    }
    case 'reset': {
      if (method !== 'POST') return allow('POST')
      const input = body.trim() === '' ? { value: {} } : parseControlBody(body, ResetBody)
      if ('status' in input) return input
      state.reset(input.value)
      hooks.onReset?.()
      hooks.log('state reset')
      return json(200, { reset: true })
    }
    case 'terminals':
      return method === 'GET'
        ? json(200, { terminals: state.terminals.list(), block555: state.terminals.hasBlock })
        : allow('GET')
    default: {
      if (name.startsWith('faults/')) {
        if (method !== 'DELETE') return allow('DELETE')
        const id = decodeSegment(name.slice('faults/'.length)) ?? ''
        return state.faults.remove(id) ? json(200, { removed: id }) : problem(404, `No fault rule ${id}.`)
      }
      return problem(404, `No control route ${path}.`)
    }
  }
}

function parseControlBody<T>(text: string, schema: z.ZodType<T>): { value: T } | Reply {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return validationProblem([
      { parameter: 'body', detail: 'The body is not valid JSON.', message: 'Malformed JSON' },
    ])
  }
  const result = schema.safeParse(value)
  if (result.success) return { value: result.data }
  const errors: ProblemError[] = result.error.issues.map((issue) => {
    const parameter = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body'
    return { parameter, detail: issue.message, message: `Invalid ${parameter}` }
  })
  return validationProblem(errors)
}
