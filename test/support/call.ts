/**
 * The tests' way into a console's channels: through `dispatch`, like IPC, the browser bridge and the CLI — so
 * every call is validated against the contract's schema and passes the channel's policies.
 */
import type { ConsoleApp } from '../../src/core/console-app'
import type { Channel } from '../../src/shared/channels'
import type { RequestOf, ResponseOf } from '../../src/shared/contract'
import type { Result } from '../../src/shared/result'

type PayloadArgs<C extends Channel> =
  Record<string, never> extends RequestOf<C> ? [payload?: RequestOf<C>] : [payload: RequestOf<C>]

export function call<C extends Channel>(
  app: Pick<ConsoleApp, 'dispatch'>,
  channel: C,
  ...payload: PayloadArgs<C>
): Promise<Result<ResponseOf<C>>> {
  return app.dispatch(channel, payload[0])
}
