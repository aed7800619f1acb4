/** RFC 6902 JSON Patch as the secure-token partial update applies it (cases after RFC 6902 appendix A). */
import { describe, expect, it } from 'vitest'
import type { JsonPatchOperation } from '../../../src/shared/payroc'
import { applyJsonPatch, PatchError } from '../../../src/sandbox/state/sandbox-json-patch'

const apply = (doc: unknown, ops: JsonPatchOperation[]) => applyJsonPatch(doc, ops)

describe('applyJsonPatch', () => {
  it('adds, removes, replaces, moves, copies and tests as RFC 6902 says', () => {
    expect(apply({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({
      foo: 'bar',
      baz: 'qux',
    })
    expect(apply({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({
      foo: ['bar', 'qux', 'baz'],
    })
    expect(apply({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: 'end' }])).toEqual({
      foo: ['bar', 'end'],
    })
    expect(apply({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toEqual({ foo: 'bar' })
    expect(apply({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toEqual({
      foo: ['bar', 'baz'],
    })
    expect(apply({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }])).toEqual({
      baz: 'boo',
      foo: 'bar',
    })
    expect(
      apply({ foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } }, [
        { op: 'move', from: '/foo/waldo', path: '/qux/thud' },
      ]),
    ).toEqual({ foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } })
    expect(
      apply({ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }]),
    ).toEqual({
      foo: ['all', 'cows', 'eat', 'grass'],
    })
    expect(apply({ a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }])).toEqual({
      a: { b: 1 },
      c: { b: 1 },
    })
    expect(
      apply({ 'a/b': 1, 'm~n': 2 }, [
        { op: 'test', path: '/a~1b', value: 1 },
        { op: 'test', path: '/m~0n', value: 2 },
      ]),
    ).toEqual({
      'a/b': 1,
      'm~n': 2,
    })
  })

  it('fails whole, naming the operation and field, and leaves the document as it was', () => {
    const doc = { customer: { lastName: 'Hopper' } }
    const fail = (ops: JsonPatchOperation[]) => {
      try {
        apply(doc, ops)
      } catch (error) {
        if (error instanceof PatchError) return `${error.index}.${error.field}`
        throw error
      }
      return 'applied'
    }
    expect(
      fail([
        { op: 'replace', path: '/customer/lastName', value: 'Reed' },
        { op: 'test', path: '/customer/lastName', value: 'Hopper' },
      ]),
    ).toBe('1.value')
    expect(fail([{ op: 'remove', path: '/customer/firstName' }])).toBe('0.path')
    expect(fail([{ op: 'add', path: '/missing/child', value: 1 }])).toBe('0.path')
    expect(fail([{ op: 'copy', from: '/nowhere', path: '/x' }])).toBe('0.from')
    expect(fail([{ op: 'add', path: 'no-slash', value: 1 }])).toBe('0.path')
    expect(doc).toEqual({ customer: { lastName: 'Hopper' } })
  })
})
