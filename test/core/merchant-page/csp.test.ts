import { describe, expect, it } from 'vitest'
import { blockedBy, parsePolicies, sourceAllows } from '../../../src/core/services/merchant-page/csp'

const PAGE = 'https://shop.example'
const allows = (source: string, url: string) => sourceAllows(source, new URL(url), PAGE)

describe('CSP source matching', () => {
  it.each([
    ["'self'", 'https://shop.example/x.js', true],
    ["'self'", 'https://cdn.uat.payroc.com/x.js', false],
    ["'none'", 'https://shop.example/x.js', false],
    ['https:', 'https://cdn.uat.payroc.com/x.js', true],
    ['http:', 'https://cdn.uat.payroc.com/x.js', true],
    ['https://*.payroc.com', 'https://cdn.uat.payroc.com/x.js', true],
    ['https://*.payroc.com', 'https://payroc.com/x.js', false],
    ['cdn.uat.payroc.com', 'https://cdn.uat.payroc.com/x.js', true],
    ['https://cdn.uat.payroc.com:8443', 'https://cdn.uat.payroc.com/x.js', false],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/js/x.js', true],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4011/js/x.js', false],
    ['https://cdn.uat.payroc.com/js/', 'https://cdn.uat.payroc.com/js/hosted-fields/x.js', true],
    ['https://cdn.uat.payroc.com/other/', 'https://cdn.uat.payroc.com/js/hosted-fields/x.js', false],
    ["'nonce-abc'", 'https://cdn.uat.payroc.com/x.js', false],
    ['*', 'https://anything.example/x.js', true],
  ] as const)('%s for %s → %s', (source, url, expected) => {
    expect(allows(source, url)).toBe(expected)
  })

  it('enforces every policy of a comma-separated header', () => {
    const policies = parsePolicies("script-src https:, script-src 'self'")
    expect(blockedBy(policies, 'script', 'https://cdn.uat.payroc.com/x.js', PAGE)?.sources).toEqual([
      "'self'",
    ])
  })
  it('uses the first occurrence of a repeated directive', () => {
    const policies = parsePolicies("frame-src 'self'; frame-src https:")
    expect(blockedBy(policies, 'frame', 'https://gw.example/f', PAGE)?.directive).toBe('frame-src')
  })
  it('falls back frame-src → child-src → default-src', () => {
    expect(
      blockedBy(parsePolicies("child-src 'none'; default-src *"), 'frame', 'https://gw.example/f', PAGE)
        ?.directive,
    ).toBe('child-src')
    expect(blockedBy(parsePolicies('img-src *'), 'frame', 'https://gw.example/f', PAGE)).toBeUndefined()
  })
})
