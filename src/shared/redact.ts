/**
 * The one redactor. API keys and Bearer tokens: first 4 … last 4 (or fully hidden when short).
 * Session tokens: last 6 characters only, outside the token card.
 */
export const MASK = '…'

export function maskSecret(secret: string): string {
  if (secret.length <= 12) return `${MASK}(${secret.length} chars)`
  return `${secret.slice(0, 4)}${MASK}${secret.slice(-4)}`
}

export function maskToken(token: string): string {
  if (token.length <= 6) return MASK
  return `${MASK}${token.slice(-6)}`
}

const SECRET_HEADERS = new Set(['x-api-key', 'authorization', 'proxy-authorization', 'cookie', 'set-cookie'])

export function redactHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue
    const text = Array.isArray(value) ? value.join(', ') : String(value)
    const lower = name.toLowerCase()
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const [scheme, ...rest] = text.split(' ')
      out[name] = rest.length > 0 ? `${scheme} ${maskSecret(rest.join(' '))}` : maskSecret(text)
    } else if (SECRET_HEADERS.has(lower)) {
      out[name] = maskSecret(text)
    } else {
      out[name] = text
    }
  }
  return out
}

/**
 * A card or account number in clear (digits only) keeps its last 4; one the gateway already masked (it has
 * other characters, e.g. 453985******7062) is left as it is.
 */
export function maskAccountNumber(value: string): string {
  return /^\d{5,19}$/.test(value) ? `${MASK}${value.slice(-4)}` : value
}

/** JSON keys whose values are secrets, tokens or card data, and how to mask them. */
const BODY_RULES: Record<string, (value: string) => string> = {
  access_token: maskSecret,
  refresh_token: maskSecret,
  apiKey: maskSecret,
  api_key: maskSecret,
  token: maskToken,
  // Test cards and test bank accounts sent to create a single-use token or look up a BIN.
  cardNumber: maskAccountNumber,
  accountNumber: maskAccountNumber,
  cvv: () => MASK,
}

/** A copy of a JSON value with each string under a key in `rules` masked by that rule, at any depth (to 20). */
export function maskByKey(
  value: unknown,
  rules: Record<string, (value: string) => string>,
  depth = 0,
): unknown {
  if (depth > 20) return '[depth limit]'
  if (Array.isArray(value)) return value.map((item) => maskByKey(item, rules, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const rule = rules[key]
      out[key] = rule && typeof item === 'string' ? rule(item) : maskByKey(item, rules, depth + 1)
    }
    return out
  }
  return value
}

export function redactValue(value: unknown, depth = 0): unknown {
  return maskByKey(value, BODY_RULES, depth)
}

/** Redacts a body given as text: JSON is masked key by key; anything else has known secrets replaced. */
export function redactBodyText(text: string, knownSecrets: readonly string[] = []): string {
  let result = text
  try {
    result = JSON.stringify(redactValue(JSON.parse(text)))
  } catch {
    // not JSON: fall through to the literal replacement below
  }
  return scrubSecrets(result, knownSecrets)
}

/** Last line of defence: replace any literal occurrence of a known secret. */
export function scrubSecrets(text: string, knownSecrets: readonly string[]): string {
  let out = text
  for (const secret of knownSecrets) {
    // includes() first: most texts hold no secret, and split/join would copy them anyway.
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(maskSecret(secret))
  }
  return out
}
