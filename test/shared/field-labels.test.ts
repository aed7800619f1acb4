import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { labelledMessage } from '../../src/shared/field-labels'
import { CustomEnvironmentInput } from '../../src/shared/environments'
import { CreateSessionInput } from '../../src/shared/contract'
import { issuesToFields, validationError } from '../../src/shared/result'

describe('messages name fields as the UI labels them', () => {
  it('turns internal names and generic subjects into labels', () => {
    expect(
      labelledMessage('processingTerminalId', 'processingTerminalId must be at least 4 characters'),
    ).toBe('Processing terminal ID must be at least 4 characters')
    expect(labelledMessage('apiBase', 'URL must be https://')).toBe('API base URL must be https://')
    expect(labelledMessage('cdnBase', 'Invalid input')).toBe('CDN base URL: Invalid input')
    expect(labelledMessage('name', 'Name must not be empty')).toBe('Name must not be empty')
    expect(labelledMessage('order.amount', 'amount must be a number')).toBe('Amount must be a number')
    // Unlabelled fields keep their path, as before.
    expect(labelledMessage('weird', 'must be x')).toBe('weird: must be x')
  })

  it('the session form: a short terminal ID, through the shared schema', () => {
    const parsed = CreateSessionInput.safeParse({
      environmentId: 'sandbox',
      profile: 'default',
      processingTerminalId: '123',
      scenario: 'payment',
      libVersion: '1.7.0.261457',
    })
    if (parsed.success) throw new Error('expected a failure')
    expect(issuesToFields(parsed.error)['processingTerminalId']).toEqual([
      'Processing terminal ID must be at least 4 characters',
    ])
    expect(validationError(parsed.error).message).toBe(
      'The request is invalid: Processing terminal ID must be at least 4 characters',
    )
  })

  it('the custom environment form: each URL says which one; no internal name anywhere', () => {
    const parsed = CustomEnvironmentInput.safeParse({
      name: '',
      apiBase: 'http://api.example.com',
      identityBase: 'ftp://x',
      cdnBase: 'nope',
    })
    if (parsed.success) throw new Error('expected a failure')
    const fields = issuesToFields(parsed.error)
    expect(fields['name']?.[0]).toMatch(/^Name /)
    expect(fields['apiBase']?.[0]).toMatch(/^API base URL must be https:\/\//)
    expect(fields['identityBase']?.[0]).toMatch(/^Identity base URL /)
    expect(fields['cdnBase']?.[0]).toMatch(/^CDN base URL /)
    expect(JSON.stringify(Object.values(fields))).not.toMatch(/apiBase|identityBase|cdnBase/)
  })

  it('a root-level problem keeps "(body)"', () => {
    const parsed = z.object({ a: z.string() }).strict().safeParse({ a: 'x', b: 1 })
    if (parsed.success) throw new Error('expected a failure')
    expect(Object.keys(issuesToFields(parsed.error))).toEqual(['(body)'])
  })
})
