import type { CredentialTest, VaultStatus } from '../../../../shared/contract'
import type { AppError } from '../../../../shared/result'
import type { SliceFactory } from '../../store'
import { loadValidation } from '../../validation'

export interface CredentialsSlice {
  vault: {
    status: VaultStatus | null
    busy: 'save' | 'delete' | 'test' | null
    error: AppError | null
    /** Inline message for the API key input (from the contract's schema). */
    keyError: string | null
    tested: CredentialTest | null
    notice: string | null
    refresh(): Promise<void>
    /** The key goes straight to main and is never kept in the store; true when it was saved. */
    saveKey(apiKey: string): Promise<boolean>
    deleteKey(): Promise<void>
    test(): Promise<void>
  }
}

export const createCredentialsSlice: SliceFactory<CredentialsSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<CredentialsSlice['vault']>): void =>
      set((s) => ({ vault: { ...s.vault, ...partial } }))
    const target = (): { environmentId: string; profile: string } => ({
      environmentId: get().env.environmentId,
      profile: get().env.profile,
    })
    const stillCurrent = (t: { environmentId: string; profile: string }): boolean =>
      get().env.environmentId === t.environmentId && get().env.profile === t.profile

    return {
      vault: {
        status: null,
        busy: null,
        error: null,
        keyError: null,
        tested: null,
        notice: null,

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
          const t = target()
          patch({ busy: 'save', error: null, keyError: null, notice: null, tested: null })
          const saved = await transport.call('vault:setKey', { ...t, apiKey: parsed.data })
          patch({ busy: null })
          if (!stillCurrent(t)) return saved.ok
          if (saved.ok)
            patch({ status: saved.value, notice: `Key saved for ${t.environmentId} / ${t.profile}.` })
          else patch({ error: saved.error, keyError: saved.error.fields?.apiKey?.[0] ?? null })
          return saved.ok
        },

        async deleteKey() {
          const t = target()
          patch({ busy: 'delete', error: null, notice: null, tested: null })
          const deleted = await transport.call('vault:deleteKey', t)
          patch({ busy: null })
          if (!stillCurrent(t)) return
          if (deleted.ok) patch({ status: deleted.value, notice: 'Key deleted.' })
          else patch({ error: deleted.error })
        },

        async test() {
          const t = target()
          patch({ busy: 'test', error: null, notice: null, tested: null })
          const tested = await transport.call('vault:test', t)
          patch({ busy: null })
          if (!stillCurrent(t)) return
          if (tested.ok) patch({ tested: tested.value })
          else patch({ error: tested.error })
        },
      },
    }
  }
