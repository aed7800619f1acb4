import { useId, useState } from 'react'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { describedBy, FieldMessages } from '@renderer/components/FieldMessages'
import { useStore } from '@renderer/store-context'
import { loadValidation } from '@renderer/validation'

function EnvironmentSelect() {
  const id = useId()
  const environments = useStore((s) => s.environment.list)
  const environmentId = useStore((s) => s.environment.environmentId)
  const select = useStore((s) => s.environment.select)
  const builtin = environments.filter((e) => e.kind !== 'custom')
  const custom = environments.filter((e) => e.kind === 'custom')
  return (
    <div className="field">
      <label htmlFor={id}>Environment</label>
      <select id={id} value={environmentId} onChange={(e) => void select(e.target.value)}>
        {builtin.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
        {custom.length > 0 && (
          <optgroup label="Custom">
            {custom.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  )
}

/** Free text with suggestions: a new profile name starts a new keychain entry for this environment. */
function ProfileInput({ initial }: { initial: string }) {
  const id = useId()
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string[] | undefined>(undefined)
  const environmentId = useStore((s) => s.environment.environmentId)
  const profiles = useStore((s) => s.vault.status?.profiles)
  const select = useStore((s) => s.environment.select)
  const commit = async () => {
    const { ProfileName } = await loadValidation()
    const parsed = ProfileName.safeParse(value.trim())
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message))
    setError(undefined)
    if (parsed.data !== initial) void select(environmentId, parsed.data)
  }
  return (
    <div className="field">
      <label htmlFor={id}>Profile</label>
      <input
        id={id}
        value={value}
        list={`${id}-list`}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit()
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-error`, error)}
        autoComplete="off"
        spellCheck={false}
      />
      <datalist id={`${id}-list`}>
        {(profiles ?? []).map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <FieldMessages id={`${id}-error`} messages={error} />
    </div>
  )
}

function EnvironmentDetails() {
  const environment = useStore((s) => s.environment.list.find((e) => e.id === s.environment.environmentId))
  const sandboxUrl = useStore((s) => s.app.info?.sandboxUrl)
  const prewarm = useStore((s) =>
    s.environment.prewarm?.environmentId === s.environment.environmentId &&
    s.environment.prewarm.profile === s.environment.profile
      ? s.environment.prewarm
      : null,
  )
  const deleteCustom = useStore((s) => s.environment.deleteCustom)
  const edit = useStore((s) => s.environment.edit)
  if (!environment) return null
  return (
    <>
      <dl className="details env-details">
        <dt>API</dt>
        <dd>
          <code>{environment.apiBase}</code>
        </dd>
        <dt>Identity</dt>
        <dd>
          <code>{environment.identityBase}</code>
        </dd>
        {environment.kind === 'sandbox' && sandboxUrl && (
          <>
            <dt>Sandbox</dt>
            <dd>
              <code data-testid="sandbox-url">{sandboxUrl}</code>
            </dd>
          </>
        )}
      </dl>
      {prewarm && (
        <p className={prewarm.ok ? 'prewarm ok' : 'prewarm failed'} role="status">
          {prewarm.ok
            ? 'Bearer token ready'
            : `Sign-in not ready: ${prewarm.message ?? 'identity call failed'}`}
        </p>
      )}
      {environment.kind === 'custom' && (
        <div className="custom-env-actions">
          <button type="button" className="link-button" onClick={() => edit(environment.id)}>
            Edit this custom environment
          </button>
          <button type="button" className="link-button" onClick={() => void deleteCustom(environment.id)}>
            Delete this custom environment
          </button>
        </div>
      )}
    </>
  )
}

export function EnvironmentPanel() {
  const profile = useStore((s) => s.environment.profile)
  const environmentId = useStore((s) => s.environment.environmentId)
  const error = useStore((s) => s.environment.error)
  return (
    <section className="card" aria-labelledby="target-title">
      <h2 id="target-title">Target</h2>
      <EnvironmentSelect />
      <ProfileInput key={`${environmentId}/${profile}`} initial={profile} />
      <EnvironmentDetails />
      {error && <ErrorPanel error={error} />}
    </section>
  )
}
