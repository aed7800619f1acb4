import { useId, useRef, type FormEvent } from 'react'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { describedBy, FieldMessages } from '@renderer/components/FieldMessages'
import { useStore } from '@renderer/store-context'

/** Fixed, so the session form's "Go to API key" can focus it (there is one Credentials panel). */
export const API_KEY_INPUT_ID = 'api-key-input'

function KeyStatus() {
  const status = useStore((s) => s.vault.status)
  if (!status) return <p className="key-status muted">Checking the keychain…</p>
  return (
    <>
      <p className="key-status" data-configured={status.configured}>
        {status.configured ? (
          <>
            Key stored <code>{status.masked ?? '••••'}</code>
            {status.source === 'managed' ? ' (managed by the embedded sandbox)' : ' in the OS keychain'}
          </>
        ) : (
          <>
            No key stored for <code>{status.environmentId}</code> / <code>{status.profile}</code> yet. Paste
            the merchant’s API key below and press Save key; it goes to the OS keychain.
          </>
        )}
      </p>
      {!status.keychain.available && (
        <div className="notice warning" role="alert">
          <p>
            <strong>Keychain unavailable.</strong> {status.keychain.message}
          </p>
          {status.keychain.hint && <p>{status.keychain.hint}</p>}
        </div>
      )}
    </>
  )
}

/** The stored key is held because the environment's hosts changed: Confirm or Delete key, nothing sent before. */
function HeldKeyPrompt() {
  const id = useId()
  const hold = useStore((s) => s.vault.status?.hostsChanged)
  const busy = useStore((s) => s.vault.busy)
  const confirmKey = useStore((s) => s.vault.confirmKey)
  const deleteKey = useStore((s) => s.vault.deleteKey)
  if (!hold) return null
  return (
    <div className="notice warning" role="group" aria-labelledby={`${id}-held`}>
      <p id={`${id}-held`}>
        The hosts of this environment changed; send the stored key to <code>{hold.identityHost}</code>?
      </p>
      <p className="field-hint">Until you confirm, the key is not sent anywhere (no pre-warm, no create).</p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={busy !== null}
          aria-busy={busy === 'confirm'}
          onClick={() => void confirmKey()}
        >
          Confirm
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void deleteKey()}>
          Delete key
        </button>
      </div>
    </div>
  )
}

function Outcome() {
  const error = useStore((s) => s.vault.error)
  const notice = useStore((s) => s.vault.notice)
  const tone = useStore((s) => s.vault.noticeTone)
  const tested = useStore((s) => s.vault.tested)
  return (
    <div className="key-outcome">
      <p
        role="status"
        className={`notice ${tone === 'warning' ? 'warning-text' : 'ok-text'}`}
        data-tone={tone}
      >
        {notice}
        {tested &&
          `Credentials work: ${tested.tokenType} token, valid ${tested.expiresIn} s, answered in ${Math.round(tested.durationMs)} ms.`}
      </p>
      {error && <ErrorPanel error={error} />}
    </div>
  )
}

export function CredentialsPanel() {
  const id = useId()
  // Uncontrolled on purpose: the key never enters React state, the store or a DOM attribute.
  const input = useRef<HTMLInputElement>(null)
  const busy = useStore((s) => s.vault.busy)
  const keyError = useStore((s) => s.vault.keyError)
  const configured = useStore((s) => s.vault.status?.configured ?? false)
  const inKeychain = useStore((s) => s.vault.status?.source === 'keychain')
  const saveKey = useStore((s) => s.vault.saveKey)
  const deleteKey = useStore((s) => s.vault.deleteKey)
  const test = useStore((s) => s.vault.test)
  // A new environment or profile remounts the input: a typed key never follows into another target.
  const target = useStore((s) => `${s.environment.environmentId}/${s.environment.profile}`)
  const keyErrors = keyError ? [keyError] : undefined

  const onSave = async (event: FormEvent) => {
    event.preventDefault()
    const field = input.current
    if (!field) return
    if (await saveKey(field.value)) field.value = ''
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Credentials</h2>
      <KeyStatus />
      <HeldKeyPrompt />
      <form noValidate onSubmit={(e) => void onSave(e)} className="key-form">
        <div className="field">
          <label htmlFor={API_KEY_INPUT_ID}>API key</label>
          <input
            key={target}
            id={API_KEY_INPUT_ID}
            ref={input}
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={keyErrors ? true : undefined}
            aria-describedby={describedBy(`${id}-key-error`, keyErrors)}
            placeholder={configured ? 'Enter a new key to replace it' : 'Paste the merchant’s API key'}
          />
          <FieldMessages id={`${id}-key-error`} messages={keyErrors} />
        </div>
        <div className="button-row">
          <button type="submit" disabled={busy !== null} aria-busy={busy === 'save'}>
            {busy === 'save' && <span className="spinner" aria-hidden="true" />}
            Save key
          </button>
          <button type="button" disabled={busy !== null || !inKeychain} onClick={() => void deleteKey()}>
            Delete key
          </button>
          <button
            type="button"
            disabled={busy !== null || !configured}
            aria-busy={busy === 'test'}
            onClick={() => void test()}
          >
            {busy === 'test' && <span className="spinner" aria-hidden="true" />}
            Test credentials
          </button>
        </div>
      </form>
      <Outcome />
    </section>
  )
}
