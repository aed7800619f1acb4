import { describe, expect, it } from 'vitest'
import { formTypeOf, hostedFieldsOptions, optionsForLog } from '@renderer/testpage/form'
import { parseLibraryOptions, parseSession, type TestPageSession } from '@renderer/testpage/protocol'
import {
  EMPTY_OPTIONS,
  libraryOptionsOf,
  STYLE_PROPERTIES,
  STYLE_SELECTORS,
  withoutStyle,
  withStyle,
} from '@renderer/features/testpage/page-options'

const session: TestPageSession = {
  sessionToken: 'a5b804141eaea8f9578d692fba4befefa5b71c27d6cf2562',
  mode: 'payment',
  libVersion: '1.7.0.261457',
  scriptUrl: 'http://127.0.0.1:4010/js/hosted-fields/hosted-fields-1.7.0.261457.js',
  environmentName: 'Sandbox',
}

describe('form types', () => {
  it('builds fields.ach and fields.pad with the guide targets, and fields.card by default', () => {
    expect(formTypeOf(session)).toBe('card')
    const ach = hostedFieldsOptions({ ...session, formType: 'ach' }) as { fields: Record<string, object> }
    expect(Object.keys(ach.fields)).toEqual(['ach'])
    expect(Object.keys(ach.fields['ach'] ?? {})).toEqual([
      'nameOnAccount',
      'accountType',
      'achAccountNumber',
      'routingNumber',
      'submit',
    ])
    const pad = hostedFieldsOptions({ ...session, formType: 'pad', mode: 'tokenization' }) as {
      fields: { pad: Record<string, { target: string; value?: string }> }
    }
    expect(pad.fields.pad['transitNumber']?.target).toBe('.pad-transit-number')
    expect(pad.fields.pad['submit']?.value).toBe('Save account')
  })

  it('refuses an unknown form type', () => {
    expect(parseSession({ ...session, formType: 'ach' })).toEqual({ ...session, formType: 'ach' })
    expect(parseSession({ ...session, formType: 'sepa' })).toBeNull()
  })
})

describe('library options', () => {
  it('passes locale, styles, onPreSubmit and wrapperTarget: false as the merchant writes them', () => {
    const preSubmit = () => true
    const options = hostedFieldsOptions(
      {
        ...session,
        options: {
          locale: 'fr',
          onPreSubmit: 'refuse',
          cvvWrapper: false,
          styles: { disableDefaultStyles: true, css: { input: { color: 'red' } } },
        },
      },
      preSubmit,
    ) as { locale: string; onPreSubmit: unknown; styles: unknown; fields: { card: { cvv: object } } }
    expect(options.locale).toBe('fr')
    expect(options.onPreSubmit).toBe(preSubmit)
    expect(options.styles).toEqual({ disableDefaultStyles: true, css: { input: { color: 'red' } } })
    expect(options.fields.card.cvv).toMatchObject({ wrapperTarget: false })
    // The log leaves the session token out and names the function by its answer.
    const logged = optionsForLog(
      { ...session, options: { onPreSubmit: 'refuse' } },
      options as Record<string, unknown>,
    ) as Record<string, unknown>
    expect(logged['sessionToken']).toBeUndefined()
    expect(logged['onPreSubmit']).toMatch(/refuse/)
  })

  it('validates what the page accepts', () => {
    expect(parseLibraryOptions({ locale: 'es' })).toEqual({ locale: 'es' })
    expect(parseLibraryOptions({ locale: 'de' })).toBeNull()
    expect(parseLibraryOptions({ onPreSubmit: 'maybe' })).toBeNull()
    expect(parseLibraryOptions({ cvvWrapper: true })).toBeNull()
    expect(parseLibraryOptions({ styles: { css: { input: { color: 'red;}body{x' } } } })).toBeNull()
    expect(parseLibraryOptions({ styles: { css: { input: { color: 7 } } } })).toBeNull()
    expect(parseSession({ ...session, options: { locale: 'xx' } })).toBeNull()
  })

  it('the draft: only documented selectors and properties, nothing set = the page defaults', () => {
    expect(libraryOptionsOf(EMPTY_OPTIONS)).toBeUndefined()
    expect(STYLE_SELECTORS).toContain("button[type='submit']:hover")
    expect(STYLE_PROPERTIES).toContain('background-color')
    let css = withStyle({}, "button[type='submit']", 'color', ' #fff ')
    expect(css).toEqual({ "button[type='submit']": { color: '#fff' } })
    expect(withStyle(css, 'script', 'color', 'red')).toBe(css)
    expect(withStyle(css, 'input', 'position', 'fixed')).toBe(css)
    css = withStyle(css, 'input', 'color', 'red')
    expect(libraryOptionsOf({ ...EMPTY_OPTIONS, css, locale: 'es' })).toEqual({
      locale: 'es',
      styles: { disableDefaultStyles: false, css },
    })
    expect(withoutStyle(css, 'input', 'color')).toEqual({ "button[type='submit']": { color: '#fff' } })
  })
})
