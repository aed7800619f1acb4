import { describe, expect, it } from 'vitest'
import type { RequestOf, ResponseOf } from '@shared/contract'
import { DEFAULT_PROFILE as SHARED_DEFAULT_PROFILE } from '@shared/environments'
import type { AppError } from '@shared/result'
import { DEFAULT_PROFILE } from '@renderer/constants'
import { PREF_ENVIRONMENT } from '@renderer/features/environment/environment-slice'
import { fieldErrorsOf } from '@renderer/features/session/session-slice'
import { environment, startedStore, type Handlers } from '../support/renderer-transport'
import { sessionCreatedFor } from './session-created'

const ENVIRONMENTS = [
  environment('sandbox', 'sandbox'),
  environment('production', 'production', { defaultLibVersion: '1.7.0.261471' }),
  environment('custom:merchant', 'custom', { defaultLibVersion: '1.7.0.1' }),
]

const created = (request: RequestOf<'session:create'>): ResponseOf<'session:create'> =>
  sessionCreatedFor(request)

/** This suite's channels: a custom environment, a vault configured in the Sandbox only, and sessions. */
const STORE_HANDLERS: Handlers = {
  'environment:list': () => ({
    ok: true,
    value: { environments: ENVIRONMENTS, sandboxUrl: 'http://127.0.0.1:4010' },
  }),
  'vault:status': (r) => ({
    ok: true,
    value: {
      ...r,
      configured: r.environmentId === 'sandbox',
      source: r.environmentId === 'sandbox' ? 'managed' : 'none',
      keychain: { available: true },
      profiles: [r.profile],
    },
  }),
  'vault:setKey': (r) => ({
    ok: true,
    value: {
      environmentId: r.environmentId,
      profile: r.profile,
      configured: true,
      masked: `${r.apiKey.slice(0, 4)}…${r.apiKey.slice(-4)}`,
      source: 'keychain',
      keychain: { available: true },
      profiles: [r.profile],
    },
  }),
  'session:create': (r) => ({ ok: true, value: created(r) }),
}

const started = (overrides: Handlers = {}, preferences: Storage | null = null) =>
  startedStore({ ...STORE_HANDLERS, ...overrides }, preferences)

const memoryStorage = (): Storage => {
  const data = new Map<string, string>()
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
    key: () => null,
    get length() {
      return data.size
    },
  }
}

describe('store slices', () => {
  it('mirrors the shared default profile', () => {
    expect(DEFAULT_PROFILE).toBe(SHARED_DEFAULT_PROFILE)
  })

  it('starts in the Sandbox with its terminal and library version, pre-warming and reading the vault', async () => {
    const { store, count } = await started()
    const s = store.getState()
    expect(s.app.status).toBe('ready')
    expect(s.environment.environmentId).toBe('sandbox')
    expect(s.session.form.processingTerminalId).toBe('1234001')
    expect(s.session.form.libVersion).toBe('1.7.0.261457')
    expect(s.vault.status?.source).toBe('managed')
    expect(count('environment:select')).toBe(1)
  })

  it('shows why it could not start', async () => {
    const failure: AppError = { kind: 'network', message: 'down', hint: 'restart' }
    const { store } = await started({ 'app:info': async () => ({ ok: false, error: failure }) })
    expect(store.getState().app.status).toBe('failed')
    expect(store.getState().app.error).toEqual(failure)
  })

  it('rejects a 3-character terminal ID with the schema message and sends nothing', async () => {
    const { store, count } = await started()
    store.getState().session.setField('processingTerminalId', '123')
    await store.getState().session.submit()
    expect(store.getState().session.fieldErrors.processingTerminalId).toEqual([
      'Processing terminal ID must be at least 4 characters',
    ])
    expect(count('session:create')).toBe(0)
    store.getState().session.setField('processingTerminalId', '1234')
    expect(store.getState().session.fieldErrors.processingTerminalId).toBeUndefined()
  })

  it('stores the created session and omits an empty secure token ID', async () => {
    const { store, calls } = await started()
    await store.getState().session.submit()
    expect(store.getState().session.created?.token).toHaveLength(48)
    expect(store.getState().session.pending).toBe(false)
    const request = calls.find((c) => c.channel === 'session:create')?.request
    expect(request).toEqual({
      environmentId: 'sandbox',
      profile: 'default',
      processingTerminalId: '1234001',
      scenario: 'payment',
      libVersion: '1.7.0.261457',
      // Cancel request's handle on this create.
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
  })

  it('puts gateway errors[] items next to their fields and keeps the rest general', async () => {
    const error: AppError = {
      kind: 'validation',
      status: 400,
      message: 'Bad request',
      hint: 'fix it',
      problem: {
        type: 'https://docs.payroc.com/api/errors#bad-request',
        title: 'Bad Request',
        status: 400,
        detail: 'One or more validation errors occurred.',
        errors: [
          { parameter: 'libVersion', message: 'Unknown library version' },
          { parameter: 'merchant', message: 'Merchant suspended' },
        ],
      },
    }
    const { store } = await started({ 'session:create': async () => ({ ok: false, error }) })
    await store.getState().session.submit()
    const { fieldErrors, error: shown } = store.getState().session
    expect(shown).toEqual(error)
    expect(fieldErrors.libVersion).toEqual(['libVersion: Unknown library version'])
    expect(fieldErrors.general).toEqual(['merchant: Merchant suspended'])
  })

  it('maps validation fields by their last path segment', () => {
    expect(fieldErrorsOf({ fields: { 'body.scenario': ['scenario must be x'], '(body)': ['bad'] } })).toEqual(
      {
        scenario: ['scenario must be x'],
        general: ['bad'],
      },
    )
  })

  it('asks before creating in production and re-sends with confirmProduction', async () => {
    const { store, calls, count } = await started()
    await store.getState().environment.select('production')
    expect(store.getState().session.form.processingTerminalId).toBe('')
    expect(store.getState().session.form.libVersion).toBe('1.7.0.261471')
    store.getState().session.setField('processingTerminalId', '1234001')
    await store.getState().session.submit()
    expect(store.getState().session.confirming).toBe(true)
    expect(count('session:create')).toBe(0)

    store.getState().session.cancel()
    expect(store.getState().session.confirming).toBe(false)
    expect(count('session:create')).toBe(0)

    await store.getState().session.submit()
    await store.getState().session.confirm()
    expect(store.getState().session.confirming).toBe(false)
    expect(calls.find((c) => c.channel === 'session:create')?.request).toMatchObject({
      confirmProduction: true,
    })
  })

  it('opens the confirmation when main insists on one', async () => {
    const { store } = await started({
      'session:create': async () => ({
        ok: false,
        error: { kind: 'confirmation-required', message: 'confirm', hint: 'confirm' },
      }),
    })
    await store.getState().session.submit()
    expect(store.getState().session.confirming).toBe(true)
    expect(store.getState().session.error).toBeNull()
  })

  it('validates the API key before sending and never keeps it in the store', async () => {
    const { store, count } = await started()
    await store.getState().environment.select('custom:merchant')
    expect(await store.getState().vault.saveKey('short')).toBe(false)
    expect(store.getState().vault.keyError).toBe('apiKey must be at least 8 characters')
    expect(count('vault:setKey')).toBe(0)

    const key = 'merchant-key-0123456789'
    expect(await store.getState().vault.saveKey(key)).toBe(true)
    expect(store.getState().vault.status?.masked).toBe('merc…6789')
    expect(JSON.stringify(store.getState())).not.toContain(key)
  })

  it('ignores a vault status that arrives after the user moved on', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const { store } = await started({
      'vault:status': async (r) => {
        if (r.environmentId === 'production') await gate
        return {
          ok: true,
          value: { ...r, configured: false, source: 'none', keychain: { available: true }, profiles: [] },
        }
      },
    })
    const slow = store.getState().environment.select('production')
    await store.getState().environment.select('custom:merchant')
    release()
    await slow
    expect(store.getState().environment.environmentId).toBe('custom:merchant')
    expect(store.getState().vault.status?.environmentId).toBe('custom:merchant')
  })

  it('remembers the environment for the next launch', async () => {
    const preferences = memoryStorage()
    const first = await started({}, preferences)
    await first.store.getState().environment.select('custom:merchant')
    expect(preferences.getItem(PREF_ENVIRONMENT)).toBe('custom:merchant')
    const second = await started({}, preferences)
    expect(second.store.getState().environment.environmentId).toBe('custom:merchant')
  })
})
