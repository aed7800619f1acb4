import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PATH_ID_LABELS, pathIdProblem, withPathIdRule } from '../../src/shared/path-id'

const SecureTokenId = withPathIdRule(z.string().min(1).max(200), PATH_ID_LABELS.secureTokenId)
const ProcessingTerminalId = withPathIdRule(z.string().min(4).max(50), PATH_ID_LABELS.processingTerminalId)

const messages = (schema: z.ZodType, value: unknown): string[] => {
  const parsed = schema.safeParse(value)
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)
}

describe('the path-parameter id rule', () => {
  it.each(['.', '..', '...', '....'])('refuses the dot segment %j, naming the field as the UI does', (id) => {
    expect(messages(SecureTokenId, id)).toEqual([
      `Secure token ID cannot be only dots ("${id}" would change the request path)`,
    ])
  })

  it.each(['.', '..'])('%j really is a dot segment the URL parser would remove', (id) => {
    const url = `https://gw.example/v1/processing-terminals/1234001/secure-tokens/${encodeURIComponent(id)}/x`
    expect(new URL(url).pathname).not.toContain(`/${id}/`)
  })

  it.each([
    ['a lone high surrogate', 'MREF_\uD800'],
    ['a lone low surrogate', '\uDC00MREF'],
    ['two high surrogates', '\uD83D\uD83D'],
    ['a reversed pair', 'ab\uDE00\uD83D'],
  ])('refuses %s (encodeURIComponent would throw)', (_what, id) => {
    expect(() => encodeURIComponent(id)).toThrow(URIError)
    expect(messages(SecureTokenId, id)).toEqual([
      'Secure token ID contains a broken character (an unpaired surrogate)',
    ])
  })

  it.each(['12/34001', '1234\\001', '1234?01', '1234#01'])('refuses path syntax in %j', (id) => {
    expect(messages(ProcessingTerminalId, id)).toEqual([
      'Processing terminal ID cannot contain /, \\, ? or #',
    ])
  })

  it.each(['1234\u0000001', '1234\n001', '1234\u007f'])('refuses control characters in %j', (id) => {
    expect(pathIdProblem(id, 'Processing terminal ID')).toBe(
      'Processing terminal ID cannot contain control characters',
    )
  })

  it.each([
    '1234001',
    'MREF_abc1de23-f4a5-6789-bcd0-12e345678901fa',
    'a.b',
    '..a',
    'a..',
    'token 😀 ok',
    'é%2e',
  ])('accepts the well-formed id %j', (id) => {
    expect(pathIdProblem(id, 'Secure token ID')).toBeUndefined()
    expect(messages(SecureTokenId, id)).toEqual([])
  })

  it('keeps the schema’s own rules and type', () => {
    expect(messages(ProcessingTerminalId, '12')).toHaveLength(1)
    const parsed: string = ProcessingTerminalId.parse('1234001')
    expect(parsed).toBe('1234001')
  })
})
