/**
 * RFC 6902 JSON Patch over a plain JSON document (add, remove, replace, move, copy, test), with RFC 6901
 * pointers. Applied to a copy: a patch applies whole or not at all. A failing operation throws a
 * PatchError naming its index.
 */
import type { JsonPatchOperation } from '../../shared/payroc'

export class PatchError extends Error {
  constructor(
    readonly index: number,
    readonly field: 'path' | 'from' | 'value',
    message: string,
  ) {
    super(message)
  }
}

type Json = unknown
type Container = Record<string, Json> | Json[]

const isContainer = (value: Json): value is Container => typeof value === 'object' && value !== null

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer (it must start with /)`)
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
}

const clone = <T>(value: T): T => structuredClone(value)

/** Parent container and last token of `tokens` in `doc`; throws when the parent does not exist. */
function parentOf(doc: Json, tokens: string[]): { parent: Container; key: string } {
  let current: Json = doc
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current)) current = current[arrayIndex(current, token, false)]
    else if (isContainer(current) && Object.hasOwn(current, token))
      current = (current as Record<string, Json>)[token]
    else throw new Error(`no value at ${token}`)
  }
  if (!isContainer(current)) throw new Error('the parent is not an object or array')
  return { parent: current, key: tokens[tokens.length - 1] ?? '' }
}

function arrayIndex(array: Json[], token: string, forAdd: boolean): number {
  if (forAdd && token === '-') return array.length
  if (!/^(0|[1-9]\d*)$/.test(token)) throw new Error(`"${token}" is not an array index`)
  const index = Number(token)
  if (index > array.length || (!forAdd && index === array.length))
    throw new Error(`index ${index} is out of range`)
  return index
}

function getAt(doc: Json, tokens: string[]): Json {
  if (tokens.length === 0) return doc
  const { parent, key } = parentOf(doc, tokens)
  if (Array.isArray(parent)) return parent[arrayIndex(parent, key, false)]
  if (!Object.hasOwn(parent, key)) throw new Error('no value there')
  return parent[key]
}

function addAt(doc: Json, tokens: string[], value: Json): Json {
  if (tokens.length === 0) return value
  const { parent, key } = parentOf(doc, tokens)
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value)
  else parent[key] = value
  return doc
}

function removeAt(doc: Json, tokens: string[]): Json {
  if (tokens.length === 0) throw new Error('the whole document cannot be removed')
  const { parent, key } = parentOf(doc, tokens)
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false), 1)
  else if (Object.hasOwn(parent, key)) Reflect.deleteProperty(parent, key)
  else throw new Error('no value there')
  return doc
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isContainer(a) && isContainer(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
    )
  }
  return false
}

/** `doc` with every operation applied (doc itself is not changed). Throws PatchError. */
export function applyJsonPatch(doc: Json, operations: readonly JsonPatchOperation[]): Json {
  let result = clone(doc)
  operations.forEach((operation, index) => {
    const at = (field: 'path' | 'from', pointer: string): string[] => {
      try {
        return parsePointer(pointer)
      } catch (error) {
        throw new PatchError(index, field, (error as Error).message)
      }
    }
    const path = at('path', operation.path)
    const fail = (field: 'path' | 'from' | 'value') => (error: unknown) => {
      throw new PatchError(index, field, `${operation.op} ${operation.path}: ${(error as Error).message}`)
    }
    try {
      switch (operation.op) {
        case 'add':
          result = addAt(result, path, clone(operation.value))
          break
        case 'remove':
          result = removeAt(result, path)
          break
        case 'replace':
          getAt(result, path)
          result =
            path.length === 0
              ? clone(operation.value)
              : addAt(removeAt(result, path), path, clone(operation.value))
          break
        case 'move': {
          const from = at('from', operation.from)
          let value: Json
          try {
            value = getAt(result, from)
          } catch (error) {
            return fail('from')(error)
          }
          result = addAt(removeAt(result, from), path, value)
          break
        }
        case 'copy': {
          const from = at('from', operation.from)
          let value: Json
          try {
            value = clone(getAt(result, from))
          } catch (error) {
            return fail('from')(error)
          }
          result = addAt(result, path, value)
          break
        }
        case 'test': {
          let value: Json
          try {
            value = getAt(result, path)
          } catch (error) {
            return fail('path')(error)
          }
          if (!deepEqual(value, operation.value)) {
            throw new PatchError(index, 'value', `test ${operation.path}: the value differs`)
          }
          break
        }
      }
    } catch (error) {
      if (error instanceof PatchError) throw error
      fail('path')(error)
    }
  })
  return result
}
