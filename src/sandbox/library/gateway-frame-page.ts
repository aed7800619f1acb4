/**
 * GET /merchant/hosted-fields?field=…&hostedFieldsSessionId=…&targetOrigin=…: the gateway's page for one field
 * frame, as the Hosted Fields library embeds it. It holds what the library's field-frame side looks for (the
 * first <input> for a text field, two radios for accountType, the first <button> for submit, inside a <form>),
 * then loads the library build of the session from this origin's /js/hosted-fields/ path and starts its field
 * side (field-frame-boot.ts). So the page runs whichever build that path serves: the simulated library, or
 * Payroc's own script where the host maps that path to it (the e2e routing, the desktop shell).
 */
import { problem, type Reply } from '../problem-replies'
import type { SandboxRouteRequest } from '../sandbox-types'
import { ACH_FORM_FIELDS, CARD_FORM_FIELDS, PAD_FORM_FIELDS } from './gateway-fields'
import { gatewaySession, isReply } from './gateway-session'
import { libraryScriptPath } from './library-routes'

export const FRAME_PAGE_PATH = /^\/merchant\/hosted-fields$/
export const FRAME_BOOT_PATH = '/merchant/hosted-fields/field-frame-boot.js'

const FRAME_FIELDS: ReadonlySet<string> = new Set([
  ...CARD_FORM_FIELDS,
  ...ACH_FORM_FIELDS,
  ...PAD_FORM_FIELDS,
  'submit',
])

/** Accessible names (the merchant page shows its own labels; these are for screen readers). */
const LABELS: Record<string, string> = {
  cardholderName: 'Cardholder name',
  cardNumber: 'Card number',
  expiryDate: 'Expiry date',
  cvv: 'CVV',
  nameOnAccount: 'Name on account',
  achAccountNumber: 'Account number',
  routingNumber: 'Routing number',
  padAccountNumber: 'Account number',
  institutionNumber: 'Institution number',
  transitNumber: 'Transit number',
}

const AUTOCOMPLETE: Record<string, string> = {
  cardholderName: 'cc-name',
  cardNumber: 'cc-number',
  expiryDate: 'cc-exp',
  cvv: 'cc-csc',
}

/** Payroc's CDNs serve the card-brand images the card-number frame shows. */
export const GATEWAY_FRAME_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // The library writes the merchant's whitelisted styles into a <style> element.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https://cdn.uat.payroc.com https://cdn.payroc.com",
  "connect-src 'self'",
  'frame-ancestors *',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function validOrigin(text: string | null): boolean {
  if (text === null) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text
  } catch {
    return false
  }
}

function fieldMarkup(field: string, value: string): string {
  if (field === 'submit')
    return `<form><button type="submit">${escapeHtml(value || 'Pay Now')}</button></form>`
  if (field === 'accountType') {
    return (
      '<form><fieldset><legend class="hf-label">Account type</legend>' +
      '<input type="radio" id="account_type_checking" name="accountType" value="checking">' +
      '<label for="account_type_checking">Checking</label>' +
      '<input type="radio" id="account_type_savings" name="accountType" value="savings">' +
      '<label for="account_type_savings">Savings</label></fieldset></form>'
    )
  }
  const autocomplete = AUTOCOMPLETE[field] ?? 'off'
  return (
    `<form><label for="hf-${field}" class="hf-label">${LABELS[field] ?? field}</label>` +
    `<input type="text" id="hf-${field}" name="${field}" autocomplete="${autocomplete}" spellcheck="false"></form>`
  )
}

export function gatewayFramePage(field: string, libVersion: string, locale: string, value: string): string {
  const lang = locale === 'fr' ? 'fr' : 'en'
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(LABELS[field] ?? 'Submit')}</title>` +
    '<link rel="stylesheet" href="/hosted-fields/frame-base.css"></head>' +
    `<body class="hf-${field}">${fieldMarkup(field, value)}` +
    `<script src="${libraryScriptPath(libVersion)}"></script><script src="${FRAME_BOOT_PATH}"></script>` +
    '</body></html>'
  )
}

export function framePageReply(ctx: SandboxRouteRequest): Reply {
  const params = new URLSearchParams(ctx.query)
  const field = params.get('field') ?? ''
  if (!FRAME_FIELDS.has(field)) return problem(400, `field must be one of ${[...FRAME_FIELDS].join(', ')}.`)
  if (!validOrigin(params.get('targetOrigin'))) {
    return problem(400, 'targetOrigin must be the embedding page’s http(s) origin.')
  }
  const live = gatewaySession(ctx.state, encodeURIComponent(params.get('hostedFieldsSessionId') ?? ''))
  if (isReply(live)) return live
  const html = gatewayFramePage(
    field,
    live.session.libVersion,
    params.get('locale') ?? 'en',
    (params.get('value') ?? '').slice(0, 100),
  )
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: html,
    headers: {
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': GATEWAY_FRAME_CSP,
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
  }
}
