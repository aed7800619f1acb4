import { describe, expect, it } from 'vitest'
import { analyzePage, UAT_ENVIRONMENT } from '../../../src/core/services/merchant-page'
import { GATEWAY, stream, UAT_SCRIPT, judge } from './stream'

const loaded = () => stream().document().library(UAT_SCRIPT)
const CONFIGURATION = `${GATEWAY}/merchant/api/v2/hosted-fields-sessions/tok/configuration`

describe('analyzer: selectors', () => {
  it('skips without an instance', () => {
    expect(judge(loaded().build(), 'selectors').verdict).toBe('skip')
  })
  it('passes when every target, errorTarget and wrapperTarget matches once', () => {
    const check = judge(loaded().instance().build(), 'selectors')
    expect(check.verdict).toBe('pass')
    expect(check.summary).toBe('All 7 selectors match exactly one element.')
  })
  it('fails a target that matches twice, naming the option path', () => {
    const check = judge(loaded().instance({}, { '.number': 2 }).build(), 'selectors')
    expect(check.verdict).toBe('fail')
    expect(check.evidence).toContain("fields.card.cardNumber.target '.number' matches 2 elements")
  })
  it('fails a wrapperTarget that matches nothing', () => {
    expect(judge(loaded().instance({}, { '.cvv-wrapper': 0 }).build(), 'selectors').evidence[0]).toContain(
      'wrapperTarget',
    )
  })
  it('fails a selector that is not valid CSS', () => {
    expect(judge(loaded().instance({}, { '.name': -1 }).build(), 'selectors').evidence[0]).toContain(
      'not a valid CSS selector',
    )
  })
  it('warns when the instance got no field selectors', () => {
    expect(judge(loaded().instance({ fields: {} }).build(), 'selectors').verdict).toBe('warn')
  })
})

describe('analyzer: init', () => {
  it('skips a page without the library', () => {
    expect(judge(stream().document().build(), 'init').verdict).toBe('skip')
  })
  it('passes an instance initialised without error, naming the events the page listens to', () => {
    const check = judge(loaded().instance().build(), 'init')
    expect(check.verdict).toBe('pass')
    expect(check.summary).toContain('listens to error')
  })
  it('fails "Payroc is not defined" as init code run before the script', () => {
    const check = judge(
      stream()
        .document()
        .exception('ReferenceError: Payroc is not defined\n    at checkout.js:3')
        .library(UAT_SCRIPT)
        .build(),
      'init',
    )
    expect(check.verdict).toBe('fail')
    expect(check.evidence[0]).toContain('ReferenceError: Payroc is not defined')
  })
  it('fails a config error with its message and a hint', () => {
    const message =
      'The target selector supplied for card number either occurs more than once or does not exist on the page.'
    const check = judge(loaded().instance().libraryError('config', message).build(), 'init')
    expect(check.verdict).toBe('fail')
    expect(check.summary).toContain(message)
    expect(check.hint).toContain('exactly one')
  })
  it('fails an init error from the gateway', () => {
    const check = judge(
      loaded()
        .instance()
        .libraryError(
          'init',
          "The mode is set to 'tokenization' but this terminal is not setup to allow secure tokens.",
        )
        .build(),
      'init',
    )
    expect(check.verdict).toBe('fail')
    expect(check.hint).toContain("mode 'payment'")
  })
  it('fails an initialize() rejection no error event explained', () => {
    const recording = loaded()
      .instance()
      .probe({ kind: 'initialize-settled', instance: 1, ok: false, message: 'Error: boom' })
      .build()
    expect(judge(recording, 'init').verdict).toBe('fail')
  })
  it('warns when the library loaded but no instance was created', () => {
    expect(judge(loaded().build(), 'init').verdict).toBe('warn')
  })
  it('warns when initialize() was never called', () => {
    const recording = loaded()
      .probe({ kind: 'construct', instance: 1, options: { sessionToken: '…abc123' } })
      .build()
    expect(judge(recording, 'init').summary).toContain('never called initialize()')
  })
  it('warns on field errors after a good initialisation', () => {
    const recording = loaded()
      .instance()
      .libraryError('field', 'The maximum number of retries to embed this field has been reached.')
      .build()
    expect(judge(recording, 'init').verdict).toBe('warn')
  })
})

describe('analyzer: session', () => {
  it('skips without an instance', () => {
    expect(judge(loaded().build(), 'session').verdict).toBe('skip')
  })
  it("passes when the gateway's configuration answer is 200", () => {
    const check = judge(loaded().instance().request(CONFIGURATION, { status: 200 }).build(), 'session')
    expect(check.verdict).toBe('pass')
    expect(check.evidence[0]).toBe('instance 1: sessionToken …abc123')
  })
  it('fails an expired token from the init error', () => {
    const check = judge(
      loaded()
        .instance()
        .libraryError('init', 'The provided session token has expired. Create a new session.')
        .build(),
      'session',
    )
    expect(check.verdict).toBe('fail')
    expect(check.summary).toContain('expired')
  })
  it('fails a token another instance used (409 from the gateway, detail in the body)', () => {
    const recording = loaded()
      .instance()
      .request('http://127.0.0.1:4010/hosted-fields/sessions/initialize', {
        method: 'POST',
        status: 409,
        body: JSON.stringify({ detail: 'already been used by another Hosted Fields instance' }),
      })
      .build()
    const check = judge(recording, 'session')
    expect(check.summary).toContain('already used')
    expect(check.evidence[1]).toContain('→ 409: already been used')
  })
  it('fails an invalid token answered 401', () => {
    expect(
      judge(loaded().instance().request(CONFIGURATION, { status: 401 }).build(), 'session').summary,
    ).toContain('not valid')
  })
  it('fails one token given to two instances on the page', () => {
    const recording = loaded().instance().instance({}, {}, 2).build()
    expect(judge(recording, 'session').summary).toContain('already used')
  })
  it('fails an instance without a session token', () => {
    const recording = loaded()
      .probe({ kind: 'construct', instance: 1, options: { mode: 'payment' } })
      .build()
    expect(judge(recording, 'session').verdict).toBe('fail')
  })
  it('quotes the gateway URLs with the session token cut to its last 6 characters', () => {
    const token = '0123456789abcdef0123456789abcdef'
    const recording = loaded()
      .instance()
      .request(`${GATEWAY}/merchant/api/v2/hosted-fields-sessions/${token}/configuration`, { status: 200 })
      .request(`${GATEWAY}/merchant/hosted-fields?field=cardNumber&sessionToken=${token}`, {
        type: 'Document',
        status: 200,
      })
      .build()
    const report = analyzePage(recording, UAT_ENVIRONMENT)
    expect(report.checks.find((item) => item.id === 'session')?.evidence[1]).toBe(
      `GET ${GATEWAY}/merchant/api/v2/hosted-fields-sessions/…abcdef/configuration → 200`,
    )
    expect(JSON.stringify(report)).not.toContain(token)
  })
  it("warns when the gateway's answer was not seen", () => {
    expect(judge(loaded().instance().build(), 'session').verdict).toBe('warn')
  })
})
