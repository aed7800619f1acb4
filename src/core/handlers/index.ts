/** Every channel's handler, one module per namespace (handlers/<ns>.ts implements exactly the `<ns>:*` channels). */
import type { CoreServices } from '../core-services'
import type { Handlers } from '../dispatch'
import { appHandlers } from './app'
import { bankTransferHandlers } from './bankTransfer'
import { batchHandlers } from './batch'
import { bundleHandlers } from './bundle'
import { cardHandlers } from './card'
import { environmentHandlers } from './environment'
import { eventLogHandlers, rememberLiveSession } from './eventLog'
import { historyHandlers } from './history'
import { journalHandlers } from './journal'
import { libraryHandlers } from './library'
import { merchantPageHandlers } from './merchantPage'
import { paymentHandlers } from './payment'
import { preflightHandlers } from './preflight'
import { sandboxHandlers } from './sandbox'
import { secureTokenHandlers } from './secureToken'
import { sessionHandlers } from './session'
import { singleUseTokenHandlers } from './singleUseToken'
import { vaultHandlers } from './vault'

export function buildHandlers(services: CoreServices): Handlers {
  return rememberLiveSession(services, {
    ...appHandlers(services),
    ...environmentHandlers(services),
    ...vaultHandlers(services),
    ...sessionHandlers(services),
    ...journalHandlers(services),
    ...historyHandlers(services),
    ...bundleHandlers(services),
    ...preflightHandlers(services),
    ...batchHandlers(services),
    ...secureTokenHandlers(services),
    ...merchantPageHandlers(services),
    ...sandboxHandlers(services),
    ...eventLogHandlers(services),
    ...libraryHandlers(services),
    ...paymentHandlers(services),
    ...bankTransferHandlers(services),
    ...cardHandlers(services),
    ...singleUseTokenHandlers(services),
  })
}
