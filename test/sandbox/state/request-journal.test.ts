/** The request journal's masking of paths and bodies. */
import { describe, expect, it } from 'vitest'
import { redactJournalBody, redactPath } from '../../../src/sandbox/state/request-journal'

describe('journal masking', () => {
  it('masks tokens, API keys and card data in bodies and paths', () => {
    const body = JSON.stringify({
      token: 'abcdefghijklmnop',
      cardNumber: '4539858876047062',
      cvv: '123',
      note: 'key sandbox-api-key',
    })
    const masked = redactJournalBody(body, ['sandbox-api-key'])
    expect(masked).not.toContain('abcdefghij')
    expect(masked).not.toContain('4539858876047062')
    expect(masked).not.toContain('"123"')
    expect(masked).not.toContain('sandbox-api-key')
    const bank = redactJournalBody(
      JSON.stringify({ source: { type: 'ach', accountNumber: '1234567890', routingNumber: '053200983' } }),
      [],
    )
    expect(bank).toContain('"accountNumber":"******7890"')
    expect(redactPath('/v1/processing-terminals/1/hosted-fields-sessions/abcdefghijklmnop')).toBe(
      '/v1/processing-terminals/1/hosted-fields-sessions/…klmnop',
    )
    expect(
      redactPath(`http://127.0.0.1:1/v1/processing-terminals/1/single-use-tokens/${'a'.repeat(122)}bcdefg`),
    ).toBe('http://127.0.0.1:1/v1/processing-terminals/1/single-use-tokens/…bcdefg')
  })
})
