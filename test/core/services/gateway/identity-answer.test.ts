import { describe, expect, it } from 'vitest'
import {
  describeLocation,
  identityRedirectError,
  isRedirectStatus,
} from '../../../../src/core/services/gateway/identity-answer'

const AUTHORIZE = 'https://identity.example.com/authorize'

describe('identity redirects', () => {
  it.each([301, 302, 303, 307, 308])('%i gets its own error naming where it pointed', (status) => {
    const error = identityRedirectError(
      status,
      { location: 'https://login.example.com/sso?ticket=s3cret' },
      AUTHORIZE,
    )
    expect(error).toMatchObject({ kind: 'malformed-response', status })
    expect(error?.message).toBe(
      `Identity redirected to https://login.example.com/sso (HTTP ${status}): the identity base URL is probably wrong`,
    )
    expect(error?.message).not.toMatch(/rejected|s3cret/)
    expect(error?.hint).toMatch(/Identity base URL/)
  })

  it('resolves a relative Location and copes with none', () => {
    expect(identityRedirectError(302, { location: '/login' }, AUTHORIZE)?.message).toMatch(
      /^Identity redirected to https:\/\/identity\.example\.com\/login \(HTTP 302\)/,
    )
    expect(identityRedirectError(301, {}, 'http://identity.example.com/authorize')?.message).toMatch(
      /^Identity redirected to another address \(no usable Location header\) \(HTTP 301\)/,
    )
    expect(describeLocation('javascript:alert(1)', AUTHORIZE)).toBe('a javascript: URL')
    expect(describeLocation('http://[bad', AUTHORIZE)).toBeUndefined()
  })

  it('leaves every other status to the rejection / gateway mapping', () => {
    for (const status of [200, 201, 400, 401, 403, 429, 500, 503]) {
      expect(isRedirectStatus(status)).toBe(false)
      expect(identityRedirectError(status, { location: 'https://x' }, AUTHORIZE)).toBeUndefined()
    }
  })
})
