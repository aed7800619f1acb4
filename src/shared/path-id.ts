/**
 * The one rule for ids that become a URL path segment (`…/processing-terminals/{processingTerminalId}/…`,
 * `…/secure-tokens/{secureTokenId}`), shared by the renderer's form validation and main's request schemas.
 *
 * encodeURIComponent leaves `.` alone, so an id `..` or `.` is a dot segment that URL normalisation removes
 * (`…/secure-tokens/../update-account` is sent as `…/processing-terminals/1234001/update-account`), and it
 * throws on an unpaired surrogate (which used to surface as an `internal` error). Refused as well, because
 * servers and proxies in between decode `%2F` / `%5C` and would route on them: `/` and `\`; `?` and `#`
 * (query and fragment syntax); control characters; and ids made only of dots.
 */
import type { z } from 'zod'

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const PATH_SYNTAX = /[/\\?#]/
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/

/**
 * Why `value` cannot be a path segment, in words naming the field as the UI labels it (`label`, e.g.
 * "Secure token ID"); undefined when it can.
 */
export function pathIdProblem(value: string, label: string): string | undefined {
  if (/^\.+$/.test(value)) return `${label} cannot be only dots ("${value}" would change the request path)`
  if (UNPAIRED_SURROGATE.test(value)) return `${label} contains a broken character (an unpaired surrogate)`
  if (PATH_SYNTAX.test(value)) return `${label} cannot contain /, \\, ? or #`
  if (CONTROL.test(value)) return `${label} cannot contain control characters`
  return undefined
}

/** Adds the rule to a string schema (zod 4 checks keep the schema's type): `withPathIdRule(z.string(), …)`. */
export function withPathIdRule<S extends z.ZodType<string>>(schema: S, label: string): S {
  return schema.superRefine((value, ctx) => {
    const problem = pathIdProblem(value, label)
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem })
  })
}

export const PATH_ID_LABELS = {
  processingTerminalId: 'Processing terminal ID',
  secureTokenId: 'Secure token ID',
} as const
