// Issue 7 (bench row 1): a custom environment's production check is remembered per stored version; an edit
// must still change it, and callers must still get their own copy.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Environments } from '../../../../src/core/services/gateway/environment-store'

const nullLogger = { log: () => undefined }
const base = {
  name: 'Merchant B',
  apiBase: 'https://api.payroc.com/v1',
  identityBase: 'https://identity.payroc.com',
  cdnBase: 'https://cdn.payroc.com',
}

describe('custom environment production check', () => {
  it('follows edits and hands out copies', async () => {
    const envs = await Environments.open(
      await mkdtemp(path.join(tmpdir(), 'hfc-env-cache-')),
      'http://127.0.0.1:4555',
      nullLogger,
    )
    const saved = await envs.saveCustom(base)
    expect(saved.ok && saved.value.requiresConfirmation).toBe(true)
    const id = saved.ok ? saved.value.id : ''
    const first = envs.get(id)
    expect(first?.requiresConfirmation).toBe(true)
    if (first) first.requiresConfirmation = false
    expect(envs.get(id)?.requiresConfirmation).toBe(true)
    await envs.saveCustom({
      ...base,
      id,
      apiBase: 'https://api.merchant.example/v1',
      identityBase: 'https://identity.merchant.example',
    })
    expect(envs.get(id)?.requiresConfirmation).toBe(false)
    expect(envs.get(id)?.apiBase).toBe('https://api.merchant.example/v1')
  })
})
