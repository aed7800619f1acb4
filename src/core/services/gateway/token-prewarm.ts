/**
 * Fetching a Bearer token ahead of the first create, so that create costs one round trip. Never throws: the
 * outcome becomes a `prewarm` event (and a log line when it failed).
 */
import type { ConsoleEvent } from '../../../shared/contract'
import type { EnvironmentInfo } from '../../../shared/environments'
import type { Logger } from '../../app-types'
import type { Environments } from './environment-store'
import type { GatewayRegistry } from './gateway-registry'

export interface PrewarmDeps {
  gateways: GatewayRegistry
  /** A stored key held after its environment's hosts changed is never pre-warmed (environment-store). */
  environments: Pick<Environments, 'keyHold'>
  emit: (event: ConsoleEvent) => void
  logger: Logger
}

export async function prewarm(
  deps: PrewarmDeps,
  environment: EnvironmentInfo,
  profile: string,
): Promise<boolean> {
  if (deps.environments.keyHold(environment.id, profile)) return false
  const token = await deps.gateways.get(environment, profile).bearer()
  deps.emit({
    type: 'prewarm',
    environmentId: environment.id,
    profile,
    ok: token.ok,
    ...(token.ok ? {} : { message: `${token.error.message} — ${token.error.hint}` }),
  })
  if (!token.ok)
    deps.logger.log('info', 'pre-warm failed', {
      environment: environment.id,
      profile,
      kind: token.error.kind,
    })
  return token.ok
}

/** prewarm without waiting for it (after a selection or a saved key). */
export function prewarmInBackground(deps: PrewarmDeps, environment: EnvironmentInfo, profile: string): void {
  void prewarm(deps, environment, profile).catch((error: unknown) =>
    deps.logger.log('error', 'pre-warm crashed', { error: String(error) }),
  )
}
