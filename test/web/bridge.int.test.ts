// The browser preview's HTTP bridge against the real services: every rule of INTERFACES.md's "Browser preview".
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES, startWebConsole, type WebConsole } from '../../src/web/preview-server'
import { rawRequest } from '../support/sandbox'

type Answer = Awaited<ReturnType<typeof rawRequest>>

/** Raw HTTP, so Host and Origin can be set to anything (fetch would refuse or rewrite them). */
const send = (
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Answer> => rawRequest(`http://127.0.0.1:${port}`, { method: 'GET', ...options })

let web: WebConsole
let dataDir: string
let rendererDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hfc-web-'))
  // A stand-in for out/renderer so page serving is tested without a build.
  rendererDir = join(dataDir, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>console</title>')
  await writeFile(join(rendererDir, 'testpage.html'), '<!doctype html><title>test page</title>')
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  web = await startWebConsole({ port: 0, dataDir: join(dataDir, 'data'), rendererDir })
})

afterAll(async () => {
  await web?.close()
  await rm(dataDir, { recursive: true, force: true })
})

const host = () => `127.0.0.1:${web.port}`
const rpc = (channel: string, headers: Record<string, string> = {}, body: string | Buffer = '{}') =>
  send(web.port, {
    method: 'POST',
    path: `/rpc/${channel}`,
    headers: { host: host(), 'content-type': 'application/json', 'x-console-token': web.token, ...headers },
    body,
  })

const expectNoCors = (answer: Answer) => {
  for (const name of Object.keys(answer.headers)) expect(name).not.toMatch(/^access-control-/)
}

describe('browser preview bridge', () => {
  it('prints a URL whose fragment carries a 32-byte base64url secret', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/#token=${web.token}`)
    expect(web.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(web.testPageOrigin).not.toBe(`http://127.0.0.1:${web.port}`)
  })

  it('answers 200 with the Result for a valid call', async () => {
    const answer = await rpc('app:info')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toMatch(/^application\/json/)
    const result = JSON.parse(answer.text) as {
      ok: boolean
      value: { transport: string; testPageOrigin: string }
    }
    expect(result.ok).toBe(true)
    expect(result.value.transport).toBe('web')
    expect(result.value.testPageOrigin).toBe(web.testPageOrigin)
    expectNoCors(answer)
  })

  it('answers 200 with an error Result when the payload fails the schema', async () => {
    const answer = await rpc(
      'session:create',
      {},
      JSON.stringify({ environmentId: 'sandbox', processingTerminalId: '1' }),
    )
    expect(answer.status).toBe(200)
    const result = JSON.parse(answer.text) as { ok: boolean; error: { kind: string } }
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
  })

  it('creates a session in the embedded sandbox', async () => {
    const body = JSON.stringify({
      environmentId: 'sandbox',
      profile: 'default',
      processingTerminalId: '1234001',
      scenario: 'payment',
      libVersion: '1.7.0.261457',
    })
    const result = JSON.parse((await rpc('session:create', {}, body)).text) as {
      ok: boolean
      value: { token: string }
    }
    expect(result.ok).toBe(true)
    expect(result.value.token.length).toBeGreaterThan(10)
  })

  it('401 without the secret or with a wrong one', async () => {
    const missing = await send(web.port, {
      method: 'POST',
      path: '/rpc/app:info',
      headers: { host: host() },
      body: '{}',
    })
    expect(missing.status).toBe(401)
    const wrong = await rpc('app:info', { 'x-console-token': `${web.token.slice(0, -1)}x` })
    expect(wrong.status).toBe(401)
    expectNoCors(wrong)
  })

  it('403 for a foreign Host (DNS rebinding), also with the right secret', async () => {
    expect((await rpc('app:info', { host: `evil.example:${web.port}` })).status).toBe(403)
    expect((await rpc('app:info', { host: '127.0.0.1:1' })).status).toBe(403)
    expect((await rpc('app:info', { host: `localhost:${web.port}` })).status).toBe(200)
  })

  it('403 for a foreign Origin, 200 for the page’s own', async () => {
    const foreign = await rpc('app:info', { origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expectNoCors(foreign)
    expect((await rpc('app:info', { origin: 'null' })).status).toBe(403)
    expect((await rpc('app:info', { origin: web.testPageOrigin })).status).toBe(403)
    expect((await rpc('app:info', { origin: `http://127.0.0.1:${web.port}` })).status).toBe(200)
  })

  it('404 for an unknown channel', async () => {
    expect((await rpc('vault:dump')).status).toBe(404)
    expect((await rpc('')).status).toBe(404)
  })

  it('413 over 256 KB', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) })
    expect((await rpc('app:info', {}, big)).status).toBe(413)
  })

  it('400 for a body that is not JSON', async () => {
    expect((await rpc('app:info', {}, '{not json')).status).toBe(400)
  })

  it('405 for other methods', async () => {
    const answer = await send(web.port, {
      method: 'GET',
      path: '/rpc/app:info',
      headers: { host: host(), 'x-console-token': web.token },
    })
    expect(answer.status).toBe(405)
    expect((await send(web.port, { method: 'DELETE', path: '/', headers: { host: host() } })).status).toBe(
      405,
    )
  })

  it('serves the page with a strict CSP and security headers, and the test page only from its own origin', async () => {
    const page = await send(web.port, { path: '/', headers: { host: host() } })
    expect(page.status).toBe(200)
    const csp = String(page.headers['content-security-policy'])
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "connect-src 'self'",
      `frame-src ${web.testPageOrigin}`,
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive)
    }
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expectNoCors(page)
    expect((await send(web.port, { path: '/testpage.html', headers: { host: host() } })).status).toBe(404)
    expect((await send(web.port, { path: '/../package.json', headers: { host: host() } })).status).toBe(404)
    expect((await send(web.port, { path: '/%2e%2e/package.json', headers: { host: host() } })).status).toBe(
      404,
    )

    const testPort = Number(new URL(web.testPageOrigin).port)
    const testPage = await send(testPort, {
      path: '/testpage.html',
      headers: { host: `127.0.0.1:${testPort}` },
    })
    expect(testPage.status).toBe(200)
    expect(String(testPage.headers['content-security-policy'])).toContain(
      `frame-ancestors http://127.0.0.1:${web.port}`,
    )
    expect(
      (await send(testPort, { path: '/index.html', headers: { host: `127.0.0.1:${testPort}` } })).status,
    ).toBe(404)
  })

  it('streams events to a client with the secret and refuses one without', async () => {
    expect((await send(web.port, { path: '/events', headers: { host: host() } })).status).toBe(401)
    expect(
      (
        await send(web.port, {
          path: `/events?token=${web.token}`,
          headers: { host: host(), origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(403)

    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: web.port, path: `/events?token=${web.token}`, headers: { host: host() } },
        (res) => {
          expect(res.statusCode).toBe(200)
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
          let text = ''
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8')
            if (text.includes('data: ')) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', (error) => {
        if (!(error as NodeJS.ErrnoException).code?.startsWith('ECONNRESET')) reject(error)
      })
      req.end()
    })
    // Give the stream a moment to subscribe, then cause a journal event.
    await new Promise((r) => setTimeout(r, 100))
    await rpc('vault:test', {}, JSON.stringify({ environmentId: 'sandbox', profile: 'default' }))
    const text = await received
    const line = text.split('\n').find((l) => l.startsWith('data: '))
    expect(JSON.parse(line?.slice(6) ?? 'null')).toHaveProperty('type')
  })
})
