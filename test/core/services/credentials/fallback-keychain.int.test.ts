import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { keytarStore } from '../../../../src/core/services/credentials/keytar-store'
import { chooseSecretStore } from '../../../../src/core/services/credentials/fallback-store'

// Runs inside scripts/with-keyring.sh: a real Secret Service, so the real keychain is chosen over any fallback.
it('with a reachable Secret Service the real keychain is chosen and labelled "OS keychain"', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hfc-fallback-int-'))
  try {
    const keychain = keytarStore()
    const choice = await chooseSecretStore({
      keychain,
      service: 'hosted-fields-console-fallback-test',
      dataDir: dir,
      platform: process.platform,
    })
    expect(choice.keychainProblem?.message).toBeUndefined()
    expect(choice).toMatchObject({ kind: 'keychain', label: 'OS keychain', offerSessionOnly: false })
    expect(choice.store).toBe(keychain)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
