/** Secure tokens, keyed by terminal and secureTokenId; they never expire (the count cap bounds them). */
import type { ExpiringStore } from './expiring-store'
import type { TokenSource } from './single-use-token-store'

export interface SecureTokenRecord {
  secureTokenId: string
  processingTerminalId: string
  token: string
  source: TokenSource
  mitAgreement?: string
  apiKeyId: string
  createdAt: number
  updatedAt: number
  /** Secure tokens do not expire; the store's count cap bounds them. */
  expiresAt: number
}

export const secureTokenKey = (processingTerminalId: string, secureTokenId: string): string =>
  `${processingTerminalId}\n${secureTokenId}`

/** The record when it exists and belongs to the API key `apiKeyId`. */
export function findSecureToken(
  store: ExpiringStore<SecureTokenRecord>,
  processingTerminalId: string,
  secureTokenId: string,
  apiKeyId: string,
): SecureTokenRecord | undefined {
  const record = store.get(secureTokenKey(processingTerminalId, secureTokenId))
  return record && record.apiKeyId === apiKeyId ? record : undefined
}

export function putSecureToken(store: ExpiringStore<SecureTokenRecord>, record: SecureTokenRecord): void {
  store.set(secureTokenKey(record.processingTerminalId, record.secureTokenId), record)
}
