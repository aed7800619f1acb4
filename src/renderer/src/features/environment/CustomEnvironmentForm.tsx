import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { AppError } from '@shared/result'
import { ErrorPanel } from '@renderer/components/ErrorPanel'
import { describedBy, FieldMessages } from '@renderer/components/FieldMessages'
import { useStore } from '@renderer/store-context'
import { loadValidation } from '@renderer/validation'

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
  const editingId = useStore((s) => s.environment.editing)
  const editing = useStore((s) =>
    s.environment.list.find((e) => e.id === s.environment.editing && e.kind === 'custom'),
  )
  const edit = useStore((s) => s.environment.edit)
  const firstField = useRef<HTMLInputElement>(null)
  const [open, setOpen] = useState(false)
  const [values, setValues] = useState<Values>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string[]>>({})
  const [failure, setFailure] = useState<AppError | null>(null)
  const [saving, setSaving] = useState(false)

  // "Edit this custom environment": the form opens with its values (derived state, set during render);
  // saving replaces it under the same id.
  const [loadedFor, setLoadedFor] = useState<string | null>(null)
  if (editing && loadedFor !== editing.id) {
    setLoadedFor(editing.id)
    setValues({
      name: editing.name,
      apiBase: editing.apiBase,
      identityBase: editing.identityBase,
      cdnBase: editing.cdnBase,
    })
    setErrors({})
    setFailure(null)
    setOpen(true)
  }
  if (!editing && loadedFor !== null) setLoadedFor(null)
  useEffect(() => {
    if (editingId) requestAnimationFrame(() => firstField.current?.focus())
  }, [editingId])

  const stopEditing = () => {
    edit(null)
    setValues(EMPTY)
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
    const saved = await saveCustom(
      editing ? { ...values, id: editing.id, defaultLibVersion: editing.defaultLibVersion } : values,
    )
    setSaving(false)
    if (saved.ok) {
      setValues(EMPTY)
      setOpen(false)
      if (editingId) edit(null)
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
          <h2>{editing ? `Edit custom environment: ${editing.name}` : 'Custom environment'}</h2>
        </summary>
        <form noValidate onSubmit={(e) => void onSubmit(e)}>
          {FIELDS.map((field) => (
            <div className="field" key={field.name}>
              <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
              <input
                ref={field.name === 'name' ? firstField : undefined}
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
              Changing the API or identity host holds its stored keys until you confirm them in Credentials.
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={saving}>
              {editing ? 'Save changes' : 'Save environment'}
            </button>
            {editing && (
              <button type="button" onClick={stopEditing}>
                Cancel edit
              </button>
            )}
          </div>
          {failure && <ErrorPanel error={failure} />}
        </form>
      </details>
    </section>
  )
}
