/**
 * Maps what the gateway (or the network) did to the shared AppError kinds of INTERFACES.md. Pure functions,
 * so every branch is unit-tested without a server.
 */
import { ProblemDetails } from '../../../shared/payroc'
import type { AppError, ErrorKind } from '../../../shared/result'
import { hintFor } from '../../hint-catalogue'

export function kindForStatus(status: number): ErrorKind {
  switch (status) {
    case 400:
    case 404:
    case 422:
      return 'validation'
    case 401:
      return 'auth'
    case 403:
      return 'forbidden'
    case 406:
      return 'not-acceptable'
    case 408:
      return 'timeout'
    case 409:
      return 'conflict'
    case 413:
      return 'payload-too-large'
    case 415:
      return 'unsupported-media'
    case 429:
      return 'rate-limited'
    default:
      // 1xx/3xx where an API answer was due: redirects usually mean a wrong base URL or a login page in between.
      if (status < 400) return 'malformed-response'
      return status >= 500 ? 'gateway' : 'validation'
  }
}

/** Problem details when the body is Payroc-shaped JSON; undefined for anything else. */
export function parseProblem(bodyText: string | undefined): ProblemDetails | undefined {
  if (!bodyText) return undefined
  try {
    const parsed = ProblemDetails.safeParse(JSON.parse(bodyText))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** `errors[]` keyed by `parameter` so the renderer can put each message next to its field. */
export function fieldsFromProblem(problem: ProblemDetails | undefined): Record<string, string[]> | undefined {
  if (!problem?.errors?.length) return undefined
  const fields: Record<string, string[]> = {}
  for (const item of problem.errors) {
    const key = item.parameter ?? '(request)'
    const text = item.detail ?? item.message ?? problem.detail
    ;(fields[key] ??= []).push(text)
  }
  return fields
}

export function errorFromStatus(
  status: number,
  bodyText: string | undefined,
  retryAfterMs?: number,
): AppError {
  const kind = kindForStatus(status)
  const problem = parseProblem(bodyText)
  const fields = fieldsFromProblem(problem)
  const what = problem ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`
  return {
    kind,
    message: `The gateway answered ${status} (${what})`,
    hint: hintFor(kind, { status, problemType: problem?.type, retryAfterMs }),
    status,
    ...(problem ? { problem } : {}),
    ...(fields ? { fields } : {}),
  }
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_SOCKET_CLOSED',
  'ECONNABORTED_BY_PEER',
  'ERR_PROXY_CONNECTION_FAILED',
])
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'ERR_CONNECT_TIMEOUT'])
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH|ALTNAME/

interface TransportError {
  code?: string
  message: string
  cause?: unknown
}

const asTransportError = (error: unknown): TransportError => {
  if (error && typeof error === 'object' && 'message' in error) {
    const record = error as { code?: unknown; message: unknown; cause?: unknown }
    return {
      code: typeof record.code === 'string' ? record.code : undefined,
      message: String(record.message),
      cause: record.cause,
    }
  }
  return { message: String(error) }
}

/** The innermost code: axios wraps the socket error, and proxies wrap it once more. */
export function transportCode(error: unknown): string | undefined {
  let current: TransportError | undefined = asTransportError(error)
  let code = current.code
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current.code && current.code !== 'ERR_NETWORK' && current.code !== 'ERR_BAD_RESPONSE')
      code = current.code
    current = current.cause ? asTransportError(current.cause) : undefined
  }
  return code
}

export function transportKind(error: unknown): ErrorKind {
  const code = transportCode(error) ?? ''
  const message = asTransportError(error).message
  if (/maxContentLength|maxBodyLength/.test(message)) return 'malformed-response'
  if (TIMEOUT_CODES.has(code) || /timeout/i.test(message)) return 'timeout'
  if (TLS_CODE.test(code) || /certificate|self[- ]signed|SSL|TLS/i.test(message)) return 'tls'
  if (NETWORK_CODES.has(code) || code.startsWith('E') || code === 'ERR_NETWORK') return 'network'
  return 'network'
}

/** A request that never got an HTTP answer. `target` is the URL (never carries secrets). */
export function errorFromTransport(error: unknown, target: string): AppError {
  const kind = transportKind(error)
  const code = transportCode(error)
  const raw = asTransportError(error).message
  const what: Partial<Record<ErrorKind, string>> = {
    timeout: `No answer from ${target} in time`,
    tls: `TLS to ${target} failed`,
    'malformed-response': `The answer from ${target} could not be read`,
  }
  return {
    kind,
    message: `${what[kind] ?? `Could not reach ${target}`} (${code ? `${code}: ` : ''}${raw})`,
    hint: hintFor(kind),
  }
}

export function malformedResponse(status: number, reason: string): AppError {
  return {
    kind: 'malformed-response',
    message: `The gateway answered ${status} with an unexpected body: ${reason}`,
    hint: hintFor('malformed-response'),
    status,
  }
}
