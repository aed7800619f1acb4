import { describe, expect, it } from 'vitest'
import type { SessionCreated } from '@shared/contract'
import { PAYROC_ENVIRONMENTS, sandboxEnvironment } from '@shared/environments'
import { cdnOrigin, sessionForPage } from '@renderer/features/testpage/session-for-page'

const session = { sessionToken: 'a5b804141eaea8f9578d692fba4befefa5b71c27d6cf2562' }

describe('the session the console hands the test page', () => {
  const created = {
    environmentId: 'uat',
    processingTerminalId: '1234001',
    scenario: 'tokenization',
    libVersion: '1.7.0.261457',
    token: session.sessionToken,
    expiresAt: new Date().toISOString(),
    receivedAt: new Date().toISOString(),
    idempotencyKey: 'k',
    attempts: 1,
    durationMs: 1,
    journalId: 'j',
  } satisfies SessionCreated
  const uat = { id: 'uat', ...PAYROC_ENVIRONMENTS.uat }
  const production = { id: 'production', ...PAYROC_ENVIRONMENTS.production }

  it('carries SRI only for a version known in that environment', () => {
    expect(sessionForPage(created, uat, '')).toMatchObject({
      mode: 'tokenization',
      scriptUrl: 'https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-1.7.0.261457.js',
      integrity: expect.stringMatching(/^sha384-/),
    })
    // "UAT version copied into production": the script exists nowhere with that SRI, so none is sent.
    expect(
      sessionForPage({ ...created, environmentId: 'production' }, production, '')?.integrity,
    ).toBeUndefined()
    expect(
      sessionForPage(created, sandboxEnvironment('http://127.0.0.1:4010'), '')?.integrity,
    ).toBeUndefined()
  })
  it('loads the Script version override instead, and refuses one that is no version', () => {
    const page = sessionForPage(created, uat, '1.7.0.261471')
    expect(page?.scriptUrl).toMatch(/hosted-fields-1\.7\.0\.261471\.js$/)
    expect(page?.libVersion).toBe('1.7.0.261457')
    expect(page?.integrity).toBeUndefined()
    expect(sessionForPage(created, uat, '../evil')).toBeNull()
  })
  it('hands Payroc’s own script (Sandbox) with its SRI, whatever the session’s libVersion or the override', () => {
    const sandbox = sandboxEnvironment('http://127.0.0.1:4010')
    const payroc = {
      libVersion: '1.7.0.261471',
      integrity: 'sha384-y',
      cdnBase: 'https://cdn.uat.payroc.com',
    }
    const page = sessionForPage({ ...created, environmentId: 'sandbox' }, sandbox, '1.7.0.1', payroc)
    expect(page).toMatchObject({
      scriptUrl: 'https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-1.7.0.261471.js',
      integrity: 'sha384-y',
      libVersion: '1.7.0.261457',
    })
    expect(page?.environmentName).toContain("Payroc's own script")
    expect(cdnOrigin(sandbox, payroc)).toBe('https://cdn.uat.payroc.com')
    expect(cdnOrigin(sandbox)).toBe('http://127.0.0.1:4010')
  })
})
