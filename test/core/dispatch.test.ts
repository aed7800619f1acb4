// dispatch in isolation: the order validate → environment → Production confirmation → handler → trap → scrub,
// with stand-in handlers so each step is seen on its own.
import { describe, expect, it } from 'vitest'
import type { Logger } from '../../src/core/app-types'
import { createDispatch, type Handlers } from '../../src/core/dispatch'
import { HINTS } from '../../src/core/hint-catalogue'
import { CHANNELS } from '../../src/shared/channels'
import { contract } from '../../src/shared/contract'
import { PAYROC_ENVIRONMENTS, sandboxEnvironment, type EnvironmentInfo } from '../../src/shared/environments'
import { ok } from '../../src/shared/result'

const production: EnvironmentInfo = { id: 'production', ...PAYROC_ENVIRONMENTS.production }
const sandbox = sandboxEnvironment('http://127.0.0.1:1')
const SECRET = 'sk_live_do-not-leak-1234'
const session = {
  environmentId: 'production',
  profile: 'default',
  processingTerminalId: '1234001',
  scenario: 'payment',
  libVersion: '1.7.0.261457',
}

function setup(handler: (request: unknown, context: unknown) => Promise<unknown>) {
  const calls: { request: unknown; context: unknown }[] = []
  const logged: { level: string; message: string }[] = []
  const handlers = new Proxy({} as Handlers, {
    get: () => async (request: unknown, context: unknown) => {
      calls.push({ request, context })
      return handler(request, context)
    },
  })
  const logger: Logger = { log: (level, message) => logged.push({ level, message }) }
  const dispatch = createDispatch({
    handlers,
    environments: { get: (id) => [production, sandbox].find((env) => env.id === id) },
    historyEnvironment: (id) => (id === 'h-prod' ? 'production' : undefined),
    secrets: { scrub: (text) => text.replaceAll(SECRET, '[redacted]') },
    logger,
  })
  return { dispatch, calls, logged }
}

describe('dispatch', () => {
  it('rejects a payload its schema refuses before anything else runs', async () => {
    const { dispatch, calls } = setup(async () => ok({}))
    const result = await dispatch('session:create', { ...session, processingTerminalId: 'x' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(calls).toEqual([])
  })

  it('resolves the environment for the handler, or refuses an unknown one', async () => {
    const { dispatch, calls } = setup(async () => ok({}))
    const unknown = await dispatch('vault:status', { environmentId: 'custom:gone', profile: 'default' })
    expect(unknown).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { environmentId: [expect.any(String)] } },
    })
    expect(calls).toEqual([])
    await dispatch('vault:status', { environmentId: 'sandbox', profile: 'default' })
    expect(calls).toEqual([{ request: expect.anything(), context: { environment: sandbox } }])
  })

  it('refuses a Production create without the confirmation, and lets it through with one', async () => {
    const { dispatch, calls } = setup(async () => ok({}))
    const refused = await dispatch('session:create', session)
    expect(refused).toMatchObject({ ok: false, error: { kind: 'confirmation-required' } })
    if (!refused.ok)
      expect(refused.error.message).toBe(
        'Creating a session in Production needs an explicit confirmation; nothing was sent.',
      )
    expect(calls).toEqual([])
    expect(await dispatch('session:create', { ...session, confirmProduction: true })).toMatchObject({
      ok: true,
    })
    expect(calls).toHaveLength(1)
  })

  it('takes a re-run’s environment from its history entry', async () => {
    const { dispatch, calls } = setup(async () => ok({}))
    expect(await dispatch('history:rerun', { id: 'h-prod' })).toMatchObject({
      ok: false,
      error: { kind: 'confirmation-required' },
    })
    await dispatch('history:rerun', { id: 'h-unknown' })
    expect(calls).toEqual([{ request: { id: 'h-unknown' }, context: {} }])
  })

  it('turns a throw into an internal error with the catalogue hint, and logs it', async () => {
    const { dispatch, logged } = setup(async () => {
      throw new Error('boom')
    })
    const result = await dispatch('app:info', {})
    expect(result).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'app:info failed unexpectedly', hint: HINTS.internal },
    })
    expect(logged).toEqual([{ level: 'error', message: 'app:info failed unexpectedly' }])
  })

  it('scrubs known secrets from every answer', async () => {
    const { dispatch } = setup(async () => ok({ name: `key ${SECRET}` }))
    expect(await dispatch('app:info', {})).toEqual({ ok: true, value: { name: 'key [redacted]' } })
  })

  it('every channel that asks for a confirmation accepts confirmProduction, and resolves an environment', () => {
    for (const channel of CHANNELS) {
      const { policy, request } = contract[channel]
      if (policy.production !== 'confirm') continue
      expect(policy.environment, channel).not.toBe('none')
      expect(Object.keys((request as unknown as { shape: object }).shape), channel).toContain(
        'confirmProduction',
      )
    }
  })
})
