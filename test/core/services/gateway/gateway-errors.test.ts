import { describe, expect, it } from 'vitest'
import {
  errorFromStatus,
  errorFromTransport,
  fieldsFromProblem,
  kindForStatus,
  parseProblem,
} from '../../../../src/core/services/gateway/gateway-errors'
import { identityRejected } from '../../../../src/core/services/gateway/wire'
import { HINTS, keychainFix } from '../../../../src/core/hint-catalogue'
import { ERROR_KINDS } from '../../../../src/shared/result'

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'https://docs.payroc.com/api/errors#x',
    title: 'Title',
    status,
    detail: 'Detail',
    ...extra,
  })

describe('error mapping', () => {
  it('maps each documented status to its kind', () => {
    const table: [number, string][] = [
      [400, 'validation'],
      [401, 'auth'],
      [403, 'forbidden'],
      [406, 'not-acceptable'],
      [408, 'timeout'],
      [409, 'conflict'],
      [413, 'payload-too-large'],
      [415, 'unsupported-media'],
      [429, 'rate-limited'],
      [500, 'gateway'],
      [502, 'gateway'],
      [503, 'gateway'],
      [302, 'malformed-response'],
    ]
    for (const [status, kind] of table) expect(kindForStatus(status), String(status)).toBe(kind)
  })

  it('carries status, problem details, a hint, and fields keyed by parameter', () => {
    const body = problem(400, {
      errors: [
        { parameter: 'libVersion', detail: 'libVersion is invalid', message: 'x' },
        { parameter: 'scenario', message: 'scenario must be payment or tokenization' },
        { parameter: 'libVersion', detail: 'second' },
      ],
    })
    const error = errorFromStatus(400, body)
    expect(error.kind).toBe('validation')
    expect(error.status).toBe(400)
    expect(error.problem?.title).toBe('Title')
    expect(error.fields).toEqual({
      libVersion: ['libVersion is invalid', 'second'],
      scenario: ['scenario must be payment or tokenization'],
    })
    expect(error.hint.length).toBeGreaterThan(10)
    expect(error.message).toContain('400')
  })

  it('keeps 403 extras (instance, resource)', () => {
    const error = errorFromStatus(403, problem(403, { instance: '/v1/x', resource: 'terminal' }))
    expect(error.kind).toBe('forbidden')
    expect(error.problem).toMatchObject({ instance: '/v1/x', resource: 'terminal' })
    expect(error.hint).toBe(HINTS.forbidden)
  })

  it('tolerates non-problem bodies', () => {
    expect(parseProblem('<html>oops</html>')).toBeUndefined()
    expect(parseProblem('{"foo":1}')).toBeUndefined()
    expect(fieldsFromProblem(undefined)).toBeUndefined()
    const error = errorFromStatus(502, '<html>Bad gateway</html>')
    expect(error).toMatchObject({ kind: 'gateway', status: 502 })
    expect(error.problem).toBeUndefined()
  })

  it('maps transport failures: DNS, refused, reset → network; certificates → tls; timeouts → timeout', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x.invalid' }, 'network'],
      [{ code: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN' }, 'network'],
      [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'network'],
      [{ code: 'ECONNRESET', message: 'socket hang up' }, 'network'],
      [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'tls'],
      [{ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' }, 'tls'],
      [
        {
          code: 'ERR_TLS_CERT_ALTNAME_INVALID',
          message: "Hostname/IP does not match certificate's altnames",
        },
        'tls',
      ],
      [{ code: 'ECONNABORTED', message: 'timeout of 10000ms exceeded' }, 'timeout'],
      [{ code: 'ERR_CONNECT_TIMEOUT', message: 'connect timeout after 10 ms' }, 'timeout'],
      [
        { code: 'ERR_NETWORK', message: 'wrapped', cause: { code: 'ECONNRESET', message: 'reset' } },
        'network',
      ],
    ]
    for (const [error, kind] of cases) {
      const mapped = errorFromTransport(
        Object.assign(new Error(String(error.message)), error),
        'https://x.example',
      )
      expect(mapped.kind, JSON.stringify(error)).toBe(kind)
      expect(mapped.message).toContain('https://x.example')
      expect(mapped.hint).toBe(HINTS[mapped.kind])
    }
  })

  it('identity errors are credential rejections unless the gateway failed', () => {
    expect(identityRejected(401, '').kind).toBe('auth')
    expect(identityRejected(403, '').kind).toBe('auth')
    expect(identityRejected(400, '').kind).toBe('auth')
    expect(identityRejected(503, '').kind).toBe('gateway')
  })

  it('has a one-line hint for every kind', () => {
    for (const kind of ERROR_KINDS) {
      expect(HINTS[kind], kind).toBeTruthy()
      expect(HINTS[kind]).not.toContain('\n')
    }
  })

  it('names the fix for each keytar message of TOOLCHAIN.md', () => {
    const messages = [
      ['Cannot autolaunch D-Bus without X11 $DISPLAY', /dbus-run-session/],
      ['Could not connect: No such file or directory', /dbus-run-session/],
      ['The name org.freedesktop.secrets was not provided by any .service files', /gnome-keyring-daemon/],
      ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', /unlock/],
      ['Cannot create an item in a locked collection', /Unlock/],
      ["Cannot find module 'keytar'", /npm ci/],
    ] as const
    for (const [message, hint] of messages) {
      const fix = keychainFix(message)
      expect(fix.hint, message).toMatch(hint)
      expect(fix.message).toContain(message)
    }
  })
})
