import { useId, type FormEvent } from 'react'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { describedBy, FieldMessages } from '@renderer/components/FieldMessages'
import { useStore } from '@renderer/store-context'
import { ForceNextResponse } from './SandboxControls'
import { LibrarySourcePanel } from '@renderer/features/library/LibrarySourcePanel'
import { API_KEY_INPUT_ID } from '@renderer/features/vault/CredentialsPanel'
import { isMac } from '@renderer/features/shortcuts/shortcuts'
import { SESSION_FIELDS, type SessionField } from './session-slice'

const SUBMIT_KEYS = `${isMac(typeof navigator === 'undefined' ? '' : navigator.platform) ? '⌘' : 'Ctrl'}+Enter`

function useField(field: SessionField) {
  const value = useStore((s) => s.session.form[field])
  const errors = useStore((s) => s.session.fieldErrors[field])
  const setField = useStore((s) => s.session.setField)
  return { value, errors, onChange: (next: string) => setField(field, next) }
}

function TextField({ field, label, hint }: { field: SessionField; label: string; hint?: string }) {
  const id = useId()
  const { value, errors, onChange } = useField(field)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describers = [hint ? hintId : undefined, describedBy(errorId, errors)].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={field}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describers || undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldMessages id={errorId} messages={errors} />
    </div>
  )
}

function ScenarioField() {
  const id = useId()
  const { value, errors, onChange } = useField('scenario')
  return (
    <div className="field">
      <label htmlFor={id}>Scenario</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(`${id}-error`, errors)}
      >
        <option value="payment">Payment</option>
        <option value="tokenization">Tokenization</option>
      </select>
      <FieldMessages id={`${id}-error`} messages={errors} />
    </div>
  )
}

/** Card, ACH or PAD: the library's form the test page renders for the next session. */
function FormTypeField() {
  const id = useId()
  const value = useStore((s) => s.session.formType)
  const setFormType = useStore((s) => s.session.setFormType)
  return (
    <div className="field">
      <label htmlFor={id}>Form type</label>
      <select
        id={id}
        value={value}
        onChange={(e) => setFormType(e.target.value as 'card' | 'ach' | 'pad')}
        aria-describedby={`${id}-hint`}
      >
        <option value="card">Card</option>
        <option value="ach">ACH</option>
        <option value="pad">PAD</option>
      </select>
      <p className="field-hint" id={`${id}-hint`}>
        {value === 'card'
          ? 'The card form (fields.card)'
          : value === 'ach'
            ? 'fields.ach — needs an ACH terminal (Sandbox 1234004)'
            : 'fields.pad — needs a PAD terminal (Sandbox 1234005)'}
      </p>
    </div>
  )
}

function SessionError() {
  const error = useStore((s) => s.session.error)
  const general = useStore((s) => s.session.fieldErrors.general)
  if (!error && !general) return null
  return (
    <div className="form-errors">
      {error && <ErrorPanel error={error} shownWithFields={SESSION_FIELDS} />}
      {!error && <FieldMessages id="session-general-errors" messages={general} />}
    </div>
  )
}

/** No key yet for this environment/profile (UAT, Production, Custom): say what to do, and take the user there. */
function MissingKey() {
  const status = useStore((s) => s.vault.status)
  const name = useStore(
    (s) =>
      s.environment.list.find((e) => e.id === s.environment.environmentId)?.name ??
      s.environment.environmentId,
  )
  if (!status || status.configured) return null
  return (
    <div className="notice warning missing-key">
      <p>
        <strong>No API key yet.</strong> Add the API key for {name} in Credentials
        {status.profile !== 'default' ? ` (profile ${status.profile})` : ''}, then create the session.
      </p>
      <button
        type="button"
        className="small"
        onClick={() => document.getElementById(API_KEY_INPUT_ID)?.focus()}
      >
        Go to API key
      </button>
    </div>
  )
}

export function SessionForm() {
  const pending = useStore((s) => s.session.pending)
  const submit = useStore((s) => s.session.submit)
  const cancelling = useStore((s) => s.session.cancelling)
  const cancelRequest = useStore((s) => s.session.cancelRequest)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit()
  }
  return (
    <section className="card session-form" id="session-form" aria-labelledby="session-form-title">
      <h2 id="session-form-title">New Hosted Fields session</h2>
      <MissingKey />
      <form noValidate onSubmit={onSubmit}>
        <div className="form-grid">
          <TextField field="processingTerminalId" label="Processing terminal ID" />
          <ScenarioField />
          <FormTypeField />
          <TextField field="secureTokenId" label="Secure token ID" hint="Optional" />
          <TextField field="libVersion" label="Library version" />
          <ForceNextResponse />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={pending} aria-busy={pending}>
            {pending && <span className="spinner" aria-hidden="true" />}
            Create session
          </button>
          <span className="field-hint" aria-hidden="true">
            or <kbd>{SUBMIT_KEYS}</kbd>
          </span>
          {pending && (
            <>
              <span className="pending" role="status">
                {cancelling ? 'Cancelling…' : 'Creating…'}
              </span>
              <button type="button" onClick={() => void cancelRequest()} disabled={cancelling}>
                Cancel request
              </button>
            </>
          )}
        </div>
      </form>
      <LibrarySourcePanel />
      <SessionError />
    </section>
  )
}
