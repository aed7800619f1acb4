import { useId, useState } from 'react'
import { useStore } from '@renderer/store-context'
import { LOCALES, type Locale } from '@renderer/testpage/protocol'
import { STYLE_PROPERTIES, STYLE_SELECTORS, withoutStyle, withStyle } from './page-options'

/**
 * The library options of the Advanced panel: locale, onPreSubmit, `wrapperTarget: false` and styles from the
 * documented selectors and properties. They apply to the next session or Reload form; the page logs what it
 * passed (`page:options`).
 */
export function LibraryOptionsPanel() {
  const id = useId()
  const options = useStore((s) => s.testPage.options)
  const setOptions = useStore((s) => s.testPage.setOptions)
  const [selector, setSelector] = useState("button[type='submit']")
  const [property, setProperty] = useState('background-color')
  const [value, setValue] = useState('')
  const rules = Object.entries(options.css).flatMap(([sel, props]) =>
    Object.entries(props).map(([prop, text]) => ({ sel, prop, text })),
  )
  const add = () => {
    const css = withStyle(options.css, selector, property, value)
    if (css !== options.css) {
      setOptions({ css })
      setValue('')
    }
  }
  return (
    <fieldset className="library-options">
      <legend>Library options</legend>
      <div className="options-grid">
        <div className="field">
          <label htmlFor={`${id}-locale`}>Locale</label>
          <select
            id={`${id}-locale`}
            value={options.locale}
            onChange={(e) => setOptions({ locale: e.target.value as '' | Locale })}
          >
            <option value="">Not set (en)</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {locale}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-presubmit`}>onPreSubmit</label>
          <select
            id={`${id}-presubmit`}
            value={options.onPreSubmit}
            onChange={(e) => setOptions({ onPreSubmit: e.target.value as '' | 'allow' | 'refuse' })}
          >
            <option value="">Not set</option>
            <option value="allow">Allow (returns true)</option>
            <option value="refuse">Refuse (returns false)</option>
          </select>
        </div>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.noCvvWrapper}
          onChange={(e) => setOptions({ noCvvWrapper: e.target.checked })}
        />
        wrapperTarget: false (no CVV wrapper, card form)
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={options.disableDefaultStyles}
          onChange={(e) => setOptions({ disableDefaultStyles: e.target.checked })}
        />
        Disable default styles
      </label>
      <div className="style-builder">
        <StylePartSelect
          id={`${id}-selector`}
          label="Style selector"
          items={STYLE_SELECTORS}
          value={selector}
          onChange={setSelector}
        />
        <StylePartSelect
          id={`${id}-property`}
          label="Style property"
          items={STYLE_PROPERTIES}
          value={property}
          onChange={setProperty}
        />
        <div className="field">
          <label htmlFor={`${id}-value`}>Style value</label>
          <input
            id={`${id}-value`}
            value={value}
            placeholder="#d72d2d"
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                add()
              }
            }}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button type="button" className="small" onClick={add} disabled={value.trim() === ''}>
          Add style
        </button>
      </div>
      {rules.length > 0 && (
        <ul className="style-rules" aria-label="Styles">
          {rules.map(({ sel, prop, text }) => (
            <li key={`${sel}|${prop}`}>
              <code>
                {sel} {'{'} {prop}: {text} {'}'}
              </code>
              <button
                type="button"
                className="small"
                aria-label={`Remove ${prop} of ${sel}`}
                onClick={() => setOptions({ css: withoutStyle(options.css, sel, prop) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}

/** One labelled select of the style builder (selector or property), each item its own text. */
function StylePartSelect({
  id,
  label,
  items,
  value,
  onChange,
}: {
  id: string
  label: string
  items: readonly string[]
  value: string
  onChange: (value: string) => void
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {items.map((item) => (
          <option key={item} value={item}>
            {item}
          </option>
        ))}
      </select>
    </div>
  )
}
