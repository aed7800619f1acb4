/** Bearer tokens issued by the identity route, keyed by the token itself. */
import { ExpiringStore } from './expiring-store'
import { newToken } from './random-tokens'

export interface AccessTokenRecord {
  apiKey: string
  apiKeyId: string
  issuedAt: number
  expiresAt: number
}

export class AccessTokenStore extends ExpiringStore<AccessTokenRecord> {
  issue(
    apiKey: string,
    apiKeyId: string,
    ttlSeconds: number,
  ): { accessToken: string; record: AccessTokenRecord } {
    const now = this.now()
    const accessToken = newToken() + newToken()
    const record = { apiKey, apiKeyId, issuedAt: now, expiresAt: now + ttlSeconds * 1000 }
    this.set(accessToken, record)
    return { accessToken, record }
  }
}
