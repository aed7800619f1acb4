/** The surcharging check (card:binLookup): a test card's BIN or a saved secure token, and an amount. */
import type { BinLookupOutcome } from '@shared/contract'
import type { AppError } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'

export type SurchargeCard = { type: 'cardBin'; bin: string } | { type: 'secureToken'; secureTokenId: string }

export interface CardSlice {
  card: {
    pending: boolean
    error: AppError | null
    result: BinLookupOutcome | null
    check(processingTerminalId: string, card: SurchargeCard, amount: string, currency: string): Promise<void>
  }
}

export const createCardSlice: SliceFactory<CardSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<CardSlice['card']>): void =>
      set((s) => ({ card: { ...s.card, ...partial } }))
    return {
      card: {
        pending: false,
        error: null,
        result: null,
        async check(processingTerminalId, card, amount, currency) {
          patch({ pending: true, error: null })
          const minor = Number(amount.trim())
          const result = await transport.call('card:binLookup', {
            environmentId: get().environment.environmentId,
            profile: get().environment.profile,
            processingTerminalId: processingTerminalId.trim(),
            ...(amount.trim() !== '' ? { amount: Number.isFinite(minor) ? minor : -1 } : {}),
            ...(currency.trim() ? { currency: currency.trim().toUpperCase() } : {}),
            card:
              card.type === 'cardBin'
                ? { type: 'cardBin', bin: card.bin }
                : { type: 'secureToken', secureTokenId: card.secureTokenId.trim() },
          })
          if (result.ok) patch({ pending: false, result: result.value })
          else patch({ pending: false, error: result.error, result: null })
        },
      },
    }
  }
