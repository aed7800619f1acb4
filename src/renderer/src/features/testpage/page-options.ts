/**
 * The Advanced panel's library options as the user sets them (a draft), and the plain options the test page
 * gets (protocol.ts LibraryOptions). The selectors and properties offered are the ones Payroc's "Style your
 * fields" guide documents; the library itself drops anything else.
 */
import type { LibraryOptions, Locale } from '@renderer/testpage/protocol'

const PSEUDOS = [
  '::after',
  '::before',
  ':active',
  ':after',
  ':before',
  ':checked',
  ':disabled',
  ':enabled',
  ':focus',
  ':hover',
  ':indeterminate',
  ':not(:checked)',
]

/** The documented style selectors (Payroc's whitelist), plain ones first. */
export const STYLE_SELECTORS: readonly string[] = [
  'body',
  'form',
  'label',
  'fieldset',
  'div',
  'div:first-of-type',
  'input',
  'input.invalid',
  'input.valid',
  '.invalid',
  '.valid',
  "input[type='text']",
  "input[type='radio']",
  "input[type='radio']:checked::before",
  "input[type='submit']",
  'button',
  "button[type='submit']",
  '.button-text',
  '.loading-svg',
  '.loading .loading-svg',
  '.loading .button-text',
  '.spin',
  ...["input[type='text']", "input[type='radio']", "input[type='submit']", 'button', "button[type='submit']"]
    .flatMap((base) => PSEUDOS.map((pseudo) => base + pseudo))
    .filter((selector) => selector !== "input[type='radio']:checked::before"),
]

/** The documented style properties. */
export const STYLE_PROPERTIES: readonly string[] = (
  'animation align-items appearance background-color border-color border-radius border box-shadow box-sizing ' +
  'color content direction display flex-basis flex-direction float font-family font-size font-style ' +
  'font-weight font height justify-content letter-spacing line-height margin-bottom margin-left margin-right ' +
  'margin-top margin max-width min-height opacity outline padding-bottom padding-left padding-right ' +
  'padding-top padding text-align text-shadow transform-origin transform transition width'
).split(' ')

export interface LibraryOptionsDraft {
  /** '' = not passed (the library's default, en). */
  locale: '' | Locale
  /** '' = no onPreSubmit. */
  onPreSubmit: '' | 'allow' | 'refuse'
  /** `wrapperTarget: false` on the CVV field (card form only). */
  noCvvWrapper: boolean
  disableDefaultStyles: boolean
  css: Record<string, Record<string, string>>
}

export const EMPTY_OPTIONS: LibraryOptionsDraft = {
  locale: '',
  onPreSubmit: '',
  noCvvWrapper: false,
  disableDefaultStyles: false,
  css: {},
}

/** The options the page passes on top of its own; undefined when nothing is set (the page's defaults). */
export function libraryOptionsOf(draft: LibraryOptionsDraft): LibraryOptions | undefined {
  const styled = draft.disableDefaultStyles || Object.keys(draft.css).length > 0
  const options: LibraryOptions = {
    ...(draft.locale ? { locale: draft.locale } : {}),
    ...(draft.onPreSubmit ? { onPreSubmit: draft.onPreSubmit } : {}),
    ...(draft.noCvvWrapper ? { cvvWrapper: false as const } : {}),
    ...(styled
      ? { styles: { disableDefaultStyles: draft.disableDefaultStyles, css: structuredClone(draft.css) } }
      : {}),
  }
  return Object.keys(options).length > 0 ? options : undefined
}

/** Adds (or replaces) one property of one selector; an empty value is refused. */
export function withStyle(
  css: LibraryOptionsDraft['css'],
  selector: string,
  property: string,
  value: string,
): LibraryOptionsDraft['css'] {
  const text = value.trim()
  if (!text || !STYLE_SELECTORS.includes(selector) || !STYLE_PROPERTIES.includes(property)) return css
  return { ...css, [selector]: { ...(css[selector] ?? {}), [property]: text } }
}

export function withoutStyle(
  css: LibraryOptionsDraft['css'],
  selector: string,
  property: string,
): LibraryOptionsDraft['css'] {
  const rule = Object.fromEntries(Object.entries(css[selector] ?? {}).filter(([key]) => key !== property))
  const others = Object.entries(css).filter(([key]) => key !== selector)
  return Object.fromEntries(Object.keys(rule).length > 0 ? [...others, [selector, rule]] : others)
}
