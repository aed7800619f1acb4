/** Secure tokens, keyed by terminal and secureTokenId; they never expire (the count cap bounds them). */
import type { PayrocCustomer, SecureTokenStatus } from '../../shared/payroc'
import type { ExpiringStore } from './expiring-store'
import type { TokenSource } from './single-use-token-store'

export interface SecureTokenRecord {
  secureTokenId: string
  processingTerminalId: string
  /** 296753…, Luhn-valid (newSecureTokenNumber). */
  token: string
  /** The spec's required validation status; the sandbox validates nothing beyond Luhn and expiry. */
  status: SecureTokenStatus
  source: TokenSource
  mitAgreement?: string
  /** Customer details (set by a partial update, JSON Patch). */
  customer?: PayrocCustomer
  customFields?: { name: string; value: string }[]
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

/** A deleted secure token's id stays taken (Payroc: the id cannot be reused). */
export interface DeletedSecureToken {
  apiKeyId: string
  deletedAt: number
  expiresAt: number
}

/** Deletes the record and keeps its id taken; false when there was none. */
export function deleteSecureToken(
  store: ExpiringStore<SecureTokenRecord>,
  deleted: ExpiringStore<DeletedSecureToken>,
  record: SecureTokenRecord,
  now: number,
): boolean {
  const key = secureTokenKey(record.processingTerminalId, record.secureTokenId)
  if (!store.delete(key)) return false
  deleted.set(key, { apiKeyId: record.apiKeyId, deletedAt: now, expiresAt: Number.POSITIVE_INFINITY })
  return true
}

/** Whether the caller once had (and deleted) a secure token with this id on the terminal. */
export function wasDeleted(
  deleted: ExpiringStore<DeletedSecureToken>,
  processingTerminalId: string,
  secureTokenId: string,
  apiKeyId: string,
): boolean {
  return deleted.get(secureTokenKey(processingTerminalId, secureTokenId))?.apiKeyId === apiKeyId
}

/** The caller's secure token with this token number (on the terminal, when given). */
export function findSecureTokenByNumber(
  store: ExpiringStore<SecureTokenRecord>,
  token: string,
  apiKeyId: string,
  processingTerminalId?: string,
): SecureTokenRecord | undefined {
  for (const record of store.values()) {
    if (record.token !== token || record.apiKeyId !== apiKeyId) continue
    if (processingTerminalId !== undefined && record.processingTerminalId !== processingTerminalId) continue
    return record
  }
  return undefined
}
