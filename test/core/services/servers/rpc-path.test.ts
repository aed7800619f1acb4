import { describe, expect, it } from 'vitest'
import { classifyBridgeTarget, decodePathSegment } from '../../../../src/core/services/servers/rpc-path'

describe('the bridge request target', () => {
  it.each(['/rpc/%E0', '/rpc/%', '/rpc/%zz', '/rpc/session%3Acreate%E0%A4', '/rpc/%C0%AF', '/rpc/%ED%A0%80'])(
    '%s is a 400 (malformed percent-encoding), decided before anything else',
    (target) => {
      expect(classifyBridgeTarget(target)).toEqual({
        kind: 'bad-request',
        status: 400,
        message: 'Malformed percent-encoding in the channel',
      })
    },
  )

  it('refuses decoded control characters, over-long and non-origin-form targets', () => {
    expect(classifyBridgeTarget('/rpc/app%3Ainfo%00')).toMatchObject({ kind: 'bad-request' })
    expect(classifyBridgeTarget('/rpc/app%0Ainfo')).toMatchObject({ kind: 'bad-request' })
    expect(classifyBridgeTarget(`/rpc/${'a'.repeat(3000)}`)).toMatchObject({
      kind: 'bad-request',
      message: 'Request target too long',
    })
    expect(classifyBridgeTarget('http://evil.example/rpc/app:info')).toMatchObject({ kind: 'bad-request' })
    expect(classifyBridgeTarget('*')).toMatchObject({ kind: 'bad-request' })
  })

  it('routes well-formed channels, encoded or not, and leaves unknown names to the bridge (401 before 404)', () => {
    expect(classifyBridgeTarget('/rpc/session:create')).toEqual({ kind: 'rpc', channel: 'session:create' })
    expect(classifyBridgeTarget('/rpc/session%3Acreate?x=1')).toEqual({
      kind: 'rpc',
      channel: 'session:create',
    })
    expect(classifyBridgeTarget('/rpc/vault:dump')).toEqual({ kind: 'rpc', channel: 'vault:dump' })
    expect(classifyBridgeTarget('/rpc/')).toEqual({ kind: 'rpc', channel: '' })
  })

  it('routes /events with its query, and refuses a malformed escape in it', () => {
    const route = classifyBridgeTarget('/events?token=abc%2Bdef')
    expect(route.kind).toBe('events')
    if (route.kind === 'events') expect(route.search.get('token')).toBe('abc+def')
    expect(classifyBridgeTarget('/events?token=%E0')).toMatchObject({
      kind: 'bad-request',
      message: 'Malformed percent-encoding in the query',
    })
  })

  it('leaves every other path to the static server', () => {
    for (const target of ['/', '/index.html', '/assets/x.js?v=1', '/rpc', '/eventsx', undefined])
      expect(classifyBridgeTarget(target)).toEqual({ kind: 'other' })
  })

  it('decodes strictly', () => {
    expect(decodePathSegment('a%20b')).toBe('a b')
    expect(decodePathSegment('%E0')).toBeUndefined()
    expect(decodePathSegment('%7F')).toBeUndefined()
  })
})
