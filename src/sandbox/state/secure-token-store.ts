/** Secure tokens, keyed by terminal and secureTokenId; they never expire (the count cap bounds them). */
import { ExpiringStore } from './expiring-store'
import type { CardSource } from './single-use-token-store'

export interface SecureTokenRecord {
  secureTokenId: string
  processingTerminalId: string
  token: string
  source: CardSource
  mitAgreement?: string
  apiKeyId: string
  createdAt: number
  updatedAt: number
  /** Secure tokens do not expire; the store's count cap bounds them. */
  expiresAt: number
}

export const secureTokenKey = (processingTerminalId: string, secureTokenId: string): string =>
  `${processingTerminalId}\n${secureTokenId}`

export class SecureTokenStore extends ExpiringStore<SecureTokenRecord> {
  /** The record when it exists and belongs to the API key `apiKeyId`. */
  find(processingTerminalId: string, secureTokenId: string, apiKeyId: string): SecureTokenRecord | undefined {
    const record = this.get(secureTokenKey(processingTerminalId, secureTokenId))
    return record && record.apiKeyId === apiKeyId ? record : undefined
  }

  put(record: SecureTokenRecord): void {
    this.set(secureTokenKey(record.processingTerminalId, record.secureTokenId), record)
  }
}
