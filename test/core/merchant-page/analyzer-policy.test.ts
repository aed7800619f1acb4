import { describe, expect, it } from 'vitest'
import { PRODUCTION_ENVIRONMENT, UAT_ENVIRONMENT } from '../../../src/core/services/merchant-page'
import { GATEWAY, PAGE, PROD_SCRIPT, stream, UAT_SCRIPT, UAT_SRI, judge } from './stream'

const UAT_POLICY = `default-src 'self'; script-src 'self' https://cdn.uat.payroc.com; frame-src ${GATEWAY}; connect-src 'self' ${GATEWAY}`
const withPolicy = (policy: string) =>
  stream().document({ 'Content-Security-Policy': policy }).library(UAT_SCRIPT, { integrity: UAT_SRI })

describe('analyzer: csp', () => {
  it('passes a page without a policy, and says a policy is still recommended', () => {
    const check = judge(stream().document().library(UAT_SCRIPT).build(), 'csp')
    expect(check.verdict).toBe('pass')
    expect(check.summary).toContain('recommended')
  })
  it("passes a policy that allows UAT's script, frame and connect hosts", () => {
    expect(judge(withPolicy(UAT_POLICY).build(), 'csp').verdict).toBe('pass')
  })
  it('passes host wildcards and scheme sources that cover the hosts', () => {
    const policy = 'script-src https://*.payroc.com; frame-src https:; connect-src https://*.worldnettps.com'
    expect(judge(withPolicy(policy).build(), 'csp').verdict).toBe('pass')
  })
  it('fails a header policy whose frame-src lacks the gateway, and says what to add', () => {
    const check = judge(
      withPolicy(`script-src https://cdn.uat.payroc.com; frame-src 'self'; connect-src ${GATEWAY}`).build(),
      'csp',
    )
    expect(check.verdict).toBe('fail')
    expect(check.evidence).toContain(`frame-src 'self' does not allow frame ${GATEWAY}/`)
    expect(check.hint).toBe(`Add to the policy: frame-src ${GATEWAY}.`)
  })
  it('falls back to default-src when connect-src is absent', () => {
    const check = judge(
      withPolicy(`default-src 'self'; script-src https://cdn.uat.payroc.com; frame-src ${GATEWAY}`).build(),
      'csp',
    )
    expect(check.verdict).toBe('fail')
    expect(check.evidence.join('\n')).toContain("default-src 'self' does not allow connect")
  })
  it("fails a <meta> policy whose script-src lacks the library's host", () => {
    const recording = stream()
      .document()
      .library(UAT_SCRIPT, { failed: { errorText: 'net::ERR_BLOCKED_BY_CLIENT', blockedReason: 'csp' } })
      .metaCsp("script-src 'self'")
      .build()
    expect(judge(recording, 'csp').verdict).toBe('fail')
  })
  it('fails on a violation the page reported for a library host', () => {
    const recording = stream()
      .document()
      .library(UAT_SCRIPT)
      .violation('frame-src', `${GATEWAY}/merchant/hosted-fields`, 'enforce')
      .build()
    expect(judge(recording, 'csp').verdict).toBe('fail')
  })
  it('ignores report-only violations and violations of unrelated hosts', () => {
    const recording = stream()
      .document()
      .library(UAT_SCRIPT)
      .violation('frame-src', `${GATEWAY}/x`, 'report')
      .violation('img-src', 'https://ads.example/pixel', 'enforce')
      .build()
    expect(judge(recording, 'csp').verdict).toBe('pass')
  })
  it('warns on production when the policy restricts frames and the gateway host is unconfirmed', () => {
    const recording = stream()
      .document({ 'Content-Security-Policy': "script-src https://cdn.payroc.com; frame-src 'self'" })
      .library(PROD_SCRIPT)
      .build()
    expect(judge(recording, 'csp', PRODUCTION_ENVIRONMENT).verdict).toBe('warn')
  })
  it('fails on production from the frames the page really tried to load', () => {
    const recording = stream()
      .document({ 'Content-Security-Policy': "script-src https://cdn.payroc.com; frame-src 'self'" })
      .library(PROD_SCRIPT)
      .request('https://payments.example-gateway.com/merchant/hosted-fields?field=cardNumber', {
        type: 'Document',
        failed: { errorText: 'net::ERR_BLOCKED_BY_CLIENT', blockedReason: 'csp' },
      })
      .build()
    expect(judge(recording, 'csp', PRODUCTION_ENVIRONMENT).verdict).toBe('fail')
  })
})

describe('analyzer: secrets', () => {
  const KEY = 'live-merchant-key-0123456789'
  it('passes a page with no credentials', () => {
    expect(judge(stream().document().library(UAT_SCRIPT).build(), 'secrets').verdict).toBe('pass')
  })
  it('skips a page that never loaded', () => {
    expect(judge(stream().timedOut('refused').build(), 'secrets').verdict).toBe('skip')
  })
  it('fails an x-api-key header on a browser request, masked first 4 … last 4', () => {
    const recording = stream()
      .document()
      .request('https://api.uat.payroc.com/v1/x', { headers: { 'x-api-key': KEY }, status: 200 })
      .build()
    const check = judge(recording, 'secrets')
    expect(check.verdict).toBe('fail')
    expect(check.evidence.join('\n')).toContain('live…6789')
    expect(JSON.stringify(check)).not.toContain(KEY)
  })
  it('fails a Bearer token on a browser request', () => {
    const recording = stream()
      .document()
      .request('https://api.uat.payroc.com/v1/processing-terminals/1/hosted-fields-sessions', {
        method: 'POST',
        headers: { Authorization: `Bearer ${KEY}` },
        status: 201,
      })
      .build()
    expect(judge(recording, 'secrets').evidence.join('\n')).toContain('Authorization: Bearer')
  })
  it('fails a call to the identity service from the browser', () => {
    const recording = stream()
      .document()
      .request('https://identity.uat.payroc.com/authorize', { method: 'POST', status: 200 })
      .build()
    const check = judge(recording, 'secrets')
    expect(check.verdict).toBe('fail')
    expect(check.summary).toContain('identity service')
  })
  it('fails an API key assigned in an inline script', () => {
    const recording = stream()
      .document()
      .tag({ src: null, integrity: null, crossorigin: null, text: `const apiKey = "${KEY}"` })
      .build()
    expect(judge(recording, 'secrets').verdict).toBe('fail')
  })
  it("fails the console's own key for this environment found in a same-origin script", () => {
    const recording = stream()
      .document()
      .request(`${new URL(PAGE).origin}/app.js`, { type: 'Script', status: 200, body: `init("${KEY}")` })
      .build()
    const check = judge(recording, 'secrets', UAT_ENVIRONMENT, [KEY])
    expect(check.verdict).toBe('fail')
    expect(check.evidence[0]).toContain("this environment's API key")
  })
  it('does not flag the session token the page is meant to hold', () => {
    const recording = stream()
      .document({}, `<form data-session-token="${'a'.repeat(48)}">`)
      .build()
    expect(judge(recording, 'secrets').verdict).toBe('pass')
  })
})
