/** Bearer tokens issued by the identity route, keyed by the token itself. */
import type { ExpiringStore } from './expiring-store'
import { newToken } from './random-tokens'

export interface AccessTokenRecord {
  apiKey: string
  apiKeyId: string
  issuedAt: number
  expiresAt: number
}

export function issueAccessToken(
  store: ExpiringStore<AccessTokenRecord>,
  apiKey: string,
  apiKeyId: string,
  ttlSeconds: number,
  now: number,
): { accessToken: string; record: AccessTokenRecord } {
  const accessToken = newToken() + newToken()
  const record = { apiKey, apiKeyId, issuedAt: now, expiresAt: now + ttlSeconds * 1000 }
  store.set(accessToken, record)
  return { accessToken, record }
}
