/**
 * Network failure kinds over real sockets: an untrusted TLS certificate, an HTTPS proxy from the environment
 * (CONNECT is sent to it), an unresolvable host, and single-flight identity under concurrent creates.
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../../../src/core/console-app'
import { createConsole } from '../../../../src/core/console-app'
import type { CreateSessionInput } from '../../../../src/shared/contract'
import {
  consoleOptions,
  saveCustomEnvironment,
  selfSignedServer,
  sessionInput,
  tempDir,
} from '../../../support/console-fixtures'
import { call } from '../../../support/call'
import { sandboxControlClient } from '../../../../src/sandbox/control-client'

let app: ConsoleApp
const KEY = 'network-test-key-1234'

const create = (environmentId: string, overrides: Partial<CreateSessionInput> = {}) =>
  call(app, 'session:create', sessionInput({ environmentId, ...overrides }))

const customEnvironment = (name: string, base: string, apiKey = KEY): Promise<string> =>
  saveCustomEnvironment(app, name, base, apiKey)

beforeAll(async () => {
  app = await createConsole(
    consoleOptions(await tempDir('hfc-network-'), {
      gateway: { retry: { baseDelayMs: 5 }, timeouts: { connectTimeoutMs: 2000, responseTimeoutMs: 2000 } },
    }),
  )
})
afterAll(async () => app.close())

describe('network failure kinds', () => {
  it('an untrusted (self-signed) certificate is tls, with the NODE_EXTRA_CA_CERTS hint', async () => {
    const { server, port } = await selfSignedServer()
    try {
      // https on loopback is allowed too; http-only rules apply to remote hosts.
      const id = await customEnvironment('Self signed', `https://127.0.0.1:${port}`)
      const result = await create(id)
      expect(result).toMatchObject({ ok: false, error: { kind: 'tls' } })
      if (!result.ok) expect(result.error.hint).toContain('NODE_EXTRA_CA_CERTS')
    } finally {
      server.close()
    }
  })

  it('an unresolvable host is network', async () => {
    const id = await customEnvironment('Nowhere', 'https://gateway.nowhere.invalid')
    const result = await create(id)
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } })
    if (!result.ok) expect(result.error.message).toMatch(/ENOTFOUND|EAI_AGAIN/)
  })

  it('HTTPS_PROXY is honoured: the identity call goes to the proxy as CONNECT', async () => {
    const seen: string[] = []
    const proxy = net.createServer((socket) => {
      socket.once('data', (chunk) => {
        seen.push(chunk.toString('latin1').split('\r\n')[0] ?? '')
        socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n')
      })
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    const previous = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY }
    process.env.HTTPS_PROXY = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`
    delete process.env.NO_PROXY
    try {
      const id = await customEnvironment('Behind proxy', 'https://identity.proxied.example')
      const result = await create(id)
      expect(result.ok).toBe(false)
      expect(seen[0]).toBe('CONNECT identity.proxied.example:443 HTTP/1.1')
      // Every call the proxy saw was for that host (the key's pre-warm and the create's own identity call).
      expect(new Set(seen)).toEqual(new Set(['CONNECT identity.proxied.example:443 HTTP/1.1']))
      // The embedded sandbox (loopback) still bypasses the proxy.
      const before = seen.length
      expect((await create('sandbox')).ok).toBe(true)
      expect(seen).toHaveLength(before)
    } finally {
      if (previous.HTTPS_PROXY === undefined) delete process.env.HTTPS_PROXY
      else process.env.HTTPS_PROXY = previous.HTTPS_PROXY
      if (previous.NO_PROXY !== undefined) process.env.NO_PROXY = previous.NO_PROXY
      proxy.close()
    }
  })

  it('concurrent creates on a cold profile share one identity call', async () => {
    const sandboxUrl = app.info.sandboxUrl
    const stats = async () => (await sandboxControlClient(sandboxUrl).stats()).requests
    // Counted from before the key is saved: its background pre-warm and the six creates share one identity call.
    const before = await stats()
    const id = await customEnvironment('Sandbox again', sandboxUrl, 'sandbox-api-key')
    const results = await Promise.all(Array.from({ length: 6 }, () => create(id)))
    expect(results.every((result) => result.ok)).toBe(true)
    const after = await stats()
    expect(after.authorize - before.authorize).toBe(1)
    expect(after.sessions - before.sessions).toBe(6)
    const keys = new Set(results.map((result) => (result.ok ? result.value.idempotencyKey : '')))
    expect(keys.size).toBe(6) // one fresh key per logical request
  })
})
