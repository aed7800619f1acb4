/**
 * The Secure tokens screen: list (the spec's filters, cursor pages), retrieve, delete (confirmed), partial update
 * of the customer details, and "Use for update" (fills the session form's Secure token ID). The list shows
 * values masked; Copy asks secureToken:get for the full one. Changes in Production go through the confirmation.
 */
import type {
  PatchSecureTokenInput,
  SecureTokenDetails,
  SecureTokenListed,
  SecureTokenPage,
} from '@shared/contract'
import type { AppError } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'
import { SECURE_TOKEN_LIST_FILTERS, type SecureTokenListFilter } from '@shared/secure-token-filters'

export const FILTER_FIELDS = SECURE_TOKEN_LIST_FILTERS
export type FilterField = SecureTokenListFilter
export type Filters = Record<FilterField, string>
export type CustomerField = keyof NonNullable<PatchSecureTokenInput['customer']>
export type CustomerDraft = Record<CustomerField, string>

const EMPTY_FILTERS: Filters = {
  secureTokenId: '',
  customerName: '',
  phone: '',
  email: '',
  token: '',
  first6: '',
  last4: '',
}

type Confirmable =
  | { type: 'delete'; secureTokenId: string }
  | { type: 'patch'; secureTokenId: string; customer: Partial<CustomerDraft> }
  | { type: 'update'; secureTokenId: string; singleUseToken: string }

export interface SecureTokensSlice {
  secureTokens: {
    processingTerminalId: string
    filters: Filters
    limit: number
    page: SecureTokenPage | null
    pending: 'list' | 'get' | 'delete' | 'patch' | 'update' | null
    error: AppError | null
    fieldErrors: Record<string, string[]>
    /** Retrieve's answer (full value shown in this flow). */
    retrieved: SecureTokenDetails | null
    /** A delete or patch waiting for the user's yes (delete always; patch in Production). */
    confirming: Confirmable | null
    /** The last thing done, in words (for the status line). */
    notice: string | null
    setTerminal(value: string): void
    setFilter(field: FilterField, value: string): void
    setLimit(limit: number): void
    list(cursor?: { before?: string; after?: string }): Promise<void>
    retrieve(secureTokenId: string): Promise<void>
    /** The full value for Copy (secureToken:get); null when the gateway said no (error set). */
    fullValue(secureTokenId: string): Promise<string | null>
    askDelete(secureTokenId: string): void
    patch(secureTokenId: string, customer: Partial<CustomerDraft>): Promise<void>
    /** update-account: the saved token's payment details replaced by a new single-use token's. */
    updateAccount(secureTokenId: string, singleUseToken: string): Promise<void>
    confirm(): Promise<void>
    cancel(): void
    useForUpdate(item: SecureTokenListed): void
  }
}

export const createSecureTokensSlice: SliceFactory<SecureTokensSlice> =
  ({ transport }) =>
  (set, get) => {
    const patchState = (partial: Partial<SecureTokensSlice['secureTokens']>): void =>
      set((s) => ({ secureTokens: { ...s.secureTokens, ...partial } }))
    const target = () => ({
      environmentId: get().environment.environmentId,
      profile: get().environment.profile,
      processingTerminalId: get().secureTokens.processingTerminalId.trim(),
    })
    const production = (): boolean =>
      get().environment.list.find((e) => e.id === get().environment.environmentId)?.requiresConfirmation ===
      true
    const fieldsOf = (error: AppError): Record<string, string[]> => {
      const out: Record<string, string[]> = {}
      for (const [key, messages] of Object.entries(error.fields ?? {}))
        out[key.split(/[./]/).pop() ?? key] = messages
      return out
    }

    const removeFromPage = (secureTokenId: string): void => {
      const { page } = get().secureTokens
      if (page)
        patchState({
          page: { ...page, items: page.items.filter((item) => item.secureTokenId !== secureTokenId) },
        })
    }

    const runConfirmed = async (action: Confirmable, confirmProduction: boolean): Promise<void> => {
      patchState({ pending: action.type, confirming: null, error: null, fieldErrors: {}, notice: null })
      const extra = confirmProduction ? { confirmProduction: true } : {}
      if (action.type === 'delete') {
        const result = await transport.call('secureToken:delete', {
          ...target(),
          secureTokenId: action.secureTokenId,
          ...extra,
        })
        if (result.ok) {
          removeFromPage(action.secureTokenId)
          const { retrieved } = get().secureTokens
          patchState({
            pending: null,
            notice: `Secure token ${action.secureTokenId} deleted.`,
            retrieved: retrieved?.secureTokenId === action.secureTokenId ? null : retrieved,
          })
        } else if (result.error.kind === 'confirmation-required')
          patchState({ pending: null, confirming: action })
        else patchState({ pending: null, error: result.error, fieldErrors: fieldsOf(result.error) })
        return
      }
      if (action.type === 'update') {
        const result = await transport.call('secureToken:update', {
          ...target(),
          secureTokenId: action.secureTokenId,
          singleUseToken: action.singleUseToken,
          ...extra,
        })
        if (result.ok) {
          await get().secureTokens.retrieve(action.secureTokenId)
          patchState({ notice: `Account of ${action.secureTokenId} updated (${result.value.source.type}).` })
        } else if (result.error.kind === 'confirmation-required')
          patchState({ pending: null, confirming: action })
        else patchState({ pending: null, error: result.error })
        return
      }
      const result = await transport.call('secureToken:patch', {
        ...target(),
        secureTokenId: action.secureTokenId,
        customer: action.customer,
        ...extra,
      })
      if (result.ok) {
        const { page } = get().secureTokens
        const updated = result.value
        patchState({
          pending: null,
          notice: `Customer details of ${action.secureTokenId} updated.`,
          ...(page
            ? {
                page: {
                  ...page,
                  items: page.items.map((item) =>
                    item.secureTokenId === updated.secureTokenId ? { ...item, ...updated } : item,
                  ),
                },
              }
            : {}),
        })
      } else if (result.error.kind === 'confirmation-required')
        patchState({ pending: null, confirming: action })
      else patchState({ pending: null, error: result.error, fieldErrors: fieldsOf(result.error) })
    }

    return {
      secureTokens: {
        processingTerminalId: '1234001',
        filters: EMPTY_FILTERS,
        limit: 10,
        page: null,
        pending: null,
        error: null,
        fieldErrors: {},
        retrieved: null,
        confirming: null,
        notice: null,

        setTerminal: (value) => patchState({ processingTerminalId: value }),
        setFilter: (field, value) => {
          const { filters, fieldErrors } = get().secureTokens
          patchState({
            filters: { ...filters, [field]: value },
            fieldErrors: { ...fieldErrors, [field]: [] },
          })
        },
        setLimit: (limit) => patchState({ limit }),

        async list(cursor) {
          const { filters, limit } = get().secureTokens
          const given = Object.fromEntries(
            Object.entries(filters)
              .map(([key, value]) => [key, value.trim()] as const)
              .filter(([, value]) => value !== ''),
          )
          patchState({ pending: 'list', error: null, fieldErrors: {}, notice: null })
          const result = await transport.call('secureToken:list', {
            ...target(),
            ...given,
            limit,
            ...(cursor?.after ? { after: cursor.after } : {}),
            ...(cursor?.before ? { before: cursor.before } : {}),
          })
          if (result.ok) patchState({ pending: null, page: result.value })
          else patchState({ pending: null, error: result.error, fieldErrors: fieldsOf(result.error) })
        },

        async retrieve(secureTokenId) {
          patchState({ pending: 'get', error: null, notice: null })
          const result = await transport.call('secureToken:get', { ...target(), secureTokenId })
          if (result.ok) patchState({ pending: null, retrieved: result.value })
          else patchState({ pending: null, error: result.error })
        },

        async fullValue(secureTokenId) {
          const result = await transport.call('secureToken:get', { ...target(), secureTokenId })
          if (result.ok) return result.value.token
          patchState({ error: result.error })
          return null
        },

        askDelete: (secureTokenId) => patchState({ confirming: { type: 'delete', secureTokenId } }),

        async patch(secureTokenId, customer) {
          const action: Confirmable = { type: 'patch', secureTokenId, customer }
          if (production()) {
            patchState({ confirming: action })
            return
          }
          await runConfirmed(action, false)
        },

        async updateAccount(secureTokenId, singleUseToken) {
          const action: Confirmable = { type: 'update', secureTokenId, singleUseToken }
          if (production()) {
            patchState({ confirming: action })
            return
          }
          await runConfirmed(action, false)
        },

        async confirm() {
          const action = get().secureTokens.confirming
          if (action) await runConfirmed(action, production())
        },
        cancel: () => patchState({ confirming: null }),

        useForUpdate(item) {
          get().session.setField('secureTokenId', item.secureTokenId)
          get().session.setField('processingTerminalId', item.processingTerminalId)
          get().session.setField('scenario', 'tokenization')
          get().nav.go('session')
        },
      },
    }
  }
