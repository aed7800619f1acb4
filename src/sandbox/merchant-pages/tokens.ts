/**
 * Session tokens for the sample pages, minted from a running sandbox through its public HTTP API and control
 * methods: live (a new session), expired (a session created on a clock moved back past its lifetime), used (a
 * session whose single-use token another form already took, through the gateway protocol's own calls: the
 * card fields posted, then the submit).
 */
import { randomUUID } from 'node:crypto'
import { DEFAULT_SANDBOX_API_KEY, type Sandbox } from '..'
import type { TokenKind } from './catalog'

export interface TokenRequest {
  kind: TokenKind
  libVersion: string
}
export type MintToken = (request: TokenRequest) => Promise<string>

const TERMINAL = '1234001'
/** A UAT test card, as another form's frames would post it (expiry MMYY, a year ahead of any test run). */
const USED_CARD = {
  cardholderName: 'Another Shopper',
  cardNumber: '4539858876047062',
  expiryDate: `12${String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0')}`,
  cvv: '123',
}

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}

export function sandboxTokenMinter(sandbox: Sandbox, apiKey = DEFAULT_SANDBOX_API_KEY): MintToken {
  const authorize = async (): Promise<string> => {
    const answer = await json(
      await fetch(`${sandbox.url}/authorize`, { method: 'POST', headers: { 'x-api-key': apiKey } }),
      'authorize',
    )
    return String(answer.access_token)
  }
  const create = async (bearer: string, libVersion: string): Promise<string> => {
    const response = await fetch(
      `${sandbox.url}/v1/processing-terminals/${TERMINAL}/hosted-fields-sessions`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${bearer}`,
          'Idempotency-Key': randomUUID(),
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify({ libVersion, scenario: 'payment' }),
      },
    )
    return String((await json(response, 'create session')).token)
  }
  // A form elsewhere posts a test card and submits: the session token is spent, as after a real payment.
  const useUp = async (token: string): Promise<void> => {
    const call = `${sandbox.url}/merchant/api/v2/hosted-fields-sessions/${encodeURIComponent(token)}`
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' }
    for (const [field, value] of Object.entries(USED_CARD)) {
      await json(
        await fetch(`${call}/fields`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ [field]: value, type: field }),
        }),
        `post ${field} from another form`,
      )
    }
    await json(
      await fetch(`${call}/single-use-tokens`, {
        method: 'POST',
        headers: { ...headers, 'Idempotency-Key': randomUUID() },
        body: '{}',
      }),
      'submit from another form',
    )
  }
  // Mints one at a time: the expired kind moves the sandbox clock for one request.
  let queue: Promise<unknown> = Promise.resolve()
  return (request) => {
    const next = queue.then(async () => {
      const bearer = await authorize()
      if (request.kind === 'expired') {
        const before = sandbox.config()
        sandbox.configure({ clockOffsetSeconds: before.clockOffsetSeconds - before.sessionTtlSeconds - 60 })
        try {
          return await create(bearer, request.libVersion)
        } finally {
          sandbox.configure({ clockOffsetSeconds: before.clockOffsetSeconds })
        }
      }
      const token = await create(bearer, request.libVersion)
      if (request.kind === 'used') await useUp(token)
      return token
    })
    queue = next.catch(() => undefined)
    return next
  }
}
