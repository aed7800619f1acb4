/** POST /authorize (PAYROC.md "Authentication"). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SANDBOX_API_KEY, startSandbox, type Sandbox } from '../../../src/sandbox'
import { call, control, expectProblem } from '../../support/sandbox'

let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

describe('POST /authorize', () => {
  it('answers 200 with access_token, token_type Bearer, expires_in 3600 and scope for the default key', async () => {
    expect(DEFAULT_SANDBOX_API_KEY).toBe('sandbox-api-key')
    const answer = await call(`${sandbox.url}/authorize`, {
      method: 'POST',
      headers: { 'x-api-key': 'sandbox-api-key' },
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.json).toEqual({
      access_token: expect.stringMatching(/^\S{20,}$/),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: expect.any(String),
    })
  })

  it('issues a different token each time', async () => {
    const post = () =>
      call(`${sandbox.url}/authorize`, { method: 'POST', headers: { 'x-api-key': 'sandbox-api-key' } })
    expect((await post()).json.access_token).not.toBe((await post()).json.access_token)
  })

  it.each([
    ['missing', undefined],
    ['unknown', 'not-the-key'],
    ['nearly right', 'sandbox-api-key2'],
  ])('answers 401 problem details for a %s x-api-key', async (_label, key) => {
    const answer = await call(`${sandbox.url}/authorize`, {
      method: 'POST',
      headers: key === undefined ? {} : { 'x-api-key': key },
    })
    expectProblem(answer, 401, 'not-authorized')
    expect(answer.text).not.toContain('not-the-key')
  })

  it('reports the configured token lifetime in expires_in', async () => {
    await control(sandbox.url, 'PATCH', 'config', { tokenTtlSeconds: 120 })
    const answer = await call(`${sandbox.url}/authorize`, {
      method: 'POST',
      headers: { 'x-api-key': 'sandbox-api-key' },
    })
    expect(answer.json.expires_in).toBe(120)
  })

  it('accepts exactly the configured keys', async () => {
    const custom = await startSandbox({
      port: 0,
      apiKeys: ['merchant-one', 'merchant-two'],
      tokenTtlSeconds: 60,
    })
    try {
      for (const key of ['merchant-one', 'merchant-two']) {
        const answer = await call(`${custom.url}/authorize`, {
          method: 'POST',
          headers: { 'x-api-key': key },
        })
        expect(answer.status).toBe(200)
        expect(answer.json.expires_in).toBe(60)
      }
      expectProblem(
        await call(`${custom.url}/authorize`, {
          method: 'POST',
          headers: { 'x-api-key': 'sandbox-api-key' },
        }),
        401,
      )
    } finally {
      await custom.close()
    }
  })
})
