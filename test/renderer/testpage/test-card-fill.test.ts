import { describe, expect, it } from 'vitest'
import { PROTOCOL } from '@renderer/testpage/protocol'
import { acceptFillMessage, frameField } from '@renderer/testpage/test-card-fill'

const parent = {}
const expected = { origin: 'http://127.0.0.1:5180', source: parent }
const fill = (values: unknown) => ({ protocol: PROTOCOL, type: 'fillTestCard', values })

describe('test card fill: the page accepts it only from the console', () => {
  it('takes the card fields from the console origin and the parent window', () => {
    expect(
      acceptFillMessage(
        {
          origin: expected.origin,
          source: parent,
          data: fill({ cardNumber: '4539858876047062', cvv: '123' }),
        },
        expected,
      ),
    ).toEqual({ cardNumber: '4539858876047062', cvv: '123' })
  })
  it('refuses another origin, another window, another protocol, or nothing to fill', () => {
    const data = fill({ cardNumber: '4539858876047062' })
    expect(acceptFillMessage({ origin: 'http://evil.test', source: parent, data }, expected)).toBeNull()
    expect(acceptFillMessage({ origin: expected.origin, source: {}, data }, expected)).toBeNull()
    expect(
      acceptFillMessage(
        { origin: expected.origin, source: parent, data: { ...data, protocol: 'x' } },
        expected,
      ),
    ).toBeNull()
    expect(
      acceptFillMessage({ origin: expected.origin, source: parent, data: fill({}) }, expected),
    ).toBeNull()
  })
  it('drops unknown fields and over-long values', () => {
    expect(
      acceptFillMessage(
        {
          origin: expected.origin,
          source: parent,
          data: fill({ cardNumber: '4'.repeat(51), secret: 'x', expiryDate: '12/29' }),
        },
        expected,
      ),
    ).toEqual({ expiryDate: '12/29' })
  })
  it("reads a Hosted Fields frame's field and origin from its URL", () => {
    expect(frameField('http://127.0.0.1:4010/merchant/hosted-fields?field=cardNumber&x=1')).toEqual({
      field: 'cardNumber',
      origin: 'http://127.0.0.1:4010',
    })
    expect(frameField('about:blank')).toBeNull()
    expect(frameField('not a url')).toBeNull()
  })
})
