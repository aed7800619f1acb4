/**
 * One GatewayClient (and so one axios instance with its keep-alive agents) per environment + profile, created
 * on first use and dropped when the environment's URLs change or it is deleted.
 */
import type { EnvironmentInfo } from '../../../shared/environments'
import type { Result } from '../../../shared/result'
import type { Logger } from '../../app-types'
import { GatewayClient } from './gateway-client'
import type { HttpTimeouts } from './http-client'
import type { Journal } from '../storage/exchange-journal'
import type { RetryPolicy } from './retry-policy'
import type { KnownSecrets } from '../credentials/known-secrets'
import type { TokenCache } from './token-cache'

export interface GatewayRegistryDeps {
  apiKey: (environmentId: string, profile: string) => Promise<Result<string>>
  tokens: TokenCache
  journal: Journal
  secrets: KnownSecrets
  logger: Logger
  retry: RetryPolicy
  timeouts: HttpTimeouts
}

export class GatewayRegistry {
  private readonly clients = new Map<string, { client: GatewayClient; fingerprint: string }>()

  constructor(private readonly deps: GatewayRegistryDeps) {}

  get(environment: EnvironmentInfo, profile: string): GatewayClient {
    const key = `${environment.id}/${profile}`
    // The URLs are part of the identity: an edited custom environment must not reuse the old client or token.
    const fingerprint = `${environment.apiBase} ${environment.identityBase}`
    const existing = this.clients.get(key)
    if (existing && existing.fingerprint === fingerprint) return existing.client
    if (existing) this.drop(key)
    const client = new GatewayClient({
      environment,
      profile,
      apiKey: () => this.deps.apiKey(environment.id, profile),
      tokens: this.deps.tokens,
      journal: this.deps.journal,
      secrets: this.deps.secrets,
      logger: this.deps.logger,
      retry: this.deps.retry,
      timeouts: this.deps.timeouts,
    })
    this.clients.set(key, { client, fingerprint })
    return client
  }

  private drop(key: string): void {
    this.clients.get(key)?.client.close()
    this.clients.delete(key)
    this.deps.tokens.invalidate(key)
  }

  /** Every profile of one environment (its URLs changed, or it was deleted). */
  dropEnvironment(environmentId: string): void {
    for (const key of [...this.clients.keys()]) if (key.startsWith(`${environmentId}/`)) this.drop(key)
    this.deps.tokens.invalidatePrefix(`${environmentId}/`)
  }

  close(): void {
    for (const key of [...this.clients.keys()]) this.drop(key)
  }
}
