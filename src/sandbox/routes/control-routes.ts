/**
 * The control API under /__sandbox/ (loopback only, JSON): health, stats, journal, faults, config, reset,
 * terminals, sessions/expire, batches/close. Bodies are validated with zod; bad input → 400 problem details. Its own router: control routes are
 * never faulted, counted apart and not journaled.
 */
import type { z } from 'zod'
import type { ProblemError } from '../../shared/payroc'
import {
  CloseBatchBody,
  CONTROL_PREFIX,
  ConfigPatch,
  ExpireSessionBody,
  JournalLimit,
  ResetBody,
} from '../control-schemas'
import { FaultRuleInput } from '../fault-rules'
import { json, problem, validationProblem, type Reply } from '../problem-replies'
import { SandboxRouter } from '../router'
import { decodeSegment } from '../sandbox-http'
import type { SandboxRoute } from '../sandbox-types'

type Log = (message: string, data?: Record<string, unknown>) => void

const at = (name: string): RegExp => new RegExp(`^${CONTROL_PREFIX}${name}$`)

export function controlRouter(log: Log): SandboxRouter {
  const routes: SandboxRoute[] = [
    { method: ['GET', 'HEAD'], allow: 'GET', path: at('health'), handle: () => json(200, { status: 'ok' }) },
    { method: 'GET', path: at('stats'), handle: ({ state }) => json(200, state.stats()) },
    {
      method: 'GET',
      path: at('journal'),
      handle({ query, state }) {
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
      },
    },
    { method: 'GET', path: at('faults'), handle: ({ state }) => json(200, { faults: state.faults.list() }) },
    {
      method: 'POST',
      path: at('faults'),
      handle({ body, state }) {
        const input = parseControlBody(body, FaultRuleInput)
        if ('status' in input) return input
        const rule = state.faults.add(input.value)
        log('fault added', { id: rule.id, route: rule.route, action: rule.action.type })
        return json(201, rule)
      },
    },
    {
      method: 'DELETE',
      path: at('faults'),
      handle({ state }) {
        const cleared = state.faults.clear()
        log('faults cleared', { cleared })
        return json(200, { cleared })
      },
    },
    {
      method: 'DELETE',
      path: at('faults/(.*)'),
      handle({ params, state }) {
        const id = decodeSegment(params[0] ?? '') ?? ''
        return state.faults.remove(id) ? json(200, { removed: id }) : problem(404, `No fault rule ${id}.`)
      },
    },
    { method: 'GET', path: at('config'), handle: ({ state }) => json(200, state.config) },
    {
      method: 'PATCH',
      path: at('config'),
      handle({ body, state }) {
        const input = parseControlBody(body, ConfigPatch)
        if ('status' in input) return input
        const config = state.configure(input.value)
        log('config changed', { ...input.value })
        return json(200, config)
      },
    },
    {
      method: 'POST',
      path: at('reset'),
      handle({ body, state }) {
        const input = body.trim() === '' ? { value: {} } : parseControlBody(body, ResetBody)
        if ('status' in input) return input
        state.reset(input.value)
        log('state reset')
        return json(200, { reset: true })
      },
    },
    {
      method: 'POST',
      path: at('sessions/expire'),
      handle({ body, state }) {
        const input = parseControlBody(body, ExpireSessionBody)
        if ('status' in input) return input
        const expired = state.expireSession(input.value.token)
        log('session expired', { expired })
        return expired ? json(200, { expired }) : problem(404, 'No live session for that token.')
      },
    },
    {
      method: 'POST',
      path: at('batches/close'),
      handle({ body, state }) {
        const input = body.trim() === '' ? { value: {} } : parseControlBody(body, CloseBatchBody)
        if ('status' in input) return input
        const settled = state.closeBatch(input.value.processingTerminalId)
        log('batch closed', { settled })
        return json(200, { settled })
      },
    },
    {
      method: 'GET',
      path: at('terminals'),
      handle: ({ state }) =>
        json(200, { terminals: state.terminals.list(), block555: state.terminals.hasBlock }),
    },
  ]
  return new SandboxRouter(routes)
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
