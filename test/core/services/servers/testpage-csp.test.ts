import { describe, expect, it } from 'vitest'
import {
  cdnOriginOf,
  testPageContentSecurityPolicy,
} from '../../../../src/core/services/servers/testpage-server'

describe("the test page's Content-Security-Policy", () => {
  const directive = (policy: string, name: string) =>
    policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? ''
  const ancestors = 'http://127.0.0.1:5180'

  it('allows the sandbox origin for script, frames and fetches', () => {
    const policy = testPageContentSecurityPolicy('http://127.0.0.1:4010', ancestors)
    expect(directive(policy, 'script-src')).toBe("script-src 'self' http://127.0.0.1:4010")
    expect(directive(policy, 'frame-src')).toBe('frame-src http://127.0.0.1:4010')
    expect(directive(policy, 'connect-src')).toBe('connect-src http://127.0.0.1:4010')
    expect(directive(policy, 'frame-ancestors')).toBe(`frame-ancestors ${ancestors}`)
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("object-src 'none'")
  })
  it('allows UAT’s CDN for the script and testpayments.worldnettps.com for frames and fetches', () => {
    const policy = testPageContentSecurityPolicy('https://cdn.uat.payroc.com', ancestors)
    expect(directive(policy, 'script-src')).toBe("script-src 'self' https://cdn.uat.payroc.com")
    expect(directive(policy, 'frame-src')).toBe('frame-src https://testpayments.worldnettps.com')
    expect(directive(policy, 'connect-src')).toContain('https://testpayments.worldnettps.com')
  })
  it('falls back to the static list for a missing or unacceptable cdn', () => {
    for (const cdn of [
      null,
      'http://evil.example',
      'https://cdn.example.com/path',
      "'unsafe-inline'",
      'https://x; script-src *',
    ]) {
      const policy = testPageContentSecurityPolicy(cdn, ancestors)
      expect(directive(policy, 'script-src')).toBe(
        "script-src 'self' https://cdn.uat.payroc.com https://cdn.payroc.com",
      )
      expect(directive(policy, 'frame-src')).toBe('frame-src https://testpayments.worldnettps.com')
    }
    expect(cdnOriginOf('https://cdn.example.com')).toBe('https://cdn.example.com')
    expect(cdnOriginOf('http://localhost:4010')).toBe('http://localhost:4010')
  })
})
