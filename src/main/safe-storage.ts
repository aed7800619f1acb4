/**
 * Electron's safeStorage as core's fallback key store (SafeStorageLike), where no Secret Service is reachable.
 * Pure: takes the object with safeStorage's methods, so a unit test drives it without a binary. On Linux without
 * a keyring Electron falls back to 'basic_text' (a hard-coded password): core labels that "Weak" (fallback-store.ts).
 */
import type { SafeStorageLike } from '../core/services/credentials/fallback-store'

/** The members of Electron's safeStorage this adapter calls (getSelectedStorageBackend exists on Linux only). */
export interface ElectronSafeStorage {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  getSelectedStorageBackend?: () => string
}

export function safeStorageFallback(safe: ElectronSafeStorage, platform: NodeJS.Platform): SafeStorageLike {
  return {
    // Before 'ready' Electron answers false: core asks at the first key call, which is after ready.
    isEncryptionAvailable: () => safe.isEncryptionAvailable(),
    encryptString: (plainText) => safe.encryptString(plainText),
    decryptString: (encrypted) => safe.decryptString(encrypted),
    ...(platform === 'linux' && safe.getSelectedStorageBackend
      ? { getSelectedStorageBackend: () => safe.getSelectedStorageBackend?.() ?? 'unknown' }
      : {}),
  }
}
