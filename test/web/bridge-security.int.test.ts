/**
 * Browser-preview bridge (SECURITY.md, the bridge): what test/web/bridge.int.test.ts does not cover already —
 * loopback-only binding, a chunked body past the limit (no Content-Length to refuse early), the secret accepted
 * only in its header for /rpc, no channel enumeration without the secret, and no CORS preflight.
 */
import { existsSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES, startWebConsole, type WebConsole } from '../../src/web/preview-server'
import { rawRequest } from '../support/sandbox'

let web: WebConsole
let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hfc-bridge-'))
  const rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>console</title>')
  await writeFile(join(rendererDir, 'testpage.html'), '<!doctype html><title>test page</title>')
  web = await startWebConsole({ port: 0, dataDir: join(root, 'data'), rendererDir })
})
afterAll(async () => {
  await web?.close()
  await rm(root, { recursive: true, force: true })
})

const host = () => `127.0.0.1:${web.port}`
const rpc = (
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; chunks?: Buffer[] } = {},
) =>
  rawRequest(`http://127.0.0.1:${web.port}`, {
    method: options.method ?? 'POST',
    path,
    headers: { host: host(), 'content-type': 'application/json', ...options.headers },
    ...(options.chunks ? { chunks: options.chunks } : { body: options.body ?? '{}' }),
  })

/** Whether a TCP connection to address:port succeeds within a second. */
const reachable = (address: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: address, port, timeout: 1000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })

describe('browser preview bridge: hardening beyond web-bridge.test.ts', () => {
  it('listens on 127.0.0.1 only: not reachable on any other interface of this machine', async () => {
    expect(web.origin).toBe(`http://127.0.0.1:${web.port}`)
    expect(await reachable('127.0.0.1', web.port)).toBe(true)
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((item) => item !== undefined && !item.internal && item.family === 'IPv4')
      .map((item) => item?.address ?? '')
    for (const address of external) expect(await reachable(address, web.port), address).toBe(false)
    // The test page server is a second loopback listener, just as closed to the network.
    const testPagePort = Number(new URL(web.testPageOrigin).port)
    for (const address of external) expect(await reachable(address, testPagePort), address).toBe(false)
  })

  it('413 for a chunked body past 256 KB (no Content-Length to refuse up front)', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const chunks = Array.from({ length: Math.ceil(MAX_BODY_BYTES / chunk.length) + 1 }, () => chunk)
    const answer = await rpc('/rpc/app:info', { headers: { 'x-console-token': web.token }, chunks })
    expect(answer.status).toBe(413)
  })

  it('accepts the secret only in x-console-token for /rpc (not the query string, not a cookie)', async () => {
    expect((await rpc(`/rpc/app:info?token=${web.token}`)).status).toBe(401)
    expect((await rpc('/rpc/app:info', { headers: { cookie: `token=${web.token}` } })).status).toBe(401)
    expect((await rpc('/rpc/app:info', { headers: { authorization: `Bearer ${web.token}` } })).status).toBe(
      401,
    )
    expect((await rpc('/rpc/app:info', { headers: { 'x-console-token': web.token } })).status).toBe(200)
  })

  it('does not reveal which channels exist without the secret (401 before 404)', async () => {
    expect((await rpc('/rpc/vault:dump')).status).toBe(401)
    expect((await rpc('/rpc/app:info')).status).toBe(401)
    expect((await rpc('/rpc/vault:dump', { headers: { 'x-console-token': web.token } })).status).toBe(404)
  })

  it('answers a CORS preflight without any Access-Control header', async () => {
    const answer = await rpc('/rpc/app:info', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-console-token, content-type',
      },
      body: '',
    })
    expect(answer.status).toBeGreaterThanOrEqual(400)
    for (const name of Object.keys(answer.headers)) expect(name).not.toMatch(/^access-control-/)
  })

  it('answers GET /rpc/%E0 (what an <img> on any page sends) with 400 and writes no log line', async () => {
    const log = join(root, 'data', 'console.log')
    const before = await readFile(log, 'utf8')
    for (const path of ['/rpc/%E0', '/rpc/%zz', '/events?token=%E0']) {
      const answer = await rawRequest(`http://127.0.0.1:${web.port}`, {
        method: 'GET',
        path,
        headers: { host: host() },
      })
      expect(answer.status).toBe(400)
    }
    expect(await readFile(log, 'utf8')).toBe(before)
  })

  it('a flood of 30,000 malformed requests rotates nothing away: the startup line stays', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 32 })
    const one = () =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: web.port, path: '/rpc/%E0', headers: { host: host() }, agent },
          (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          },
        )
        req.on('error', reject)
        req.end()
      })
    let next = 0
    const statuses = new Set<number>()
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < 30_000) {
          next += 1
          statuses.add(await one())
        }
      }),
    )
    agent.destroy()
    expect([...statuses]).toEqual([400])
    const log = join(root, 'data', 'console.log')
    expect(await readFile(log, 'utf8')).toContain('browser preview started')
    expect(existsSync(`${log}.1`)).toBe(false)
  }, 120_000)
})
