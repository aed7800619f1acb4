/**
 * The checks Payroc's routes share, in the order INTERFACES.md pins: the Bearer token (401), media types
 * (415, 406), the Idempotency-Key (400), path segments and JSON bodies (400 with errors[] naming each
 * parameter), and the configured latency every gateway answer waits out.
 */
import type { IncomingMessage } from 'node:http'
import type { z } from 'zod'
import { ProcessingTerminalId, SecureTokenId, UUID_V4_PATTERN, type ProblemError } from '../../shared/payroc'
import {
  forbidden,
  idempotencyKeyInvalid,
  idempotencyKeyMissing,
  notAuthorized,
  problem,
  validationProblem,
  type Reply,
} from '../problem-replies'
import { acceptsJson, decodeSegment, delay, isJsonContentType } from '../sandbox-http'
import type { SandboxRouteRequest } from '../sandbox-types'
import { SandboxInputError } from '../state/sandbox-input-error'
import type { SandboxState } from '../state/sandbox-state'

export interface Caller {
  apiKey: string
  apiKeyId: string
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i

/** 401 for a missing, malformed, unknown or expired Bearer token. */
export function authenticate(state: SandboxState, req: IncomingMessage): Caller | Reply {
  const header = req.headers.authorization
  if (header === undefined || header === '') return notAuthorized('The Authorization header is missing.')
  const match = BEARER.exec(header)
  if (!match || match[1] === undefined) {
    return notAuthorized('The Authorization header must be "Bearer <access token>".')
  }
  const record = state.accessTokens.peek(match[1])
  if (!record) return notAuthorized('The access token is not valid.')
  if (record.expiresAt <= state.now()) {
    state.accessTokens.delete(match[1])
    return notAuthorized('The access token has expired.')
  }
  return { apiKey: record.apiKey, apiKeyId: record.apiKeyId }
}

/** 415 then 406, for routes that take a JSON body. */
export function mediaChecks(req: IncomingMessage, needsBody: boolean): Reply | undefined {
  if (needsBody && !isJsonContentType(req.headers['content-type'])) {
    return problem(415, 'The Content-Type must be application/json.')
  }
  if (!acceptsJson(req.headers.accept)) return problem(406)
  return undefined
}

/** 400 #idempotency-key-missing, or 400 when it is not a UUID v4. */
function idempotencyKey(req: IncomingMessage): string | Reply {
  const raw = req.headers['idempotency-key']
  const value = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).trim()
  if (value === '') return idempotencyKeyMissing()
  if (!UUID_V4_PATTERN.test(value)) return idempotencyKeyInvalid()
  return value.toLowerCase()
}

/** The checks a read starts with, in order: 401 (Bearer), then 406. */
export function readChecks(ctx: SandboxRouteRequest): Caller | Reply {
  const caller = authenticate(ctx.state, ctx.req)
  if ('status' in caller) return caller
  return mediaChecks(ctx.req, false) ?? caller
}

/**
 * The checks a write starts with, in order: 401 (Bearer), 415 then 406, then the Idempotency-Key.
 * `bodyOptional`: a call whose body may be left out (reverse): 415 only when a body is sent.
 */
export function writeChecks(
  ctx: SandboxRouteRequest,
  options: { bodyOptional?: boolean } = {},
): { caller: Caller; key: string } | Reply {
  const caller = authenticate(ctx.state, ctx.req)
  if ('status' in caller) return caller
  const media = mediaChecks(ctx.req, !(options.bodyOptional === true && ctx.body.trim() === ''))
  if (media) return media
  const key = idempotencyKey(ctx.req)
  if (typeof key !== 'string') return key
  return { caller, key }
}

/**
 * A create under /processing-terminals/{processingTerminalId}/…: the write checks, then the path's terminal id
 * and the body (one 400 naming every bad field).
 */
export function terminalWriteChecks<T>(
  ctx: SandboxRouteRequest,
  schema: z.ZodType<T>,
): { caller: Caller; key: string; terminalId: string; body: T } | Reply {
  const checked = writeChecks(ctx)
  if ('status' in checked) return checked
  const errors: ProblemError[] = []
  const terminalId = checkTerminalId(ctx.params[0] ?? '', errors)
  const body = parseBody(ctx.body, schema, errors)
  if (errors.length > 0 || terminalId === undefined || body === undefined) return validationProblem(errors)
  return { ...checked, terminalId, body }
}

/** Waits out the configured latency (once per request). */
export async function waitLatency(ctx: SandboxRouteRequest): Promise<void> {
  ctx.latencyDone = true
  const ms = ctx.state.config.latencyMs
  if (ms > 0) await delay(ms)
}

/** Applies the configured latency if the route has not already. */
export async function finishLatency(ctx: SandboxRouteRequest): Promise<void> {
  if (!ctx.latencyDone) await waitLatency(ctx)
}

/** Runs a state change, answering the SandboxInputError it throws (card, token) with 400 problem details. */
export function answeringInputErrors(run: () => Reply): Reply {
  try {
    return run()
  } catch (error) {
    if (error instanceof SandboxInputError) return validationProblem(error.errors)
    throw error
  }
}

export const terminalResource = (terminalId: string): string => `processing-terminals/${terminalId}`

/** 403 when the caller's API key may not use the terminal. */
export const terminalForbidden = (ctx: SandboxRouteRequest, terminalId: string): Reply =>
  forbidden(ctx.path, terminalResource(terminalId))

export function checkTerminalId(raw: string, errors: ProblemError[]): string | undefined {
  const decoded = decodeSegment(raw)
  if (decoded === undefined) {
    errors.push({
      parameter: 'processingTerminalId',
      detail: 'processingTerminalId is not a valid URL path segment',
      message: 'Invalid processingTerminalId',
    })
    return undefined
  }
  const result = ProcessingTerminalId.safeParse(decoded)
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    errors.push({
      parameter: 'processingTerminalId',
      detail: issue.message,
      message: 'Invalid processingTerminalId',
    })
  }
  return undefined
}

export function checkSecureTokenId(raw: string, errors: ProblemError[]): string | undefined {
  const decoded = decodeSegment(raw)
  const result = SecureTokenId.safeParse(decoded ?? '')
  if (decoded !== undefined && result.success) return result.data
  errors.push({
    parameter: 'secureTokenId',
    detail: result.success
      ? 'secureTokenId is not a valid URL path segment'
      : (result.error.issues[0]?.message ?? ''),
    message: 'Invalid secureTokenId',
  })
  return undefined
}

/** The checks a POST without Idempotency-Key starts with (BIN lookup): 401, then 415 and 406. */
export function postChecks(ctx: SandboxRouteRequest): Caller | Reply {
  const caller = authenticate(ctx.state, ctx.req)
  if ('status' in caller) return caller
  return mediaChecks(ctx.req, true) ?? caller
}

/** A path segment checked with `schema` (e.g. PaymentId); problems name `parameter`. */
export function checkPathId<T>(
  raw: string,
  parameter: string,
  schema: z.ZodType<T>,
  errors: ProblemError[],
): T | undefined {
  const decoded = decodeSegment(raw)
  const result = schema.safeParse(decoded ?? '')
  if (decoded !== undefined && result.success) return result.data
  errors.push({
    parameter,
    detail: result.success
      ? `${parameter} is not a valid URL path segment`
      : (result.error.issues[0]?.message ?? ''),
    message: `Invalid ${parameter}`,
  })
  return undefined
}

/** Parses JSON then the schema; each problem becomes an errors[] item naming its parameter. */
export function parseBody<T>(text: string, schema: z.ZodType<T>, errors: ProblemError[]): T | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    errors.push({
      parameter: 'body',
      detail:
        text.trim() === ''
          ? 'The request body is empty; send a JSON object.'
          : 'The request body is not valid JSON.',
      message: 'Malformed JSON body',
    })
    return undefined
  }
  const result = schema.safeParse(value)
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    const parameter = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body'
    errors.push({ parameter, detail: issue.message, message: `Invalid ${parameter}` })
  }
  return undefined
}
