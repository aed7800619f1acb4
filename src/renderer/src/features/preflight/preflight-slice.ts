import type { PreflightReport } from '@shared/diagnostics'
import type { AppError } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'

export interface PreflightForm {
  processingTerminalId: string
  /** '' = the environment's default library version. */
  libVersion: string
}

export interface PreflightSlice {
  preflight: {
    form: PreflightForm
    running: boolean
    confirming: boolean
    report: PreflightReport | null
    error: AppError | null
    setField(field: keyof PreflightForm, value: string): void
    run(): Promise<void>
    confirm(): Promise<void>
    cancelConfirm(): void
    reset(): void
  }
}

export const createPreflightSlice: SliceFactory<PreflightSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<PreflightSlice['preflight']>): void =>
      set((s) => ({ preflight: { ...s.preflight, ...partial } }))

    const environment = () => get().environment.list.find((e) => e.id === get().environment.environmentId)

    const send = async (confirmProduction: boolean): Promise<void> => {
      const { form } = get().preflight
      const { environmentId, profile } = get().environment
      const libVersion = form.libVersion.trim() || environment()?.defaultLibVersion || ''
      patch({ running: true, confirming: false, error: null })
      const result = await transport.call('preflight:run', {
        environmentId,
        profile,
        processingTerminalId: form.processingTerminalId.trim(),
        libVersion,
        ...(confirmProduction ? { confirmProduction: true } : {}),
      })
      patch(result.ok ? { running: false, report: result.value } : { running: false, error: result.error })
    }

    return {
      preflight: {
        form: { processingTerminalId: '1234001', libVersion: '' },
        running: false,
        confirming: false,
        report: null,
        error: null,

        setField: (field, value) => patch({ form: { ...get().preflight.form, [field]: value } }),

        async run() {
          // Production: the steps that open sessions need a yes (without it main skips them and says so).
          if (environment()?.requiresConfirmation) return patch({ confirming: true, error: null })
          await send(false)
        },
        confirm: () => send(true),
        cancelConfirm() {
          patch({ confirming: false })
          // "Cancel" still runs the checks that create nothing; the session steps come back as skipped.
          void send(false)
        },
        reset: () => patch({ report: null, error: null, confirming: false }),
      },
    }
  }
