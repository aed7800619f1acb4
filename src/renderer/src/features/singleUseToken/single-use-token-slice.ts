/**
 * A single-use token without a browser (singleUseToken:create) from a test-card preset or a test bank account,
 * for scripted secure-token tests: the Secure tokens screen uses it to update a saved token's account.
 */
import type { SingleUseTokenCreated } from '@shared/contract'
import type { AppError } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'
import { TEST_BANK_PRESETS, TEST_CARDS, type TestCardId } from '@shared/test-cards'

export type SourcePreset = TestCardId | 'ach' | 'pad'

/** The request's source for a preset: a card expiring at the end of next year, or the test bank account. */
export function sourceOf(preset: SourcePreset, now = new Date()): Record<string, unknown> {
  if (preset === 'ach') return { type: 'ach', ...TEST_BANK_PRESETS.ach, accountType: 'checking' }
  if (preset === 'pad') return { type: 'pad', ...TEST_BANK_PRESETS.pad }
  const card = TEST_CARDS.find((c) => c.id === preset) ?? TEST_CARDS[0]
  const year = String((now.getFullYear() + 1) % 100).padStart(2, '0')
  return {
    type: 'card',
    cardNumber: card.number,
    expiryDate: `12${year}`,
    cvv: '123',
    cardholderName: 'Test Card',
  }
}

export interface SingleUseTokenSlice {
  singleUseToken: {
    pending: boolean
    confirming: boolean
    error: AppError | null
    created: SingleUseTokenCreated | null
    create(
      processingTerminalId: string,
      preset: SourcePreset,
      confirmProduction?: boolean,
    ): Promise<SingleUseTokenCreated | null>
    cancel(): void
  }
}

export const createSingleUseTokenSlice: SliceFactory<SingleUseTokenSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<SingleUseTokenSlice['singleUseToken']>): void =>
      set((s) => ({ singleUseToken: { ...s.singleUseToken, ...partial } }))
    return {
      singleUseToken: {
        pending: false,
        confirming: false,
        error: null,
        created: null,
        async create(processingTerminalId, preset, confirmProduction = false) {
          const environmentId = get().environment.environmentId
          const production =
            get().environment.list.find((e) => e.id === environmentId)?.requiresConfirmation === true
          if (production && !confirmProduction) {
            patch({ confirming: true })
            return null
          }
          patch({ pending: true, confirming: false, error: null })
          const result = await transport.call('singleUseToken:create', {
            environmentId,
            profile: get().environment.profile,
            processingTerminalId: processingTerminalId.trim(),
            // sourceOf builds one of the contract's source shapes; core validates it again.
            source: sourceOf(preset) as never,
            ...(confirmProduction ? { confirmProduction: true } : {}),
          })
          if (result.ok) {
            patch({ pending: false, created: result.value })
            return result.value
          }
          patch({
            pending: false,
            error: result.error,
            confirming: result.error.kind === 'confirmation-required',
          })
          return null
        },
        cancel: () => patch({ confirming: false }),
      },
    }
  }
