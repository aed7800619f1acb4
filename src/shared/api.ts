/** The object the preload exposes as `window.consoleApi` (Electron), mirrored by the bridge client (browser). */
import type { Channel } from './channels'
import type { ConsoleEvent, RequestOf, ResponseOf } from './contract'
import type { Result } from './result'

export type ConsoleApi = { [C in Channel]: (payload: RequestOf<C>) => Promise<Result<ResponseOf<C>>> } & {
  onEvent(listener: (event: ConsoleEvent) => void): () => void
}
