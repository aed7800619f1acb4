/**
 * One zustand store built from feature slices (zustand's slices pattern). A channel namespace's state sits under
 * the store key of the same name, in the feature folder of the same name (`environment`, `vault`, `session`,
 * `journal`, …); features with no channel (`nav`, `eventLog`, `toasts`) add their own keys. Components select
 * narrow pieces: `useStore((s) => s.session.pending)`. The transport is injected, so slices are tested with a
 * fake one and no DOM.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla'
import type { ConsoleTransport } from '@renderer/transport'
import { createAppSlice, type AppSlice } from '@renderer/features/app/app-slice'
import { createBatchSlice, type BatchSlice } from '@renderer/features/batch/batch-slice'
import { createBundleSlice, type BundleSlice } from '@renderer/features/bundle/bundle-slice'
import {
  createEnvironmentSlice,
  type EnvironmentSlice,
} from '@renderer/features/environment/environment-slice'
import { createEventLogSlice, type EventLogSlice } from '@renderer/features/eventlog/eventlog-slice'
import { createHistorySlice, type HistorySlice } from '@renderer/features/history/history-slice'
import { createJournalSlice, type JournalSlice } from '@renderer/features/journal/journal-slice'
import { createLibrarySlice, type LibrarySlice } from '@renderer/features/library/library-slice'
import { createNavSlice, type NavSlice } from '@renderer/features/nav/nav-slice'
import {
  createMerchantPageSlice,
  type MerchantPageSlice,
} from '@renderer/features/merchantPage/merchant-page-slice'
import { createPaymentSlice, type PaymentSlice } from '@renderer/features/payment/payment-slice'
import { createCardSlice, type CardSlice } from '@renderer/features/card/card-slice'
import {
  createSecureTokensSlice,
  type SecureTokensSlice,
} from '@renderer/features/secureTokens/secure-tokens-slice'
import {
  createSingleUseTokenSlice,
  type SingleUseTokenSlice,
} from '@renderer/features/singleUseToken/single-use-token-slice'
import { createPreflightSlice, type PreflightSlice } from '@renderer/features/preflight/preflight-slice'
import {
  createSecureTokenSlice,
  type SecureTokenSlice,
} from '@renderer/features/secureToken/secure-token-slice'
import { createSessionSlice, type SessionSlice } from '@renderer/features/session/session-slice'
import { createSettingsSlice, type SettingsSlice } from '@renderer/features/settings/settings-slice'
import { createTestPageSlice, type TestPageSlice } from '@renderer/features/testpage/testpage-slice'
import { createToastSlice, type ToastSlice } from '@renderer/features/toasts/toast-slice'
import { createVaultSlice, type VaultSlice } from '@renderer/features/vault/vault-slice'

export interface StoreDeps {
  transport: ConsoleTransport
  /** Remembers the last environment/profile across launches (localStorage in the page). */
  preferences?: Pick<Storage, 'getItem' | 'setItem'> | null
  /**
   * This tab's own storage (sessionStorage in the page): it survives a reload but not a new tab or window, so only
   * a reload restores the live session. Absent (tests, no storage): every start restores.
   */
  tab?: Pick<Storage, 'getItem' | 'setItem'> | null
}

export type Store = AppSlice &
  EnvironmentSlice &
  VaultSlice &
  SessionSlice &
  JournalSlice &
  HistorySlice &
  BundleSlice &
  PreflightSlice &
  BatchSlice &
  SecureTokenSlice &
  NavSlice &
  EventLogSlice &
  ToastSlice &
  MerchantPageSlice &
  LibrarySlice &
  SettingsSlice &
  TestPageSlice &
  PaymentSlice &
  SecureTokensSlice &
  SingleUseTokenSlice &
  CardSlice
export type Slice<T> = StateCreator<Store, [], [], T>
export type SliceFactory<T> = (deps: StoreDeps) => Slice<T>
export type AppStore = StoreApi<Store>

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<Store>()((...a) => ({
    ...createAppSlice(deps)(...a),
    ...createEnvironmentSlice(deps)(...a),
    ...createVaultSlice(deps)(...a),
    ...createSessionSlice(deps)(...a),
    ...createJournalSlice(deps)(...a),
    ...createHistorySlice(deps)(...a),
    ...createBundleSlice(deps)(...a),
    ...createPreflightSlice(deps)(...a),
    ...createBatchSlice(deps)(...a),
    ...createSecureTokenSlice(deps)(...a),
    ...createNavSlice(deps)(...a),
    ...createEventLogSlice(deps)(...a),
    ...createToastSlice(deps)(...a),
    ...createMerchantPageSlice(deps)(...a),
    ...createLibrarySlice(deps)(...a),
    ...createSettingsSlice(deps)(...a),
    ...createTestPageSlice(deps)(...a),
    ...createPaymentSlice(deps)(...a),
    ...createSecureTokensSlice(deps)(...a),
    ...createSingleUseTokenSlice(deps)(...a),
    ...createCardSlice(deps)(...a),
  }))
}
