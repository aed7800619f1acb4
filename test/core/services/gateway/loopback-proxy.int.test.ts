/**
 * With HTTP_PROXY / HTTPS_PROXY set and NO_PROXY empty, a whole console (identity call, create, preflight) on the
 * embedded loopback sandbox goes direct: the recording proxy sees nothing, the create succeeds, and preflight says
 * it reached the host itself rather than "Proxy …". Before the fix axios read the variables and sent the identity
 * call (with x-api-key) to the proxy in clear text, and the create came back 502.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../../src/core/console-app'
import { call } from '../../../support/call'
import { consoleOptions, sessionInput, tempDir } from '../../../support/console-fixtures'

const saved = { ...process.env }
const proxied: string[] = []
let proxy: Server
let app: ConsoleApp

beforeAll(async () => {
  proxy = createServer((req, res) => {
    proxied.push(`${req.method ?? ''} ${req.url ?? ''}`)
    res.writeHead(502).end('proxy')
  })
  proxy.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url ?? ''}`)
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
  })
  const port = await new Promise<number>((resolve) =>
    proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as AddressInfo).port)),
  )
  delete process.env['http_proxy']
  delete process.env['https_proxy']
  delete process.env['no_proxy']
  delete process.env['all_proxy']
  delete process.env['ALL_PROXY']
  process.env['HTTP_PROXY'] = `http://127.0.0.1:${port}`
  process.env['HTTPS_PROXY'] = `http://127.0.0.1:${port}`
  process.env['NO_PROXY'] = ''
  app = await createConsole(consoleOptions(await tempDir('hfc-loopback-proxy-')))
})
afterAll(async () => {
  await app.close()
  process.env = saved
  await new Promise((resolve) => proxy.close(resolve))
})

it('creates a session on the loopback sandbox directly, never through the proxy', async () => {
  const created = await call(app, 'session:create', sessionInput())
  expect(created.ok).toBe(true)
  expect(proxied).toEqual([])
})

it('preflight reports the loopback host as reached directly, the same decision as the client', async () => {
  const report = await call(app, 'preflight:run', {
    environmentId: 'sandbox',
    profile: 'default',
    processingTerminalId: '1234001',
    libVersion: '1.7.0.261457',
  })
  expect(report.ok).toBe(true)
  const text = JSON.stringify(report)
  expect(text).toMatch(/Reached 127\.0\.0\.1/)
  expect(text).not.toMatch(/Proxy http/)
  expect(proxied).toEqual([])
})
