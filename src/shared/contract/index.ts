/**
 * The whole IPC / bridge surface: channel → request schema → response schema → policy. Both transports
 * (Electron IPC and the browser preview's HTTP bridge) go through core's dispatch, which validates every payload
 * with these schemas and enforces the policies. One file per namespace (`<ns>.ts` for channels `<ns>:*`); this
 * barrel joins them and re-exports every schema.
 */
import type { z } from 'zod'
import type { Channel } from '../channels'
import { appChannels } from './app'
import type { BatchProgressEvent } from './batch'
import { bankTransferChannels } from './bankTransfer'
import { batchChannels } from './batch'
import { bundleChannels } from './bundle'
import { cardChannels } from './card'
import type { ChannelSpec } from './common'
import { environmentChannels } from './environment'
import { eventLogChannels } from './eventLog'
import { historyChannels } from './history'
import type { JournalSummary } from './journal'
import { journalChannels } from './journal'
import { libraryChannels } from './library'
import type { MerchantPageProgressEvent } from './merchantPage'
import { merchantPageChannels } from './merchantPage'
import { paymentChannels } from './payment'
import { preflightChannels } from './preflight'
import { sandboxChannels } from './sandbox'
import { secureTokenChannels } from './secureToken'
import { sessionChannels } from './session'
import { singleUseTokenChannels } from './singleUseToken'
import { vaultChannels } from './vault'

export * from './app'
export * from './bankTransfer'
export * from './batch'
export * from './bundle'
export * from './card'
export * from './common'
export * from './environment'
export * from './eventLog'
export * from './history'
export * from './journal'
export * from './library'
export * from './merchantPage'
export * from './payment'
export * from './preflight'
export * from './sandbox'
export * from './secureToken'
export * from './session'
export * from './singleUseToken'
export * from './vault'

export const contract = {
  ...appChannels,
  ...environmentChannels,
  ...vaultChannels,
  ...sessionChannels,
  ...journalChannels,
  ...historyChannels,
  ...bundleChannels,
  ...preflightChannels,
  ...batchChannels,
  ...secureTokenChannels,
  ...merchantPageChannels,
  ...sandboxChannels,
  ...eventLogChannels,
  ...libraryChannels,
  ...paymentChannels,
  ...bankTransferChannels,
  ...cardChannels,
  ...singleUseTokenChannels,
} as const satisfies Record<Channel, ChannelSpec>

// Every channel of channels.ts is in the contract (above), and the contract has no channel channels.ts lacks.
type Extra = Exclude<keyof typeof contract, Channel>
const noExtraChannels: [Extra] extends [never] ? true : Extra = true
void noExtraChannels

export type Contract = typeof contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>
export type PolicyOf<C extends Channel> = Contract[C]['policy']

/** Push events from core. */
export type ConsoleEvent =
  | { type: 'journal'; entry: JournalSummary }
  | { type: 'prewarm'; environmentId: string; profile: string; ok: boolean; message?: string }
  | BatchProgressEvent
  | MerchantPageProgressEvent
