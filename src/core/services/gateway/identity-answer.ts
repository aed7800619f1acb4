/**
 * An identity answer in the 3xx range is not a rejected key: the client never follows redirects (axios
 * `maxRedirects: 0`), so a 301/302/307/308 from `/authorize` means the identity base URL points at the wrong
 * place (http instead of https, a web site, a sign-in page or a proxy in between). It used to read "Identity
 * rejected the API key"; it gets its own message naming where it was sent, distinct from a 401/403 rejection.
 *
 * The Location is shown as origin + path only: a query string there may carry anything, secrets included.
 */
import type { AppError } from '../../../shared/result'

export const isRedirectStatus = (status: number): boolean => status >= 300 && status <= 399

/** Where a Location header points, resolved against the request URL, without query or fragment. */
export function describeLocation(location: string | undefined, requestUrl: string): string | undefined {
  if (!location?.trim()) return undefined
  try {
    const url = new URL(location.trim(), requestUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `a ${url.protocol} URL`
    return `${url.origin}${url.pathname}`
  } catch {
    return undefined
  }
}

/**
 * The error for a 3xx identity answer, or undefined for any other status (which keeps its usual mapping:
 * 401/403 "Identity rejected the API key", 5xx/429 gateway trouble).
 */
export function identityRedirectError(
  status: number,
  headers: Readonly<Record<string, string>>,
  requestUrl: string,
): AppError | undefined {
  if (!isRedirectStatus(status)) return undefined
  const target = describeLocation(headers['location'], requestUrl)
  return {
    kind: 'malformed-response',
    status,
    message: `Identity redirected to ${target ?? 'another address (no usable Location header)'} (HTTP ${status}): the identity base URL is probably wrong`,
    hint: 'Check the Identity base URL of this environment: it must be the identity host itself over https (e.g. https://identity.uat.payroc.com). Redirects are not followed, so the key went to the configured host only.',
  }
}

/** Thrown inside the token cache's fetch only, so the cache's single-flight promise carries the AppError. */
export class IdentityFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
  }
}
