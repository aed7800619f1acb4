import { useId, useState, type FormEvent } from 'react'
import type { AppError } from '@shared/result'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { describedBy, FieldMessages } from '@renderer/components/FieldMessages'
import { useStore } from '@renderer/store-context'
import { loadValidation } from '@renderer/validation'
import { selectedEnvironment } from './environment-slice'

const FIELDS = [
  { name: 'name', label: 'Name', placeholder: 'Merchant staging' },
  { name: 'apiBase', label: 'API base URL', placeholder: 'https://api.example.com/v1' },
  { name: 'identityBase', label: 'Identity base URL', placeholder: 'https://identity.example.com' },
  { name: 'cdnBase', label: 'CDN base URL', placeholder: 'https://cdn.example.com' },
] as const
type FieldName = (typeof FIELDS)[number]['name']
type Values = Record<FieldName, string>
const EMPTY: Values = { name: '', apiBase: '', identityBase: '', cdnBase: '' }

export function CustomEnvironmentForm() {
  const id = useId()
  const saveCustom = useStore((s) => s.environment.saveCustom)
  const [open, setOpen] = useState(false)
  const [values, setValues] = useState<Values>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string[]>>({})
  const [failure, setFailure] = useState<AppError | null>(null)
  const [saving, setSaving] = useState(false)
  /** The custom environment being edited (its id is sent with the save), or null for a new one. */
  const [editing, setEditing] = useState<string | null>(null)
  const selected = useStore((s) => selectedEnvironment(s))
  const editable = selected?.kind === 'custom' ? selected : undefined

  const startEdit = () => {
    if (!editable) return
    const { name, apiBase, identityBase, cdnBase } = editable
    setValues({ name, apiBase, identityBase, cdnBase })
    setEditing(editable.id)
    setErrors({})
    setFailure(null)
    setOpen(true)
  }
  const startNew = () => {
    setValues(EMPTY)
    setEditing(null)
    setErrors({})
    setFailure(null)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setFailure(null)
    const { CustomEnvironmentInput, issuesToFields } = await loadValidation()
    const parsed = CustomEnvironmentInput.safeParse(values)
    if (!parsed.success) return setErrors(issuesToFields(parsed.error))
    setErrors({})
    setSaving(true)
    // A changed API or identity host holds the stored keys until Confirm in Credentials (main decides).
    const saved = await saveCustom(editing ? { ...values, id: editing } : values)
    setSaving(false)
    if (saved.ok) {
      setValues(EMPTY)
      setEditing(null)
      setOpen(false)
    } else {
      setErrors(saved.error.fields ?? {})
      setFailure(saved.error)
    }
  }

  return (
    // No accessible name on purpose: "Environment" must label the switcher alone.
    <section className="card">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2>Custom environment</h2>
        </summary>
        <div className="button-row">
          {editable && editing !== editable.id && (
            <button type="button" onClick={startEdit}>
              Edit {editable.name}
            </button>
          )}
          {editing && (
            <button type="button" onClick={startNew}>
              New environment instead
            </button>
          )}
        </div>
        <form noValidate onSubmit={(e) => void onSubmit(e)}>
          {FIELDS.map((field) => (
            <div className="field" key={field.name}>
              <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
              <input
                id={`${id}-${field.name}`}
                value={values[field.name]}
                placeholder={field.placeholder}
                onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
                aria-invalid={errors[field.name] ? true : undefined}
                aria-describedby={describedBy(`${id}-${field.name}-error`, errors[field.name])}
                autoComplete="off"
                spellCheck={false}
              />
              <FieldMessages id={`${id}-${field.name}-error`} messages={errors[field.name]} />
            </div>
          ))}
          <p className="field-hint">https:// required; http:// only for localhost and 127.x.</p>
          {editing && (
            <p className="field-hint">
              Editing <code>{editing}</code>. Changing the API or identity host holds its stored keys until
              you confirm them in Credentials.
            </p>
          )}
          <button type="submit" disabled={saving}>
            Save environment
          </button>
          {failure && <ErrorPanel error={failure} />}
        </form>
      </details>
    </section>
  )
}
