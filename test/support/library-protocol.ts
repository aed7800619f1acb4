/**
 * A single-use token the way Payroc's library gets one from the gateway (src/sandbox/README.md, "gateway
 * protocol"): each card field posted from its frame to `…/hosted-fields-sessions/{token}/fields`, then the submit,
 * `POST …/{token}/single-use-tokens`. Tests that need a single-use token mint it through this protocol.
 */
import { randomUUID } from 'node:crypto'

export interface LibraryCard {
  cardholderName: string
  cardNumber: string
  /** MMYY, as the expiry field posts it. */
  expiryDate: string
  cvv?: string
}

export const UAT_VISA: LibraryCard = {
  cardholderName: 'Jo Doe',
  cardNumber: '4539858876047062',
  expiryDate: '1239',
  cvv: '123',
}

export interface ProtocolAnswer {
  status: number
  text: string
  json: Record<string, unknown>
}

const sessionCall = (sandboxUrl: string, sessionToken: string, call: 'fields' | 'single-use-tokens') =>
  `${sandboxUrl}/merchant/api/v2/hosted-fields-sessions/${encodeURIComponent(sessionToken)}/${call}`

async function post(url: string, body: unknown): Promise<ProtocolAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    // not JSON: the caller reads status and text
  }
  return { status: response.status, text, json }
}

/** Posts every field of `card`, then submits; the submit's answer (a field refused first: that answer). */
export async function submitThroughLibraryProtocol(
  sandboxUrl: string,
  sessionToken: string,
  card: LibraryCard = UAT_VISA,
): Promise<ProtocolAnswer> {
  for (const [type, value] of Object.entries(card)) {
    if (value === undefined) continue
    const answer = await post(sessionCall(sandboxUrl, sessionToken, 'fields'), { [type]: value, type })
    if (answer.status !== 200) return answer
  }
  return post(sessionCall(sandboxUrl, sessionToken, 'single-use-tokens'), {})
}
