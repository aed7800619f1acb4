/** The sandbox's HTTP helpers: media types, loopback, request targets. */
import { describe, expect, it } from 'vitest'
import {
  acceptsJson,
  isJsonContentType,
  isLoopbackAddress,
  splitTarget,
} from '../../src/sandbox/sandbox-http'

describe('HTTP helpers', () => {
  it('recognises JSON content types and Accept headers', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('APPLICATION/JSON ; charset=utf-8')).toBe(true)
    expect(isJsonContentType('application/problem+json')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
    expect(acceptsJson(undefined)).toBe(true)
    expect(acceptsJson('text/html;q=0.9, */*;q=0.1')).toBe(true)
    expect(acceptsJson('application/json;q=0, text/html')).toBe(false)
  })

  it('splits request targets and spots loopback peers', () => {
    expect(splitTarget('/a/b?x=1')).toEqual({ path: '/a/b', query: 'x=1' })
    expect(splitTarget('http://h/a?b')).toEqual({ path: '/a', query: 'b' })
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('10.0.0.1')).toBe(false)
  })
})
