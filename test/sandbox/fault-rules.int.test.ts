/** Fault injection through the control API: every action, matching by route, times and probability. */
import { describe, expect, it } from 'vitest'
import {
  base,
  bearer,
  call,
  control,
  createSession,
  expectProblem,
  sandbox,
  SPEC_PROBLEM_PAIRS,
  useSandbox,
} from '../support/sandbox'

/** The library protocol's submit (fault rules answer before the session is looked up). */
const LIBRARY_SUBMIT = '/merchant/api/v2/hosted-fields-sessions/any-session/single-use-tokens'

useSandbox()

const addFault = async (rule: unknown) => {
  const answer = await control(base, 'POST', 'faults', rule)
  expect(answer.status, answer.text).toBe(201)
  return answer.json
}
const postAuthorize = () =>
  call(`${base}/authorize`, { method: 'POST', headers: { 'x-api-key': 'sandbox-api-key' } })

describe('actions', () => {
  it('latency delays the answer by at least ms, then answers normally', async () => {
    await addFault({ route: 'sessions', action: { type: 'latency', ms: 300 }, times: 1 })
    const started = performance.now()
    const answer = await createSession(base, bearer)
    expect(performance.now() - started).toBeGreaterThanOrEqual(295)
    expect(answer.status).toBe(201)
    const quick = performance.now()
    await createSession(base, bearer)
    expect(performance.now() - quick).toBeLessThan(250)
  })

  it('status answers that status with Payroc-shaped problem details, honouring an override', async () => {
    await addFault({
      route: 'sessions',
      action: {
        type: 'status',
        status: 503,
        problem: { title: 'Down for maintenance', detail: 'Back soon' },
      },
      times: 1,
    })
    const answer = await createSession(base, bearer)
    expectProblem(answer, 503)
    expect(answer.json.title).toBe('Down for maintenance')
    expect(answer.json.detail).toBe('Back soon')
    expect(sandbox.stats().sessionsCreated).toBe(0)
  })

  it.each(SPEC_PROBLEM_PAIRS)(
    'status %i uses the default problem #%s, titled %s',
    async (status, fragment, title) => {
      await addFault({ route: 'sessions', action: { type: 'status', status }, times: 1 })
      const answer = await createSession(base, bearer)
      expect(answer.status).toBe(status)
      expect(answer.json.type).toBe(`https://docs.payroc.com/api/errors#${fragment}`)
      expect(answer.json.title).toBe(title)
      expect(answer.json.status).toBe(status)
      if (status === 500) expect(answer.json.errors[0].message).toEqual(expect.any(String))
    },
  )

  it('reset drops the connection without an answer', async () => {
    await addFault({ route: 'authorize', action: { type: 'reset' }, times: 1 })
    await expect(postAuthorize()).rejects.toThrow()
    expect((await postAuthorize()).status).toBe(200)
    expect(sandbox.stats().responses.reset).toBe(1)
  })

  it('malformed answers 201 (200 on /authorize) with a body that is not JSON', async () => {
    await addFault({ route: '*', action: { type: 'malformed' }, times: 2 })
    const session = await createSession(base, bearer)
    expect(session.status).toBe(201)
    expect(session.headers.get('content-type')).toMatch(/json/)
    expect(() => JSON.parse(session.text)).toThrow()
    const identity = await postAuthorize()
    expect(identity.status).toBe(200)
    expect(() => JSON.parse(identity.text)).toThrow()
    expect(sandbox.stats().sessionsCreated).toBe(0)
  })

  it('slow delivers the real answer at bytesPerSecond', async () => {
    await addFault({ route: 'sessions', action: { type: 'slow', bytesPerSecond: 400 }, times: 1 })
    const started = performance.now()
    const answer = await createSession(base, bearer)
    const elapsed = performance.now() - started
    expect(answer.status).toBe(201)
    expect(answer.json.token).toEqual(expect.any(String))
    // ~130 bytes at 40 bytes per 100 ms tick → at least 3 ticks
    expect(elapsed).toBeGreaterThanOrEqual(250)
  })

  it('rate-limit answers 429 with Retry-After', async () => {
    await addFault({ route: 'sessions', action: { type: 'rate-limit', retryAfterSeconds: 7 }, times: 1 })
    const answer = await createSession(base, bearer)
    expectProblem(answer, 429, 'too-many-requests')
    expect(answer.headers.get('retry-after')).toBe('7')
  })
})

describe('matching', () => {
  it('applies a rule only to its route group', async () => {
    await addFault({ route: 'authorize', action: { type: 'status', status: 500 } })
    expect((await createSession(base, bearer)).status).toBe(201)
    expect((await postAuthorize()).status).toBe(500)
    expect((await postAuthorize()).status).toBe(500)
  })

  it('route "*" applies to every gateway route but never to the control API', async () => {
    await addFault({ route: '*', action: { type: 'status', status: 502 } })
    expect((await postAuthorize()).status).toBe(502)
    expect((await createSession(base, bearer)).status).toBe(502)
    expect((await call(`${base}/v1/processing-terminals/1234001/secure-tokens/abc`)).status).toBe(502)
    expect((await call(`${base}${LIBRARY_SUBMIT}`, { method: 'POST' })).status).toBe(502)
    expect((await control(base, 'GET', 'stats')).status).toBe(200)
    expect((await control(base, 'GET', 'journal')).status).toBe(200)
  })

  it('matches secure-tokens and library routes by their group', async () => {
    await addFault({ route: 'secure-tokens', action: { type: 'status', status: 504 }, times: 1 })
    await addFault({ route: 'library', action: { type: 'rate-limit', retryAfterSeconds: 1 }, times: 1 })
    expect(
      (await call(`${base}/v1/processing-terminals/1234001/secure-tokens`, { method: 'POST' })).status,
    ).toBe(504)
    expect((await call(`${base}${LIBRARY_SUBMIT}`, { method: 'POST' })).status).toBe(429)
    expect((await createSession(base, bearer)).status).toBe(201)
  })

  it('counts the library script path in the library group', async () => {
    const script = `${base}/js/hosted-fields/hosted-fields-1.7.0.261457.js`
    expect((await call(script)).status).toBe(200)
    await addFault({ route: 'library', action: { type: 'status', status: 503 }, times: 1 })
    expectProblem(await call(script), 503)
    expect(sandbox.stats().requests.library).toBe(2)
  })

  it('applies a rule "times" times, then removes it', async () => {
    const rule = await addFault({ route: 'authorize', action: { type: 'status', status: 500 }, times: 2 })
    expect(rule).toMatchObject({ id: expect.any(String), remaining: 2 })
    expect((await postAuthorize()).status).toBe(500)
    expect((await postAuthorize()).status).toBe(500)
    expect((await postAuthorize()).status).toBe(200)
    expect((await control(base, 'GET', 'faults')).json.faults).toEqual([])
    expect(sandbox.stats().faultsApplied).toBe(2)
  })

  it('applies a rule with probability p to about p of the requests', async () => {
    await addFault({ route: 'authorize', action: { type: 'status', status: 500 }, probability: 0.5 })
    let failed = 0
    for (let index = 0; index < 200; index++) if ((await postAuthorize()).status === 500) failed++
    expect(failed).toBeGreaterThan(50)
    expect(failed).toBeLessThan(150)
  })

  it('uses the first matching rule and keeps the others', async () => {
    await addFault({ route: 'authorize', action: { type: 'status', status: 502 }, times: 1 })
    await addFault({ route: '*', action: { type: 'status', status: 503 }, times: 1 })
    expect((await postAuthorize()).status).toBe(502)
    expect((await postAuthorize()).status).toBe(503)
    expect((await postAuthorize()).status).toBe(200)
  })

  it('DELETE /__sandbox/faults clears every rule; DELETE …/faults/{id} one', async () => {
    const one = await addFault({ route: 'authorize', action: { type: 'status', status: 500 } })
    await addFault({ route: 'sessions', action: { type: 'status', status: 500 } })
    expect((await control(base, 'DELETE', `faults/${one.id}`)).status).toBe(200)
    expectProblem(await control(base, 'DELETE', `faults/${one.id}`), 404)
    expect((await postAuthorize()).status).toBe(200)
    expect((await control(base, 'DELETE', 'faults')).json).toEqual({ cleared: 1 })
    expect((await createSession(base, bearer)).status).toBe(201)
  })

  it('is also available in-process (addFault / clearFaults)', async () => {
    sandbox.addFault({ route: 'authorize', action: { type: 'status', status: 500 } })
    expect((await postAuthorize()).status).toBe(500)
    expect(sandbox.clearFaults()).toBe(1)
    expect((await postAuthorize()).status).toBe(200)
  })

  it('journals fault-injected answers with the fault named', async () => {
    await addFault({ route: 'authorize', action: { type: 'rate-limit', retryAfterSeconds: 2 }, times: 1 })
    await postAuthorize()
    const [entry] = (await control(base, 'GET', 'journal?limit=1')).json.entries
    expect(entry).toMatchObject({ route: 'authorize', status: 429, fault: 'rate-limit' })
  })
})
