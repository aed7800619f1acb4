import type { CredentialTest, VaultStatus } from '@shared/contract'
import type { AppError, Result } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'
import { loadValidation } from '@renderer/validation'

export interface VaultSlice {
  vault: {
    status: VaultStatus | null
    busy: 'save' | 'delete' | 'test' | 'storage' | 'confirm' | null
    error: AppError | null
    /** Inline message for the API key input (from the contract's schema). */
    keyError: string | null
    tested: CredentialTest | null
    notice: string | null
    /** How the notice reads: a saved key identity rejected is a warning, not a success. */
    noticeTone: 'success' | 'warning'
    refresh(): Promise<void>
    /** The key goes straight to main and is never kept in the store; true when it was saved. */
    saveKey(apiKey: string): Promise<boolean>
    deleteKey(): Promise<void>
    test(): Promise<void>
    /** "Keep keys for this session only" (memory, gone at exit) on or off. */
    setSessionOnly(enabled: boolean): Promise<void>
    /** Confirm: the environment's hosts changed; send the stored (held) key to the new identity host. */
    confirmKey(): Promise<void>
  }
}

type Vault = VaultSlice['vault']
type Busy = Vault['busy']
type Target = { environmentId: string; profile: string }

export const createVaultSlice: SliceFactory<VaultSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<Vault>): void => set((s) => ({ vault: { ...s.vault, ...partial } }))
    const target = (): Target => ({
      environmentId: get().environment.environmentId,
      profile: get().environment.profile,
    })
    const stillCurrent = (t: Target): boolean =>
      get().environment.environmentId === t.environmentId && get().environment.profile === t.profile

    /** One vault call for the current target; an answer for a target the user has left is dropped. */
    const run = async <T>(
      busy: Busy,
      call: (t: Target) => Promise<Result<T>>,
      onOk: (value: T, t: Target) => Partial<Vault>,
      onError: (error: AppError) => Partial<Vault> = (error) => ({ error }),
    ): Promise<boolean> => {
      const t = target()
      patch({ busy, error: null, keyError: null, notice: null, noticeTone: 'success', tested: null })
      const result = await call(t)
      patch({ busy: null })
      if (stillCurrent(t)) patch(result.ok ? onOk(result.value, t) : onError(result.error))
      return result.ok
    }

    return {
      vault: {
        status: null,
        busy: null,
        error: null,
        keyError: null,
        tested: null,
        notice: null,
        noticeTone: 'success',

        async refresh() {
          const t = target()
          patch({ error: null, keyError: null, tested: null, notice: null })
          const status = await transport.call('vault:status', t)
          if (!stillCurrent(t)) return
          if (status.ok) patch({ status: status.value })
          else patch({ status: null, error: status.error })
        },

        async saveKey(apiKey) {
          const { ApiKeyInput } = await loadValidation()
          const parsed = ApiKeyInput.safeParse(apiKey)
          if (!parsed.success) {
            patch({ keyError: parsed.error.issues[0]?.message ?? 'apiKey is invalid', notice: null })
            return false
          }
          return run(
            'save',
            (t) => transport.call('vault:setKey', { ...t, apiKey: parsed.data }),
            ({ check, ...status }, t) =>
              !check || check.ok
                ? {
                    status,
                    noticeTone: 'success',
                    notice: `Key saved and accepted by identity for ${t.environmentId} / ${t.profile}.`,
                  }
                : {
                    status,
                    noticeTone: 'warning',
                    notice: `Key saved, but identity rejected it${check.status !== undefined ? ` (${check.status})` : ''}: ${check.message}`,
                  },
            (error) => ({
              error: { ...error, message: `Key not saved: ${error.message}` },
              keyError: error.fields?.apiKey?.[0] ?? null,
            }),
          )
        },

        async deleteKey() {
          await run(
            'delete',
            (t) => transport.call('vault:deleteKey', t),
            (status) => ({ status, notice: 'Key deleted.' }),
          )
        },

        async setSessionOnly(enabled) {
          await run(
            'storage',
            (t) => transport.call('vault:setSessionOnly', { ...t, enabled }),
            (status) => ({
              status,
              notice: enabled
                ? 'Keys are kept for this session only: they are gone when the console quits.'
                : null,
            }),
          )
        },

        async confirmKey() {
          await run(
            'confirm',
            (t) => transport.call('vault:confirmKey', t),
            (status) => ({
              status,
              notice: 'Key confirmed for the new hosts; it is used from now on.',
            }),
          )
        },

        async test() {
          await run(
            'test',
            (t) => transport.call('vault:test', t),
            (tested) => ({ tested }),
          )
        },
      },
    }
  }
