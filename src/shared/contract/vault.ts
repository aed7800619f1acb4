/** vault:* — the API key of an environment + profile in the OS keychain: status, save, delete, test. */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { IN_ENVIRONMENT, Target, type ChannelSpec } from './common'

/** Where keys go now, with the label naming its strength (core/services/credentials/fallback-store.ts). */
export const StorageState = z.object({
  kind: z.enum(['keychain', 'safe-storage', 'safe-storage-weak', 'session', 'none']),
  label: z.string(),
  /** True where no Secret Service is reachable: the panel offers "Keep keys for this session only". */
  offerSessionOnly: z.boolean(),
  /** Why the keychain is not used, with the one fix that works. */
  keychainProblem: z.object({ message: z.string(), hint: z.string() }).optional(),
})
export type StorageState = z.infer<typeof StorageState>

export const VaultStatus = z.object({
  environmentId: EnvironmentId,
  profile: ProfileName,
  configured: z.boolean(),
  /** First 4 … last 4 of the stored key; never the key. */
  masked: z.string().optional(),
  /**
   * 'managed': the sandbox's key, configured automatically, no keychain needed; 'safe-storage': encrypted with
   * Electron's safeStorage in the data folder (no keyring reachable); 'session': kept in memory until exit.
   */
  source: z.enum(['keychain', 'safe-storage', 'session', 'managed', 'none']),
  keychain: z.object({ available: z.boolean(), message: z.string().optional(), hint: z.string().optional() }),
  profiles: z.array(ProfileName),
  storage: StorageState.optional(),
  /**
   * The custom environment's API or identity host changed since this key was stored: the key is held (never
   * sent, no pre-warm) until the user confirms sending it to `identityHost` (vault:confirmKey) or deletes it.
   */
  hostsChanged: z.object({ identityHost: z.string() }).optional(),
})
export type VaultStatus = z.infer<typeof VaultStatus>

/** What identity said about a key just saved: accepted, or rejected with its status, or not reachable. */
export const KeyCheck = z.object({
  ok: z.boolean(),
  status: z.number().int().optional(),
  message: z.string(),
})
export type KeyCheck = z.infer<typeof KeyCheck>

export const ApiKeyInput = z
  .string({ error: 'apiKey must be a string' })
  .min(8, { error: 'apiKey must be at least 8 characters' })
  .max(512, { error: 'apiKey must be at most 512 characters' })
  .regex(/^[\x21-\x7e]+$/, { error: 'apiKey must be printable ASCII without spaces' })

export const CredentialTest = z.object({
  tokenType: z.string(),
  expiresIn: z.number(),
  scope: z.string().optional(),
  durationMs: z.number(),
  journalId: z.string(),
})
export type CredentialTest = z.infer<typeof CredentialTest>

export const vaultChannels = {
  'vault:status': { request: Target, response: VaultStatus, policy: IN_ENVIRONMENT },
  'vault:setKey': {
    request: Target.extend({ apiKey: ApiKeyInput }).strict(),
    /** The stored key's status plus identity's answer to it (saving checks the key). */
    response: VaultStatus.extend({ check: KeyCheck.optional() }),
    policy: IN_ENVIRONMENT,
  },
  'vault:deleteKey': { request: Target, response: VaultStatus, policy: IN_ENVIRONMENT },
  /** "Keep keys for this session only" on or off; answers with the target's status in the new store. */
  'vault:setSessionOnly': {
    request: Target.extend({ enabled: z.boolean() }).strict(),
    response: VaultStatus,
    policy: IN_ENVIRONMENT,
  },
  'vault:test': { request: Target, response: CredentialTest, policy: IN_ENVIRONMENT },
  /** Confirm in Credentials: send the held key to the environment's new hosts from now on. */
  'vault:confirmKey': { request: Target, response: VaultStatus, policy: IN_ENVIRONMENT },
} as const satisfies Record<`vault:${string}`, ChannelSpec>
