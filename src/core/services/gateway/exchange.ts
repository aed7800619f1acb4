/**
 * One HTTP attempt through axios, reduced to what the gateway client needs and what the journal records:
 * either a response (any status, body as text) or a transport failure already mapped to an error kind.
 */
import type { AxiosInstance } from 'axios'
import type { ErrorKind } from '../../../shared/result'
import { errorFromTransport, transportCode } from './gateway-errors'
import { HINTS } from '../../hint-catalogue'
import type { RawAttempt } from '../storage/exchange-journal'
import { axiosProxyOption, proxyFor } from './proxy-decision'

export interface ExchangeRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  url: string
  headers: Record<string, string>
  body?: string
  /** Aborts the request (batch cancel); the outcome is then a `cancelled` transport failure. */
  signal?: AbortSignal
  /** Whole-exchange deadline (HttpClient.deadlineMs); past it the outcome is a `timeout` transport failure. */
  deadlineMs?: number
}

export type ExchangeOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'transport'; errorKind: ErrorKind; message: string; hint: string; code?: string }

/** axios gives AxiosHeaders (with toJSON) or a plain record; the journal and parsers want plain strings. */
export function plainHeaders(headers: unknown): Record<string, string> {
  const source =
    headers && typeof headers === 'object' && 'toJSON' in headers && typeof headers.toJSON === 'function'
      ? (headers.toJSON as () => unknown).call(headers)
      : headers
  const out: Record<string, string> = {}
  if (!source || typeof source !== 'object') return out
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null) continue
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return out
}

export async function exchange(
  client: AxiosInstance,
  request: ExchangeRequest,
  n: number,
  now: () => number = Date.now,
): Promise<{ outcome: ExchangeOutcome; raw: RawAttempt }> {
  const startedAt = now()
  const base = {
    n,
    method: request.method,
    url: request.url,
    startedAt,
    requestHeaders: request.headers,
    requestBody: request.body,
  }
  const deadline = new AbortController()
  const timer =
    request.deadlineMs !== undefined ? setTimeout(() => deadline.abort(), request.deadlineMs) : undefined
  const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal
  try {
    const response = await client.request<string>({
      method: request.method,
      url: request.url,
      headers: request.headers,
      data: request.body,
      signal,
      // Decided here, never by axios from the environment: loopback is never proxied, whatever the variables say.
      proxy: axiosProxyOption(proxyFor(request.url, process.env)),
    })
    const headers = plainHeaders(response.headers)
    const body = typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? '')
    const durationMs = now() - startedAt
    return {
      outcome: { kind: 'response', status: response.status, headers, body },
      raw: { ...base, durationMs, response: { status: response.status, headers, body } },
    }
  } catch (error) {
    const code = deadline.signal.aborted && !request.signal?.aborted ? 'ETIMEDOUT' : transportCode(error)
    const origin = new URL(request.url).origin
    const mapped = request.signal?.aborted
      ? {
          kind: 'cancelled' as const,
          message: 'Cancelled before the gateway answered',
          hint: HINTS.cancelled,
        }
      : deadline.signal.aborted
        ? errorFromTransport(
            { code: 'ETIMEDOUT', message: `no complete answer within ${request.deadlineMs} ms` },
            origin,
          )
        : errorFromTransport(error, origin)
    return {
      outcome: {
        kind: 'transport',
        errorKind: mapped.kind,
        message: mapped.message,
        hint: mapped.hint,
        code,
      },
      raw: {
        ...base,
        durationMs: now() - startedAt,
        error: { kind: mapped.kind, message: mapped.message, code },
      },
    }
  } finally {
    clearTimeout(timer)
  }
}
