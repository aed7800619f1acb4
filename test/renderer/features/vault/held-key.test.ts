/** Credentials' held-key prompt in the vault slice: the status carries the hold; Confirm calls vault:confirmKey. */
import { describe, expect, it } from 'vitest'
import type { VaultStatus } from '@shared/contract'
import { startedStore } from '../../../support/renderer-transport'

const status = (held: boolean): VaultStatus => ({
  environmentId: 'sandbox',
  profile: 'default',
  configured: true,
  masked: 'abcd…wxyz',
  source: 'keychain',
  keychain: { available: true },
  profiles: ['default'],
  ...(held ? { hostsChanged: { identityHost: 'identity.new.test' } } : {}),
})

describe('a held key', () => {
  it('shows the hold from vault:status and Confirm releases it', async () => {
    const { store, requests } = await startedStore({
      'vault:status': () => ({ ok: true, value: status(true) }),
      'vault:confirmKey': () => ({ ok: true, value: status(false) }),
    })
    await store.getState().vault.refresh()
    expect(store.getState().vault.status?.hostsChanged).toEqual({ identityHost: 'identity.new.test' })
    await store.getState().vault.confirmKey()
    expect(requests('vault:confirmKey')).toEqual([{ environmentId: 'sandbox', profile: 'default' }])
    expect(store.getState().vault.status?.hostsChanged).toBeUndefined()
    expect(store.getState().vault.notice).toMatch(/confirmed/)
  })
})
