import type { MerchantPageCheckResult, MerchantPageProgressEvent } from '@shared/contract'
import type { AppError } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'

export interface MerchantPageSlice {
  merchantPage: {
    url: string
    /** '' = the environment selected on the Session screen. */
    environmentId: string
    running: boolean
    /** The latest progress event of the running check. */
    progress: { fraction: number; message: string } | null
    result: MerchantPageCheckResult | null
    error: AppError | null
    setUrl(url: string): void
    setEnvironment(environmentId: string): void
    check(): Promise<void>
    handleEvent(event: MerchantPageProgressEvent): void
  }
}

export const createMerchantPageSlice: SliceFactory<MerchantPageSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<MerchantPageSlice['merchantPage']>): void =>
      set((s) => ({ merchantPage: { ...s.merchantPage, ...partial } }))
    let current = ''
    let counter = 0

    return {
      merchantPage: {
        url: '',
        environmentId: '',
        running: false,
        progress: null,
        result: null,
        error: null,

        setUrl: (url) => patch({ url }),
        setEnvironment: (environmentId) => patch({ environmentId }),

        handleEvent(event) {
          if (!get().merchantPage.running || event.checkId !== current) return
          patch({ progress: { fraction: event.fraction, message: event.message } })
        },

        async check() {
          const { url, environmentId } = get().merchantPage
          const checkId = `check-${Date.now()}-${++counter}`
          current = checkId
          patch({
            running: true,
            error: null,
            result: null,
            progress: { fraction: 0, message: 'Starting' },
          })
          const unsubscribe = transport.onEvent((event) => {
            if (event.type === 'merchantPage') get().merchantPage.handleEvent(event)
          })
          try {
            const result = await transport.call('merchantPage:check', {
              url: url.trim(),
              environmentId: environmentId || get().environment.environmentId,
              checkId,
            })
            if (current !== checkId) return
            patch(
              result.ok
                ? { running: false, progress: null, result: result.value }
                : { running: false, progress: null, error: result.error },
            )
          } finally {
            unsubscribe()
          }
        },
      },
    }
  }
