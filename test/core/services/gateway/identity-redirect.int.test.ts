/**
 * An identity host that answers /authorize with a redirect (a wrong identity base URL, a login page in front):
 * its own error naming where it pointed (without the Location's query), not "Identity rejected the API key";
 * the redirect is not followed, so the key went to the configured host only.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../../src/core/console-app'
import { call } from '../../../support/call'
import {
  consoleOptions,
  saveCustomEnvironment,
  sessionInput,
  tempDir,
} from '../../../support/console-fixtures'
import { startHostileGateway, type HostileGateway } from '../../../support/hostile-gateway'

let gateway: HostileGateway
let app: ConsoleApp
beforeAll(async () => {
  gateway = await startHostileGateway()
  app = await createConsole(consoleOptions(await tempDir('hfc-identity-redirect-')))
})
afterAll(async () => {
  await app?.close()
  await gateway?.close()
})

it('answers a 302 from /authorize with "Identity redirected to …", not "rejected the API key"', async () => {
  gateway.authorize = {
    kind: 'redirect',
    status: 302,
    location: 'https://login.example.test/sso?session=abc',
  }
  const apiKey = `redirect-key-${randomBytes(8).toString('hex')}`
  const environmentId = await saveCustomEnvironment(app, 'Redirecting identity', gateway.base, apiKey)
  const created = await call(app, 'session:create', sessionInput({ environmentId, profile: 'default' }))
  expect(created.ok).toBe(false)
  if (created.ok) return
  expect(created.error.message).toMatch(
    /^Identity redirected to https:\/\/login\.example\.test\/sso \(HTTP 302\)/,
  )
  expect(created.error.message).not.toMatch(/rejected/)
  expect(created.error.message).not.toContain('session=abc')
  expect(gateway.seen.filter((seen) => seen.url.startsWith('/authorize')).length).toBeGreaterThanOrEqual(1)
})
