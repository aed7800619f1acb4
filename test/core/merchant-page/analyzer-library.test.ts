import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { PRODUCTION_ENVIRONMENT, sandboxEnvironment } from '../../../src/core/services/merchant-page'
import { PROD_SCRIPT, PROD_SRI, stream, UAT_SCRIPT, UAT_SRI, judge } from './stream'

const SANDBOX = 'http://127.0.0.1:4010'
const SANDBOX_SCRIPT = `${SANDBOX}/js/hosted-fields/hosted-fields-1.7.0.261457.js`

describe('analyzer: script', () => {
  it('passes when the library script loaded and defined Payroc.hostedFields', () => {
    const check = judge(stream().document().library(UAT_SCRIPT, { integrity: UAT_SRI }).build(), 'script')
    expect(check.verdict).toBe('pass')
    expect(check.evidence).toEqual([`GET ${UAT_SCRIPT} → 200`])
  })
  it('fails with the reason when the page did not load in time', () => {
    const check = judge(stream().timedOut('the page did not finish loading within 20 s').build(), 'script')
    expect(check.verdict).toBe('fail')
    expect(check.summary).toContain('within 20 s')
  })
  it('fails when the page has no library at all', () => {
    expect(judge(stream().document().build(), 'script').verdict).toBe('fail')
  })
  it('fails when the script answers 404, naming the request', () => {
    const check = judge(stream().document().library(UAT_SCRIPT, { status: 404 }).build(), 'script')
    expect(check.verdict).toBe('fail')
    expect(check.evidence[0]).toBe(`GET ${UAT_SCRIPT} → 404`)
  })
  it("fails when the page's CSP blocks the script, and says so in the hint", () => {
    const recording = stream()
      .document()
      .library(UAT_SCRIPT, { failed: { errorText: 'net::ERR_BLOCKED_BY_CLIENT', blockedReason: 'csp' } })
      .build()
    const check = judge(recording, 'script')
    expect(check.verdict).toBe('fail')
    expect(check.hint).toContain('script-src')
  })
  it('fails when the browser refused the script on its integrity', () => {
    const recording = stream()
      .document()
      .library(UAT_SCRIPT, { integrity: 'sha384-wrong', ran: false })
      .console(
        'error',
        `Failed to find a valid digest in the 'integrity' attribute for resource '${UAT_SCRIPT}'`,
      )
      .build()
    const check = judge(recording, 'script')
    expect(check.verdict).toBe('fail')
    expect(check.summary).toContain('integrity')
  })
  it('warns when Payroc.hostedFields exists but no versioned script loaded it', () => {
    expect(judge(stream().document().libraryRan().build(), 'script').verdict).toBe('warn')
  })
  it('warns when the library is loaded twice', () => {
    const recording = stream()
      .document()
      .library(UAT_SCRIPT)
      .library(UAT_SCRIPT.replace('261457', '172429'))
      .build()
    expect(judge(recording, 'script').verdict).toBe('warn')
  })
})

describe('analyzer: version', () => {
  it('skips without a library script', () => {
    expect(judge(stream().document().build(), 'version').verdict).toBe('skip')
  })
  it('passes the current UAT build on a UAT page', () => {
    expect(judge(stream().document().library(UAT_SCRIPT).build(), 'version').verdict).toBe('pass')
  })
  it('fails the production build on a UAT page', () => {
    const check = judge(
      stream().document().library(PROD_SCRIPT.replace('cdn.payroc.com', 'cdn.uat.payroc.com')).build(),
      'version',
    )
    expect(check.verdict).toBe('fail')
    expect(check.summary).toContain('production build')
  })
  it('fails the UAT build on a production page', () => {
    const check = judge(stream().document().library(UAT_SCRIPT).build(), 'version', PRODUCTION_ENVIRONMENT)
    expect(check.verdict).toBe('fail')
    expect(check.summary).toContain('UAT build, on a production page')
  })
  it("fails an unknown build served from the other environment's CDN", () => {
    const check = judge(
      stream()
        .document()
        .library('https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-1.6.0.172429.js')
        .build(),
      'version',
      PRODUCTION_ENVIRONMENT,
    )
    expect(check.verdict).toBe('fail')
    expect(check.summary).toContain('UAT CDN')
  })
  it('warns on a build it does not know', () => {
    expect(
      judge(stream().document().library(UAT_SCRIPT.replace('261457', '172429')).build(), 'version').verdict,
    ).toBe('warn')
  })
  it('fails a path version that is not a libVersion', () => {
    expect(
      judge(
        stream()
          .document()
          .library('https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-latest.js')
          .build(),
        'version',
      ).verdict,
    ).toBe('fail')
  })
  it('fails when the gateway says the session was made for another libVersion (sandbox)', () => {
    const recording = stream()
      .document()
      .library(SANDBOX_SCRIPT)
      .instance()
      .libraryError(
        'init',
        'Invalid libVersion 1.7.0.261471: the session was created for libVersion 1.7.0.261457.',
      )
      .build()
    expect(judge(recording, 'version', sandboxEnvironment(SANDBOX)).verdict).toBe('fail')
  })
  it('passes any well-formed build on the sandbox', () => {
    expect(
      judge(
        stream().document().library(SANDBOX_SCRIPT.replace('261457', '999')).build(),
        'version',
        sandboxEnvironment(SANDBOX),
      ).verdict,
    ).toBe('pass')
  })
})

describe('analyzer: sri', () => {
  it('skips without a library script', () => {
    expect(judge(stream().document().build(), 'sri').verdict).toBe('skip')
  })
  it('warns when integrity is missing', () => {
    const check = judge(stream().document().library(UAT_SCRIPT, { integrity: null }).build(), 'sri')
    expect(check.verdict).toBe('warn')
    expect(check.hint).toContain('crossorigin="anonymous"')
  })
  it("passes Payroc's published hash for the UAT build", () => {
    expect(
      judge(stream().document().library(UAT_SCRIPT, { integrity: UAT_SRI }).build(), 'sri').verdict,
    ).toBe('pass')
  })
  it('fails the UAT hash on the production build, naming the expected one', () => {
    const check = judge(
      stream().document().library(PROD_SCRIPT, { integrity: UAT_SRI }).build(),
      'sri',
      PRODUCTION_ENVIRONMENT,
    )
    expect(check.verdict).toBe('fail')
    expect(check.evidence.join('\n')).toContain(PROD_SRI)
  })
  it('fails integrity without crossorigin on a cross-origin script', () => {
    expect(
      judge(stream().document().library(UAT_SCRIPT, { integrity: UAT_SRI, crossorigin: null }).build(), 'sri')
        .verdict,
    ).toBe('fail')
  })
  it('passes on the sandbox when integrity is the hash of the script the page received', () => {
    const body = 'window.Payroc = { hostedFields: function () {} }'
    const integrity = `sha384-${createHash('sha384').update(body).digest('base64')}`
    const recording = stream().document().library(SANDBOX_SCRIPT, { integrity, body }).build()
    expect(judge(recording, 'sri', sandboxEnvironment(SANDBOX)).verdict).toBe('pass')
  })
  it('fails on the sandbox when integrity does not match the received script', () => {
    const recording = stream()
      .document()
      .library(SANDBOX_SCRIPT, { integrity: UAT_SRI, body: 'other text', ran: false })
      .build()
    expect(judge(recording, 'sri', sandboxEnvironment(SANDBOX)).verdict).toBe('fail')
  })
  it('names the digest the browser computed when it refused the script', () => {
    const recording = stream()
      .document()
      .library(SANDBOX_SCRIPT, { integrity: UAT_SRI, ran: false })
      .log(
        'error',
        `Failed to find a valid digest in the 'integrity' attribute for resource '${SANDBOX_SCRIPT}' with computed SHA-384 integrity 'abc+def/123'. The resource has been blocked.`,
      )
      .build()
    const check = judge(recording, 'sri', sandboxEnvironment(SANDBOX))
    expect(check.verdict).toBe('fail')
    expect(check.evidence).toContain('expected sha384-abc+def/123 (the digest the browser computed)')
  })
  it('passes an integrity the browser accepted on a host without a published hash', () => {
    const recording = stream()
      .document()
      .library('https://shop.example/vendor/js/hosted-fields/hosted-fields-1.7.0.261457.js', {
        integrity: 'sha384-whatever',
      })
      .build()
    expect(judge(recording, 'sri').summary).toContain('the browser verified it')
  })
  it('skips when the script was never downloaded and no published hash applies', () => {
    const recording = stream()
      .document()
      .library(SANDBOX_SCRIPT, {
        integrity: UAT_SRI,
        failed: { errorText: 'net::ERR_BLOCKED_BY_CLIENT', blockedReason: 'csp' },
      })
      .build()
    expect(judge(recording, 'sri', sandboxEnvironment(SANDBOX)).verdict).toBe('skip')
  })
})
