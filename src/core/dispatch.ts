/**
 * The one way into the console's channels, whatever the transport (Electron IPC, the browser preview's bridge,
 * the CLI, the tests). In order: validate the payload with the contract's schema → resolve the environment →
 * the Production confirmation (both as the contract's policy for the channel declares) → the handler → trap
 * anything thrown as an `internal` error → scrub every secret core knows of from the answer.
 */
import { CHANNELS, type Channel } from '../shared/channels'
import { contract, type ParsedRequestOf, type PolicyOf, type ResponseOf } from '../shared/contract'
import { confirmationMissing, type EnvironmentInfo } from '../shared/environments'
import { err, validationError, type Result } from '../shared/result'
import type { Logger } from './app-types'
import { confirmationRequired, internalError } from './hint-catalogue'
import { unknownEnvironment } from './services/gateway/environment-store'
import { scrubJson } from './services/credentials/known-secrets'

/** What dispatch resolved for the handler, as the channel's policy asked. */
export type HandlerContext<C extends Channel> = PolicyOf<C>['environment'] extends 'resolve'
  ? { environment: EnvironmentInfo }
  : PolicyOf<C>['environment'] extends 'resolve-from-history'
    ? { environment?: EnvironmentInfo }
    : Record<never, never>

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, context: HandlerContext<C>) => Promise<Result<ResponseOf<C>>>
}
/** The handlers of one namespace (`ns:*` channels), as its module in handlers/ builds them. */
export type NamespaceHandlers<NS extends string> = Pick<Handlers, Extract<Channel, `${NS}:${string}`>>

export type Dispatch = <C extends Channel>(channel: C, payload?: unknown) => Promise<Result<ResponseOf<C>>>

export interface DispatchDeps {
  handlers: Handlers
  environments: { get(id: string): EnvironmentInfo | undefined }
  /** The environment id of a history entry (for 'resolve-from-history'); undefined for an unknown entry. */
  historyEnvironment: (entryId: string) => string | undefined
  secrets: { scrub(text: string): string }
  logger: Logger
}

const channelSet: ReadonlySet<string> = new Set(CHANNELS)
export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && channelSet.has(name)

type Request = { environmentId?: string; id?: string; confirmProduction?: boolean }

/** Environment resolution and the Production confirmation: a refusal, or what the handler receives. */
function applyPolicy(
  channel: Channel,
  request: Request,
  deps: DispatchDeps,
): Result<{ environment?: EnvironmentInfo }> {
  const policy: PolicyOf<Channel> = contract[channel].policy
  if (policy.environment === 'none') return { ok: true, value: {} }
  const environmentId =
    policy.environment === 'resolve'
      ? request.environmentId
      : request.id !== undefined
        ? deps.historyEnvironment(request.id)
        : undefined
  // An unknown history entry is the handler's to report (it names the entry, not an environment).
  if (environmentId === undefined) return { ok: true, value: {} }
  const environment = deps.environments.get(environmentId)
  if (!environment) return err(unknownEnvironment(environmentId))
  if (policy.production === 'confirm' && confirmationMissing(environment, request.confirmProduction))
    return err(confirmationRequired(environment, policy.action))
  return { ok: true, value: { environment } }
}

const scrubbed = (result: Result<unknown>, secrets: DispatchDeps['secrets']): Result<unknown> =>
  scrubJson(result, (text) => secrets.scrub(text))

export function createDispatch(deps: DispatchDeps): Dispatch {
  const run = async (channel: Channel, payload: unknown): Promise<Result<unknown>> => {
    const parsed = contract[channel].request.safeParse(payload ?? {})
    if (!parsed.success) return err(validationError(parsed.error, `The ${channel} request`))
    try {
      const context = applyPolicy(channel, parsed.data as Request, deps)
      if (!context.ok) return context
      const handler = deps.handlers[channel] as (
        request: unknown,
        context: unknown,
      ) => Promise<Result<unknown>>
      return await handler(parsed.data, context.value)
    } catch (error) {
      deps.logger.log('error', `${channel} failed unexpectedly`, {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
      return err(internalError(channel))
    }
  }
  return (async (channel: Channel, payload?: unknown) =>
    scrubbed(await run(channel, payload), deps.secrets)) as Dispatch
}
