/**
 * The one way the simulated library calls the gateway (protocol §1.3, §1.4): a first attempt and up to 5
 * retries, waiting 5, 6, 7, 8, 9 s before them, every attempt aborted after 15 s, the same Idempotency-Key on
 * every attempt. Answers the library treats as final end the call at once; everything else is retried.
 */
import { GATEWAY_MESSAGES } from './library-messages'

type Dict = Record<string, unknown>

const RETRIES = 5
const FIRST_DELAY_MS = 5000
const ATTEMPT_TIMEOUT_MS = 15000

/** A failure that ends the call (no retry); its message is what the library emits. */
export class FinalError extends Error {}

const isDict = (value: unknown): value is Dict =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

export function uuidV4(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** "Card type is not supported" comes back as a value, like a 2xx answer. */
export const isCardTypeRefusal = (body: unknown): boolean =>
  isDict(body) && body.status === 400 && body.title === 'Card type is not supported'

/** The final reading of a non-2xx JSON answer, or undefined when it is to be retried. */
export function finalMessage(status: number, body: unknown): string | undefined {
  if (status === 401 || status === 403) return GATEWAY_MESSAGES.unauthorised
  if (status !== 400 || !isDict(body)) return undefined
  const { title, errors } = body
  if (title !== 'Capability not supported' && title !== 'Bad request') return undefined
  if (!Array.isArray(errors) || errors.length === 0) return undefined
  const first: unknown = errors[0]
  if (!isDict(first) || !('message' in first)) return undefined
  const message = typeof first.message === 'string' ? first.message : ''
  if (title === 'Capability not supported') {
    return GATEWAY_MESSAGES.capability + (message ? ` : ${message}` : '')
  }
  if (message === "'hostedFieldsSessionId' supplied is invalid") return GATEWAY_MESSAGES.invalidSessionToken
  if (message.includes('Invalid libVersion')) return message
  return undefined
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** One attempt: the parsed body, or a thrown FinalError / any other error (= retry). */
async function attempt(url: string, init: RequestInit): Promise<unknown> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS)
  try {
    const response = await fetch(url, { ...init, signal: controller.signal })
    // A body that is not JSON throws here: retried like a network failure.
    const body: unknown = await response.json()
    if (response.ok || isCardTypeRefusal(body)) return body
    const final = finalMessage(response.status, body)
    if (final !== undefined) throw new FinalError(final)
    throw new Error(`HTTP ${response.status}`)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A gateway call with the library's retries. Resolves with the answer's body; rejects with a FinalError, or, once
 * the retries are spent, an Error carrying `retriesMessage`.
 */
export async function gatewayFetch(
  url: string,
  method: 'GET' | 'POST',
  retriesMessage: string,
  body?: string,
): Promise<unknown> {
  const init: RequestInit = {
    method,
    headers: { 'Idempotency-Key': uuidV4(), 'Content-Type': 'application/json' },
    ...(body !== undefined ? { body } : {}),
  }
  for (let retry = 0; ; retry++) {
    try {
      return await attempt(url, init)
    } catch (error) {
      if (error instanceof FinalError) throw error
      // The library's message is the whole story for the page (ES2020 lib: no Error cause option).
      // eslint-disable-next-line preserve-caught-error
      if (retry >= RETRIES) throw new Error(retriesMessage)
      console.info(`Retrying fetch in ${(FIRST_DELAY_MS + retry * 1000) / 1000} seconds.`)
      await wait(FIRST_DELAY_MS + retry * 1000)
    }
  }
}
