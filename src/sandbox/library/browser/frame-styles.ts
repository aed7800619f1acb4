/**
 * A field frame's styles (protocol §5.3): the frame's default sheet unless `disableDefaultStyles`, each `css`
 * entry merged into the default entry of the same selector, then only whitelisted selectors and properties, and
 * values the browser supports. Rejected selectors are dropped silently, rejected properties and values only log
 * to the console: no error events. Rules are added through the CSSOM (a constructed sheet), never as CSS text.
 */
type Dict = Record<string, unknown>
type Sheet = Record<string, Dict>

const PSEUDOS = [
  '::before',
  '::after',
  ':before',
  ':after',
  ':checked',
  ':not(:checked)',
  ':enabled',
  ':disabled',
  ':hover',
  ':focus',
  ':active',
  ':indeterminate',
]
const BASES = [
  "input[type='text']",
  "input[type='radio']",
  "input[type='submit']",
  'button',
  "button[type='submit']",
]
const PLAIN = [
  '.spin',
  'to',
  '.loading .loading-svg',
  '.loading .button-text',
  '.loading-svg',
  '.button-text',
  'input',
  'input.invalid',
  'input.valid',
  '.invalid',
  '.valid',
  'label',
  'fieldset',
  'body',
  'form',
  'div',
  'div:first-of-type',
  "input[type='radio']:checked::before",
]
const SELECTORS = new Set([
  ...PLAIN,
  ...BASES,
  ...BASES.flatMap((base) => PSEUDOS.map((pseudo) => base + pseudo)),
])

const PROPERTIES = new Set(
  (
    '-webkit-transform animation align-items appearance background-color border-color border-radius border ' +
    'box-shadow box-sizing color content direction display flex-basis flex-direction float font-family font-size ' +
    'font-style font-weight font height justify-content letter-spacing line-height margin-bottom margin-left ' +
    'margin-right margin-top margin max-width min-height opacity outline padding-bottom padding-left ' +
    'padding-right padding-top padding text-align text-shadow transform-origin transform transition width cursor'
  ).split(' '),
)
const UNCHECKED_VALUES = new Set(['content', 'flex-basis'])

/** The frame's own look (the sandbox's; Payroc's default sheet is not reproduced). */
const DEFAULTS: Sheet = {
  body: { margin: '0', 'font-family': 'system-ui, sans-serif' },
  input: {
    'box-sizing': 'border-box',
    width: '100%',
    height: '40px',
    padding: '8px 10px',
    border: '1px solid #8a8f98',
    'border-radius': '6px',
    'font-size': '16px',
  },
  'input.invalid': { 'border-color': '#c62828' },
  button: {
    'box-sizing': 'border-box',
    width: '100%',
    height: '44px',
    border: '0',
    'border-radius': '6px',
    'background-color': '#1f6feb',
    color: '#fff',
    'font-size': '16px',
    cursor: 'pointer',
  },
  '.loading-svg': { display: 'none', width: '16px', height: '16px' },
  '.loading .loading-svg': { display: 'inline-block' },
}

/** Quote style does not matter: `input[type="text"]` counts as `input[type='text']`. */
const normalise = (selector: string): string => selector.trim().replace(/"/g, "'")

/** `:name` is written as `input:name`. */
const written = (selector: string): string => (selector.startsWith(':') ? `input${selector}` : selector)

const allowedSelector = (selector: string): boolean =>
  /^:[a-z-]+(\([^)]*\))?$/.test(selector) || SELECTORS.has(normalise(selector))

export function mergedSheet(styles: unknown): Sheet {
  const options = (styles && typeof styles === 'object' ? styles : {}) as Dict
  const sheet: Sheet = options.disableDefaultStyles === true ? {} : JSON.parse(JSON.stringify(DEFAULTS))
  const css = options.css && typeof options.css === 'object' ? (options.css as Dict) : {}
  for (const [selector, entry] of Object.entries(css)) {
    if (!entry || typeof entry !== 'object') continue
    sheet[selector] = { ...(sheet[selector] ?? {}), ...(entry as Dict) }
  }
  return sheet
}

function declarations(entry: Dict): string[] {
  const out: string[] = []
  for (const [property, value] of Object.entries(entry)) {
    if (!PROPERTIES.has(property)) {
      console.warn('The css key in your config must be an object as per the documentation.')
      continue
    }
    if (typeof value !== 'string' || /[;{}]/.test(value)) continue
    if (!UNCHECKED_VALUES.has(property) && !CSS.supports(property, value)) {
      console.warn('The css value in your config must be supported by the property.')
      continue
    }
    out.push(`${property}: ${value}`)
  }
  return out
}

function rulesOf(sheet: Sheet): string[] {
  const rules: string[] = []
  for (const [selector, entry] of Object.entries(sheet)) {
    if (/^@(media|keyframes)\s/.test(selector)) {
      if (!/^@media [^{};]*\([a-z-]+: ?[^{};()]+\)$|^@keyframes [A-Za-z0-9_-]+$/.test(selector)) continue
      const inner = rulesOf(entry as Sheet)
      if (inner.length > 0) rules.push(`${selector} { ${inner.join(' ')} }`)
      continue
    }
    if (!allowedSelector(selector) && !/^(from|to|\d{1,3}%)$/.test(selector)) continue
    const body = declarations(entry)
    if (body.length > 0) rules.push(`${written(selector)} { ${body.join('; ')} }`)
  }
  return rules
}

/** Applies the styles to this frame's document. */
export function applyStyles(styles: unknown): void {
  const sheet = new CSSStyleSheet()
  for (const rule of rulesOf(mergedSheet(styles))) {
    try {
      sheet.insertRule(rule, sheet.cssRules.length)
    } catch {
      // A rule the browser cannot parse is dropped, like a rejected selector.
    }
  }
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
}
