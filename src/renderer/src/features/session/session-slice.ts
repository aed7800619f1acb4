import type { ForcedResponse, SessionCreated } from '@shared/contract'
import type { EnvironmentInfo } from '@shared/environments'
import type { AppError, Result } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'
import { loadValidation } from '@renderer/validation'
import type { FormType, LoggedEvent } from '@renderer/testpage/protocol'
import { nextLibraryOutcome, type ExpiryEvent } from '@renderer/features/testpage/library-outcome'
import { isReported, type Attempt } from './attempt'

export const SESSION_FIELDS = ['processingTerminalId', 'scenario', 'secureTokenId', 'libVersion'] as const
export type SessionField = (typeof SESSION_FIELDS)[number]
export type SessionForm = Record<SessionField, string>
/** Messages per form field, plus `general` for those that belong to no field. */
export type FieldErrors = Partial<Record<SessionField | 'general', string[]>>

/** The sandbox's seeded terminal that can do everything. */
export const SANDBOX_TERMINAL = '1234001'

/** The sandbox's seeded terminals that take each bank-transfer form (INTERFACES.md). */
export const SANDBOX_FORM_TERMINALS: Record<Exclude<FormType, 'card'>, string> = {
  ach: '1234004',
  pad: '1234005',
}
const SEEDED_SANDBOX_TERMINALS = ['1234001', '1234002', '1234003', '1234004', '1234005', '1234006']

export interface SessionSlice {
  session: {
    form: SessionForm
    fieldErrors: FieldErrors
    error: AppError | null
    pending: boolean
    /** The requestId of the create in flight (what Cancel request cancels); null when none is. */
    requestId: string | null
    /** Cancel request was pressed and its answer is not in yet. */
    cancelling: boolean
    /** Cancel request: main aborts the create in flight; whatever it answered later is never shown as created. */
    cancelRequest(): Promise<void>
    /** The production confirmation dialog is open. */
    confirming: boolean
    created: SessionCreated | null
    /** The latest attempt (call + card form), for the one verdict; null before the first. */
    attempt: Attempt | null
    /** A test page event of the session `token`'s card form. */
    reportEvent(token: string, event: LoggedEvent | ExpiryEvent): void
    /** A session created elsewhere (History's Re-run) becomes the current attempt. */
    adopt(created: SessionCreated, profile?: string): void
    /** The current session expired (its countdown ended, or Expire now): the card form is disabled. */
    markExpired(token: string): void
    /** Expire now (Sandbox only): main expires the session in its embedded sandbox at once. */
    expireNow(): Promise<void>
    /** Create a new session: the expired attempt's own terminal, scenario and environment, not the form's. */
    recreate(): Promise<void>
    /** Force next response (Sandbox only): a one-shot fault on the next create. */
    forceNext(action: ForcedResponse): Promise<void>
    /** The last forced response set (cleared once a create is sent). */
    forced: ForcedResponse | null
    setField(field: SessionField, value: string): void
    /**
     * Which of the library's forms the test page renders (console-side only, never sent to the gateway). In
     * the Sandbox a seeded terminal that cannot take ACH/PAD is swapped for the one that can.
     */
    formType: FormType
    setFormType(formType: FormType): void
    /** Library version and terminal defaults follow the environment. */
    applyEnvironmentDefaults(next: EnvironmentInfo | undefined, previous: EnvironmentInfo | undefined): void
    submit(): Promise<void>
    /** The user said yes in the production dialog: send with confirmProduction. */
    confirm(): Promise<void>
    cancel(): void
  }
}

const isField = (name: string): name is SessionField => (SESSION_FIELDS as readonly string[]).includes(name)

/**
 * Sorts messages onto the form's fields. Keys may be paths (`body.libVersion`) — the last segment decides;
 * Payroc's `errors[].parameter` is used the same way.
 */
export function fieldErrorsOf(error: Pick<AppError, 'fields' | 'problem'>): FieldErrors {
  const out: FieldErrors = {}
  const add = (key: string | undefined, message: string): void => {
    const last = key?.split(/[./]/).pop() ?? ''
    const field = isField(last) ? last : 'general'
    const list = (out[field] ??= [])
    if (!list.includes(message)) list.push(message)
  }
  for (const [key, messages] of Object.entries(error.fields ?? {})) for (const m of messages) add(key, m)
  for (const item of error.problem?.errors ?? []) {
    const message = item.message ?? item.detail
    if (message) add(item.parameter, item.parameter ? `${item.parameter}: ${message}` : message)
  }
  return out
}

/** The answer to a create whose Cancel request main got too late: the session is discarded, not shown. */
const cancelledLate = (journalId: string): AppError => ({
  kind: 'cancelled',
  message: 'Cancelled (Cancel request); the gateway had already answered, and its session is not used',
  hint: 'Create a new session when you are ready.',
  journalId,
})

export const createSessionSlice: SliceFactory<SessionSlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (partial: Partial<SessionSlice['session']>): void =>
      set((s) => ({ session: { ...s.session, ...partial } }))

    const buildRequest = (confirmProduction: boolean): unknown => {
      const { form } = get().session
      const secureTokenId = form.secureTokenId.trim()
      return {
        environmentId: get().environment.environmentId,
        profile: get().environment.profile,
        processingTerminalId: form.processingTerminalId.trim(),
        scenario: form.scenario,
        libVersion: form.libVersion.trim(),
        ...(secureTokenId ? { secureTokenId } : {}),
        ...(confirmProduction ? { confirmProduction: true } : {}),
      }
    }

    let attemptId = 0
    const labelOf = (environmentId: string) =>
      get().environment.list.find((e) => e.id === environmentId)?.name ?? environmentId
    const begin = (
      call: Attempt['call'],
      request: Pick<Attempt, 'scenario' | 'processingTerminalId' | 'environmentId'>,
      profile = get().environment.profile,
    ): Attempt => ({
      id: ++attemptId,
      call,
      library: { state: 'none' },
      ...request,
      environmentLabel: labelOf(request.environmentId),
      profile,
    })
    const settle = (call: Attempt['call']): void => {
      const attempt = get().session.attempt
      if (attempt) patch({ attempt: { ...attempt, call } })
    }

    const send = async (confirmProduction: boolean): Promise<void> => {
      const { CreateSessionInput, issuesToFields } = await loadValidation()
      const parsed = CreateSessionInput.safeParse(buildRequest(confirmProduction))
      if (!parsed.success) {
        // Same schema as main: nothing is sent while the form is invalid.
        patch({
          fieldErrors: fieldErrorsOf({ fields: issuesToFields(parsed.error) }),
          error: null,
          confirming: false,
        })
        return
      }
      const environment = get().environment.list.find((e) => e.id === parsed.data.environmentId)
      if (environment?.requiresConfirmation && !confirmProduction) {
        patch({ fieldErrors: {}, error: null, confirming: true })
        return
      }
      const { scenario, processingTerminalId, environmentId } = parsed.data
      const requestId = crypto.randomUUID()
      patch({
        pending: true,
        requestId,
        cancelling: false,
        forced: null,
        fieldErrors: {},
        error: null,
        confirming: false,
        attempt: begin('pending', { scenario, processingTerminalId, environmentId }),
      })
      const answer = await transport.call('session:create', { ...parsed.data, requestId })
      const { requestId: current, cancelling } = get().session
      // A newer create took over: this answer belongs to an attempt no longer shown.
      if (current !== requestId) return
      // Cancel request was pressed while the answer travelled: never shown as created, whatever it says.
      const result: Result<SessionCreated> =
        cancelling && answer.ok ? { ok: false, error: cancelledLate(answer.value.journalId) } : answer
      patch({ requestId: null, cancelling: false })
      if (result.ok) {
        patch({ pending: false, created: result.value })
        settle(result)
      } else if (result.error.kind === 'confirmation-required') {
        patch({ pending: false, confirming: true, attempt: null })
      } else {
        patch({ pending: false, error: result.error, fieldErrors: fieldErrorsOf(result.error) })
        settle(result)
      }
    }

    return {
      session: {
        form: {
          processingTerminalId: SANDBOX_TERMINAL,
          scenario: 'payment',
          secureTokenId: '',
          libVersion: '',
        },
        fieldErrors: {},
        error: null,
        pending: false,
        requestId: null,
        cancelling: false,
        confirming: false,
        created: null,
        attempt: null,

        reportEvent(token, event) {
          const { attempt } = get().session
          if (!attempt || attempt.call === 'pending' || !attempt.call.ok) return
          if (attempt.call.value.token !== token) return
          const library = nextLibraryOutcome(attempt.library, event)
          if (!library) return
          patch({ attempt: { ...attempt, library } })
          const historyId = attempt.call.value.historyId
          if (historyId && isReported(library.state)) {
            const message = 'message' in library ? library.message : undefined
            void transport
              .call('history:recordLibrary', {
                historyId,
                state: library.state,
                ...(message ? { message: message.slice(0, 2000) } : {}),
              })
              .then(() => {
                if (get().history.status !== 'idle') void get().history.load()
              })
          }
        },

        markExpired(token) {
          const { attempt } = get().session
          if (!attempt || attempt.call === 'pending' || !attempt.call.ok) return
          if (attempt.call.value.token !== token || attempt.library.state === 'expired') return
          get().session.reportEvent(token, {
            name: 'page:expired',
            payload: null,
            at: new Date().toISOString(),
          })
        },

        async expireNow() {
          const { created } = get().session
          if (!created) return
          const done = await transport.call('sandbox:expireSession', {
            environmentId: created.environmentId,
            token: created.token,
          })
          if (done.ok) get().session.markExpired(created.token)
          else patch({ error: done.error })
        },

        async recreate() {
          const { created, form } = get().session
          if (!created) return send(false)
          patch({
            form: {
              ...form,
              processingTerminalId: created.processingTerminalId,
              scenario: created.scenario,
              secureTokenId: created.secureTokenId ?? '',
              libVersion: created.libVersion,
            },
          })
          if (get().environment.environmentId !== created.environmentId)
            await get().environment.select(created.environmentId)
          return send(false)
        },

        forced: null,
        async forceNext(action) {
          const set = await transport.call('sandbox:forceNext', {
            environmentId: get().environment.environmentId,
            action,
          })
          if (set.ok) patch({ forced: action })
          else patch({ error: set.error, forced: null })
        },

        adopt(created, profile) {
          const { scenario, processingTerminalId, environmentId } = created
          patch({
            created,
            error: null,
            fieldErrors: {},
            // The form shows the adopted session's inputs, so it is the current one, not an earlier session.
            form: { ...get().session.form, processingTerminalId, scenario },
            attempt: begin(
              { ok: true, value: created },
              { scenario, processingTerminalId, environmentId },
              profile,
            ),
          })
        },

        formType: 'card',
        setFormType(formType) {
          const { form } = get().session
          const sandbox =
            get().environment.list.find((e) => e.id === get().environment.environmentId)?.kind === 'sandbox'
          const terminal = form.processingTerminalId.trim()
          const swap =
            sandbox &&
            formType !== 'card' &&
            SEEDED_SANDBOX_TERMINALS.includes(terminal) &&
            terminal !== SANDBOX_FORM_TERMINALS[formType]
          patch({
            formType,
            ...(swap ? { form: { ...form, processingTerminalId: SANDBOX_FORM_TERMINALS[formType] } } : {}),
          })
        },

        setField(field, value) {
          const { form, fieldErrors } = get().session
          patch({ form: { ...form, [field]: value }, fieldErrors: { ...fieldErrors, [field]: undefined } })
        },

        applyEnvironmentDefaults(next, previous) {
          const { form } = get().session
          let terminal = form.processingTerminalId
          if (next?.kind === 'sandbox' && terminal.trim() === '') terminal = SANDBOX_TERMINAL
          if (next?.kind !== 'sandbox' && previous?.kind === 'sandbox' && terminal === SANDBOX_TERMINAL)
            terminal = ''
          patch({
            form: {
              ...form,
              processingTerminalId: terminal,
              libVersion: next?.defaultLibVersion ?? form.libVersion,
            },
            fieldErrors: {},
            error: null,
            confirming: false,
          })
        },

        async cancelRequest() {
          const { requestId, cancelling } = get().session
          if (!requestId || cancelling) return
          patch({ cancelling: true })
          // The create's own answer (kind cancelled, with its journal entry) settles the attempt.
          await transport.call('session:cancel', { requestId })
        },

        submit: () => send(false),
        confirm: () => send(true),
        cancel: () => patch({ confirming: false }),
      },
    }
  }
