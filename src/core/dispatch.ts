/**
 * The transport-independent half of every channel: validate the payload with the contract's schema, call the
 * handler, and turn anything thrown into an `internal` error. Electron IPC (ipc.ts) and the browser preview's
 * bridge (src/web) both call `dispatch`, so the two transports cannot drift apart.
 */
import { CHANNELS, type Channel } from '../shared/channels'
import { contract, type ParsedRequestOf, type ResponseOf } from '../shared/contract'
import { err, validationError, type Result } from '../shared/result'

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<Result<ResponseOf<C>>>
}

const channelSet: ReadonlySet<string> = new Set(CHANNELS)
export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && channelSet.has(name)

export async function dispatch(
  handlers: Handlers,
  channel: Channel,
  payload: unknown,
  onInternalError: (channel: Channel, error: unknown) => void = () => {},
): Promise<Result<unknown>> {
  const parsed = contract[channel].request.safeParse(payload ?? {})
  if (!parsed.success) return err(validationError(parsed.error, `The ${channel} request`))
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>>
    return await handler(parsed.data)
  } catch (error) {
    onInternalError(channel, error)
    return err({
      kind: 'internal',
      message: `${channel} failed unexpectedly`,
      hint: 'This is a bug in the console; the main-process log has the details. Nothing was lost.',
    })
  }
}
