import { useId, useRef, type FormEvent } from 'react'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { describedBy, FieldMessages } from '@renderer/components/FieldMessages'
import { useStore } from '@renderer/store-context'
import type { VaultStatus } from '@shared/contract'

/** Fixed, so the session form's "Go to API key" can focus it (there is one Credentials panel). */
export const API_KEY_INPUT_ID = 'api-key-input'

/** Where a stored key lives, in the words of the panel. */
function whereStored(source: VaultStatus['source'], storage: VaultStatus['storage']): string {
  if (source === 'managed') return ' (managed by the embedded sandbox)'
  if (source === 'session') return ' for this session only (memory, gone when the console quits)'
  if (source === 'safe-storage') return ` — ${storage?.label ?? 'encrypted with safeStorage'}`
  return ' in the OS keychain'
}

/**
 * Where keys go when the OS keychain cannot be reached: the one notice with its fix, the store's strength
 * label, and "Keep keys for this session only" (memory) where nothing better works.
 */
function StorageNotice({ status }: { status: VaultStatus }) {
  const setSessionOnly = useStore((s) => s.vault.setSessionOnly)
  const busy = useStore((s) => s.vault.busy)
  const storage = status.storage
  // One message per failure: the keychain's problem comes from the storage state when there is one.
  const problem =
    storage?.keychainProblem ??
    (!status.keychain.available && status.keychain.message
      ? { message: status.keychain.message, hint: status.keychain.hint ?? '' }
      : undefined)
  if (!problem && storage?.kind !== 'session') return null
  const weak = storage?.kind === 'safe-storage-weak' || storage?.kind === 'session'
  return (
    <div className="notice warning" role="alert" data-storage={storage?.kind ?? 'none'}>
      {problem && (
        <p>
          <strong>Keychain unavailable.</strong> {problem.message}
        </p>
      )}
      {storage && storage.kind !== 'none' && (
        <p data-testid="key-storage-label">
          Keys are stored: <strong className={weak ? 'warning-text' : undefined}>{storage.label}</strong>
          {storage.kind === 'safe-storage-weak' &&
            ' — anyone who can read your data folder can decrypt them; start a keyring for real protection.'}
          {storage.kind === 'session' && ' — they are gone when the console quits.'}
        </p>
      )}
      {problem?.hint && <p>{problem.hint}</p>}
      <div className="button-row">
        {storage?.offerSessionOnly && (
          <button type="button" disabled={busy !== null} onClick={() => void setSessionOnly(true)}>
            Keep keys for this session only
          </button>
        )}
        {storage?.kind === 'session' && (
          <button type="button" disabled={busy !== null} onClick={() => void setSessionOnly(false)}>
            Stop keeping keys for this session only
          </button>
        )}
      </div>
    </div>
  )
}

function KeyStatus() {
  const status = useStore((s) => s.vault.status)
  if (!status) return <p className="key-status muted">Checking the keychain…</p>
  const sessionOnly = status.storage?.kind === 'session'
  return (
    <>
      <p className="key-status" data-configured={status.configured}>
        {status.configured ? (
          <>
            Key stored <code>{status.masked ?? '••••'}</code>
            {whereStored(status.source, status.storage)}
          </>
        ) : (
          <>
            No key stored for <code>{status.environmentId}</code> / <code>{status.profile}</code> yet. Paste
            the merchant’s API key below and press Save key;{' '}
            {sessionOnly
              ? 'it is kept for this session only.'
              : status.storage && status.storage.kind !== 'keychain' && status.storage.kind !== 'none'
                ? `it is stored: ${status.storage.label}.`
                : 'it goes to the OS keychain.'}
          </>
        )}
      </p>
      <StorageNotice status={status} />
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
  const keychainShown = useStore(
    (s) =>
      !!s.vault.status && (!s.vault.status.keychain.available || !!s.vault.status.storage?.keychainProblem),
  )
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
      {/* One message per failure: a keychain error the notice above already explains is not repeated. */}
      {error && error.kind === 'keychain' && keychainShown ? (
        <p className="warning-text" data-testid="key-not-saved">
          Not done: the OS keychain is unavailable (see the notice above).
        </p>
      ) : (
        error && <ErrorPanel error={error} />
      )}
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
  const inKeychain = useStore((s) => {
    const source = s.vault.status?.source
    return source === 'keychain' || source === 'safe-storage' || source === 'session'
  })
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
