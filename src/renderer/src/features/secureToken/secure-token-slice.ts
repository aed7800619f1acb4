import type { SecureTokenSaved } from '@shared/contract'
import type { AppError } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'

export type SecureTokenAction = 'save' | 'update'

export interface SecureTokenSlice {
  secureToken: {
    pending: SecureTokenAction | null
    /** Production: the confirmation dialog is open for this action. */
    confirming: SecureTokenAction | null
    error: AppError | null
    saved: SecureTokenSaved | null
    /** Whether `saved` came from Save as secure token or Update saved details (the toast says which). */
    savedBy: SecureTokenAction | null
    /**
     * The single-use token a save or update already used (or the gateway refused as used/expired): a single-use
     * token serves one call, so both buttons are disabled until the card form gives a new one.
     */
    spentToken: string | null
    /** Save as secure token / Update saved details, with the latest submissionSuccess's single-use token. */
    run(action: SecureTokenAction): Promise<void>
    confirm(): Promise<void>
    cancel(): void
    reset(): void
  }
}

const idle = {
  pending: null,
  confirming: null,
  error: null,
  saved: null,
  savedBy: null,
  spentToken: null,
} as const

/** The gateway's 400 for a single-use token used twice or expired names the `token` parameter. */
const refusedToken = (error: AppError): boolean =>
  error.status === 400 &&
  ((error.problem?.errors ?? []).some((item) => item.parameter === 'token') ||
    error.fields?.['token'] !== undefined)

export const createSecureTokenSlice: SliceFactory<SecureTokenSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<SecureTokenSlice['secureToken']>): void =>
      set((s) => ({ secureToken: { ...s.secureToken, ...partial } }))

    const send = async (action: SecureTokenAction, confirmProduction: boolean): Promise<void> => {
      const created = get().session.created
      const singleUse = get().eventLog.lastSuccess
      if (!created || !singleUse || get().secureToken.pending) return
      if (get().secureToken.spentToken === singleUse.token) return
      const environment = get().environment.list.find((e) => e.id === created.environmentId)
      if (environment?.requiresConfirmation && !confirmProduction) {
        patch({ confirming: action, error: null })
        return
      }
      patch({ pending: action, confirming: null, error: null })
      const base = {
        environmentId: created.environmentId,
        profile: get().environment.profile,
        processingTerminalId: created.processingTerminalId,
        singleUseToken: singleUse.token,
        ...(confirmProduction ? { confirmProduction: true } : {}),
      }
      const result =
        action === 'update' && created.secureTokenId
          ? await transport.call('secureToken:update', { ...base, secureTokenId: created.secureTokenId })
          : await transport.call('secureToken:save', {
              ...base,
              ...(created.secureTokenId ? { secureTokenId: created.secureTokenId } : {}),
            })
      if (result.ok)
        patch({ pending: null, saved: result.value, savedBy: action, spentToken: singleUse.token })
      else if (result.error.kind === 'confirmation-required') patch({ pending: null, confirming: action })
      else
        patch({
          pending: null,
          error: result.error,
          ...(refusedToken(result.error) ? { spentToken: singleUse.token } : {}),
        })
    }

    return {
      secureToken: {
        ...idle,
        run: (action) => send(action, false),
        confirm: async () => {
          const action = get().secureToken.confirming
          if (action) await send(action, true)
        },
        cancel: () => patch({ confirming: null }),
        reset: () => patch(idle),
      },
    }
  }
