// The simulated library's gateway calls: Payroc's retry cycle (6 tries, waits 5–9 s, one Idempotency-Key) and
// which answers end a call at once, with the library's exact texts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { finalMessage, gatewayFetch } from '../../../../src/sandbox/library/browser/gateway-fetch'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('finalMessage', () => {
  it.each([
    [401, {}, 'The request is unauthorised, please check your credentials.'],
    [403, { title: 'Forbidden' }, 'The request is unauthorised, please check your credentials.'],
    [
      400,
      { title: 'Bad request', errors: [{ message: "'hostedFieldsSessionId' supplied is invalid" }] },
      'The provided session token is invalid.',
    ],
    [
      400,
      { title: 'Capability not supported', errors: [{ message: 'No ACH' }] },
      'The terminal does not support the capability you are trying to use. : No ACH',
    ],
    [
      400,
      { title: 'Capability not supported', errors: [{ message: '' }] },
      'The terminal does not support the capability you are trying to use.',
    ],
    [
      400,
      { title: 'Bad request', errors: [{ message: 'Invalid libVersion 1.1.0.1' }] },
      'Invalid libVersion 1.1.0.1',
    ],
  ])('%i %j → %s', (status, body, message) => {
    expect(finalMessage(status, body)).toBe(message)
  })

  it.each([
    [400, { title: 'Bad Request', errors: [{ message: "'hostedFieldsSessionId' supplied is invalid" }] }],
    [400, { title: 'Bad request', errors: [] }],
    [400, { title: 'Bad request', errors: [{ message: 'something else' }] }],
    [404, {}],
    [409, {}],
    [500, {}],
  ])('%i %j is retried', (status, body) => {
    expect(finalMessage(status, body)).toBeUndefined()
  })
})

describe('gatewayFetch', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('tries 6 times, waiting 5, 6, 7, 8, 9 s, with one Idempotency-Key, then rejects with the given text', async () => {
    const calls: { at: number; key: string }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        calls.push({ at: Date.now(), key: (init.headers as Record<string, string>)['Idempotency-Key'] ?? '' })
        return json(500, { title: 'Server error' })
      }),
    )
    vi.spyOn(console, 'info').mockImplementation(() => undefined)
    const start = Date.now()
    const result = gatewayFetch('https://gw/x', 'GET', 'spent').catch((error: Error) => error.message)
    await vi.advanceTimersByTimeAsync(40_000)
    expect(await result).toBe('spent')
    expect(calls.map((call) => call.at - start)).toEqual([0, 5000, 11_000, 18_000, 26_000, 35_000])
    expect(new Set(calls.map((call) => call.key)).size).toBe(1)
    expect(calls[0]?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('ends at once on a final answer; a body that is not JSON is retried', async () => {
    const answers = [new Response('oops', { status: 502 }), json(401, {})]
    const fetch = vi.fn(async () => answers.shift() as Response)
    vi.stubGlobal('fetch', fetch)
    vi.spyOn(console, 'info').mockImplementation(() => undefined)
    const result = gatewayFetch('https://gw/x', 'GET', 'spent').catch((error: Error) => error.message)
    await vi.advanceTimersByTimeAsync(6000)
    expect(await result).toBe('The request is unauthorised, please check your credentials.')
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('hands on a 2xx body and the card-type refusal as values', async () => {
    const refusal = { status: 400, title: 'Card type is not supported', detail: 'No Amex' }
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(400, refusal)),
    )
    await expect(gatewayFetch('https://gw/x', 'POST', 'spent', '{}')).resolves.toEqual(refusal)
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { configuration: {} })),
    )
    await expect(gatewayFetch('https://gw/x', 'GET', 'spent')).resolves.toEqual({ configuration: {} })
  })
})
