/**
 * One zustand store built from feature slices (zustand's slices pattern). Each slice owns a namespace
 * (`app`, `env`, `vault`, `session`) so components select narrow pieces: `useStore((s) => s.session.pending)`.
 * The transport is injected, so slices are tested with a fake one and no DOM.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla'
import type { ConsoleTransport } from './transport'
import { createAppSlice, type AppSlice } from '@renderer/features/app/app-slice'
import { createCredentialsSlice, type CredentialsSlice } from '@renderer/features/vault/vault-slice'
import {
  createEnvironmentSlice,
  type EnvironmentSlice,
} from '@renderer/features/environment/environment-slice'
import { createEventLogSlice, type EventLogSlice } from '@renderer/features/eventlog/eventlog-slice'
import {
  createSecureTokenSlice,
  type SecureTokenSlice,
} from '@renderer/features/secureToken/secure-token-slice'
import { createSessionSlice, type SessionSlice } from '@renderer/features/session/session-slice'
import { createDiagnosisSlices, type DiagnosisSlices } from '@renderer/features/settings/diagnosis-slices'
import { createToastSlice, type ToastSlice } from '@renderer/features/toasts/toast-slice'

export interface StoreDeps {
  transport: ConsoleTransport
  /** Remembers the last environment/profile across launches (localStorage in the page). */
  preferences?: Pick<Storage, 'getItem' | 'setItem'> | null
}

export type Store = AppSlice &
  EnvironmentSlice &
  CredentialsSlice &
  SessionSlice &
  DiagnosisSlices &
  EventLogSlice &
  SecureTokenSlice &
  ToastSlice
export type Slice<T> = StateCreator<Store, [], [], T>
export type SliceFactory<T> = (deps: StoreDeps) => Slice<T>
export type AppStore = StoreApi<Store>

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<Store>()((...a) => ({
    ...createAppSlice(deps)(...a),
    ...createEnvironmentSlice(deps)(...a),
    ...createCredentialsSlice(deps)(...a),
    ...createSessionSlice(deps)(...a),
    ...createEventLogSlice(deps)(...a),
    ...createSecureTokenSlice(deps)(...a),
    ...createDiagnosisSlices(deps)(...a),
    ...createToastSlice(deps)(...a),
  }))
}
