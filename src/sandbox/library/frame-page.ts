/**
 * The field frame pages: one labelled input per card field, or the submit button. Served from the sandbox origin
 * with their own CSP (scripts and styles from 'self' only, `frame-ancestors *` because merchant pages embed them).
 */
export const CARD_FIELDS = ['cardholderName', 'cardNumber', 'expiryDate', 'cvv'] as const
export type CardField = (typeof CARD_FIELDS)[number]
export type FrameField = CardField | 'submit'

export const FIELD_LABELS: Record<CardField, string> = {
  cardholderName: 'Cardholder name',
  cardNumber: 'Card number',
  expiryDate: 'Expiry date',
  cvv: 'CVV',
}

const INPUT_ATTRIBUTES: Record<CardField, string> = {
  cardholderName: 'type="text" autocomplete="cc-name" maxlength="100"',
  cardNumber: 'type="text" inputmode="numeric" autocomplete="cc-number" maxlength="23"',
  expiryDate: 'type="text" inputmode="numeric" autocomplete="cc-exp" maxlength="7"',
  cvv: 'type="text" inputmode="numeric" autocomplete="cc-csc" maxlength="4"',
}

const DEFAULT_PLACEHOLDERS: Partial<Record<CardField, string>> = { expiryDate: 'MM/YY' }

export const FRAME_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  'frame-ancestors *',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export interface FramePageOptions {
  field: FrameField
  placeholder?: string
  value?: string
  defaultStyles: boolean
}

export function framePage(options: FramePageOptions): string {
  const { field } = options
  const title = field === 'submit' ? (options.value ?? 'Submit') : FIELD_LABELS[field]
  const styles = ['<link rel="stylesheet" href="/hosted-fields/frame-base.css">']
  if (options.defaultStyles) styles.push('<link rel="stylesheet" href="/hosted-fields/frame.css">')
  const body =
    field === 'submit'
      ? `<button id="hf-submit" type="button">${escapeHtml(options.value ?? 'Submit')}</button>`
      : `<label for="hf-input" class="hf-label">${FIELD_LABELS[field]}</label>` +
        `<input id="hf-input" name="${field}" ${INPUT_ATTRIBUTES[field]} spellcheck="false" aria-invalid="false"` +
        ` placeholder="${escapeHtml(options.placeholder ?? DEFAULT_PLACEHOLDERS[field] ?? '')}">`
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}</title>${styles.join('')}</head>` +
    `<body class="hf-${field}">${body}<script src="/hosted-fields/frame.js"></script></body></html>`
  )
}

/** Always served: the label is for screen readers (the merchant page shows its own), the frame has no margin. */
export const FRAME_BASE_CSS = `html,body{margin:0;padding:0;background:transparent}
.hf-label{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
input,button{box-sizing:border-box;width:100%}
`

/** The default look (left out with styles.disableDefaultStyles). */
export const FRAME_DEFAULT_CSS = `body{font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;padding:2px}
input{height:40px;padding:8px 10px;border:1px solid #8a8f98;border-radius:6px;color:#1f2328;background:#fff;font:inherit}
input:focus{outline:2px solid #2563eb;outline-offset:0;border-color:#2563eb}
input[aria-invalid="true"]{border-color:#c62828}
button{height:44px;border:0;border-radius:6px;background:#1f6feb;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button:disabled{opacity:.6;cursor:progress}
`
