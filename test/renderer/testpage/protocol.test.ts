import { describe, expect, it } from 'vitest'
import { LIB_VERSION_PATTERN } from '@shared/payroc'
import {
  acceptConsoleMessage,
  acceptPageMessage,
  consoleOriginFromFragment,
  parseSession,
  PROTOCOL,
  scriptVersionOf,
  testPageUrl,
  type TestPageSession,
} from '@renderer/testpage/protocol'

const session: TestPageSession = {
  sessionToken: 'a5b804141eaea8f9578d692fba4befefa5b71c27d6cf2562',
  mode: 'payment',
  libVersion: '1.7.0.261457',
  scriptUrl: 'http://127.0.0.1:4010/js/hosted-fields/hosted-fields-1.7.0.261457.js',
  environmentName: 'Sandbox',
}

describe('fragment parsing', () => {
  it('takes a loopback or app:// console origin', () => {
    expect(consoleOriginFromFragment('#consoleOrigin=http%3A%2F%2F127.0.0.1%3A5180')).toBe(
      'http://127.0.0.1:5180',
    )
    expect(consoleOriginFromFragment('consoleOrigin=app%3A%2F%2Fconsole')).toBe('app://console')
  })
  it('refuses other origins, a missing one, and one that is not the real parent', () => {
    expect(consoleOriginFromFragment('#consoleOrigin=https%3A%2F%2Fevil.example')).toBeNull()
    expect(consoleOriginFromFragment('#consoleOrigin=http%3A%2F%2F127.0.0.1%3A5180%2Fx')).toBeNull()
    expect(consoleOriginFromFragment('#')).toBeNull()
    expect(
      consoleOriginFromFragment('#consoleOrigin=http%3A%2F%2F127.0.0.1%3A5180', 'http://127.0.0.1:9999'),
    ).toBeNull()
  })
  it('round-trips with the URL the console builds (nothing secret in it)', () => {
    const url = new URL(
      testPageUrl('http://127.0.0.1:5181', 'http://127.0.0.1:4010', 'http://127.0.0.1:5180'),
    )
    expect(url.searchParams.get('cdn')).toBe('http://127.0.0.1:4010')
    expect(consoleOriginFromFragment(url.hash)).toBe('http://127.0.0.1:5180')
    expect(url.toString()).not.toContain('token')
  })
})

describe('message validation and origin checks', () => {
  const parent = { name: 'parent window' }
  const frame = { name: 'iframe window' }
  const consoleOrigin = 'http://127.0.0.1:5180'
  const pageOrigin = 'http://127.0.0.1:5181'
  const sessionMessage = { protocol: PROTOCOL, type: 'session', session }

  it('the page accepts a session only from the console origin and its parent window', () => {
    const expected = { origin: consoleOrigin, source: parent }
    expect(
      acceptConsoleMessage({ origin: consoleOrigin, source: parent, data: sessionMessage }, expected),
    ).toEqual(session)
    expect(
      acceptConsoleMessage({ origin: pageOrigin, source: parent, data: sessionMessage }, expected),
    ).toBeNull()
    expect(
      acceptConsoleMessage({ origin: consoleOrigin, source: frame, data: sessionMessage }, expected),
    ).toBeNull()
    expect(
      acceptConsoleMessage(
        { origin: consoleOrigin, source: null, data: sessionMessage },
        { ...expected, source: null },
      ),
    ).toBeNull()
    expect(
      acceptConsoleMessage(
        { origin: consoleOrigin, source: parent, data: { ...sessionMessage, protocol: 'x' } },
        expected,
      ),
    ).toBeNull()
  })

  it('the console accepts ready and events only from the test page origin and its iframe window', () => {
    const expected = { origin: pageOrigin, source: frame }
    const event = {
      name: 'submissionSuccess',
      payload: { token: 't', expiresAt: 'e' },
      at: new Date().toISOString(),
    }
    const data = { protocol: PROTOCOL, type: 'event', event }
    expect(
      acceptPageMessage(
        { origin: pageOrigin, source: frame, data: { protocol: PROTOCOL, type: 'ready' } },
        expected,
      ),
    ).toEqual({
      type: 'ready',
    })
    expect(acceptPageMessage({ origin: pageOrigin, source: frame, data }, expected)).toEqual({
      type: 'event',
      event,
    })
    expect(acceptPageMessage({ origin: 'http://127.0.0.1:1', source: frame, data }, expected)).toBeNull()
    expect(acceptPageMessage({ origin: pageOrigin, source: parent, data }, expected)).toBeNull()
    expect(
      acceptPageMessage(
        { origin: pageOrigin, source: frame, data: { ...data, event: { ...event, name: 'focus' } } },
        expected,
      ),
    ).toBeNull()
    expect(
      acceptPageMessage(
        { origin: pageOrigin, source: frame, data: { ...data, event: { ...event, at: 'yesterday' } } },
        expected,
      ),
    ).toBeNull()
    const huge = { ...event, payload: { blob: 'x'.repeat(40_000) } }
    expect(
      acceptPageMessage({ origin: pageOrigin, source: frame, data: { ...data, event: huge } }, expected),
    ).toBeNull()
  })

  it('validates every field of a session', () => {
    expect(parseSession(session)).toEqual(session)
    expect(parseSession({ ...session, mode: 'ach' })).toBeNull()
    expect(parseSession({ ...session, sessionToken: 'short' })).toBeNull()
    expect(parseSession({ ...session, sessionToken: 'has spaces in it' })).toBeNull()
    expect(parseSession({ ...session, libVersion: '1.7' })).toBeNull()
    expect(parseSession({ ...session, integrity: 'md5-abc' })).toBeNull()
    expect(
      parseSession({
        ...session,
        integrity: 'sha384-m1A0nfFYa8sAfpDN0d60o4ztd/aCPC2xDVaOT31Urrmn4xypfHqgHQMayZeIK1PM',
      }),
    ).not.toBeNull()
    expect(parseSession({ ...session, scriptUrl: 'javascript:alert(1)' })).toBeNull()
  })

  it('accepts only library script URLs: https, or http on loopback, on the CDN path pattern', () => {
    expect(scriptVersionOf('https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-1.7.0.261457.js')).toBe(
      '1.7.0.261457',
    )
    expect(scriptVersionOf(session.scriptUrl)).toBe('1.7.0.261457')
    expect(
      scriptVersionOf('http://cdn.example.com/js/hosted-fields/hosted-fields-1.7.0.261457.js'),
    ).toBeNull()
    expect(scriptVersionOf('https://cdn.payroc.com/js/hosted-fields/evil.js')).toBeNull()
    expect(scriptVersionOf('https://cdn.payroc.com/js/hosted-fields/hosted-fields-1.7.0.1.js?x=1')).toBeNull()
    expect(scriptVersionOf('https://u:p@cdn.payroc.com/js/hosted-fields/hosted-fields-1.7.0.1.js')).toBeNull()
  })

  it('uses the same libVersion pattern as the shared schema', () => {
    for (const v of ['1.7.0.261457', '1.7.0-beta.1', '10.10.10.1', '1.7', '1x7.0.1', '1.7.0.beta.1'])
      expect(scriptVersionOf(`https://cdn.payroc.com/js/hosted-fields/hosted-fields-${v}.js`) !== null).toBe(
        LIB_VERSION_PATTERN.test(v),
      )
  })
})
