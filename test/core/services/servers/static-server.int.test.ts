// The static file server both shells use for built pages: only files under root, only GET/HEAD, Host checked.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startStaticServer,
  toRelativePath,
  type StaticServer,
} from '../../../../src/core/services/servers/static-server'
import { rawRequest } from '../../../support/sandbox'

let dir: string
let server: StaticServer

const get = async (path: string, options: { method?: string; host?: string } = {}) => {
  const answer = await rawRequest(server.origin, {
    method: options.method ?? 'GET',
    path,
    headers: { host: options.host ?? `127.0.0.1:${server.port}` },
  })
  return { ...answer, body: answer.text }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfc-static-'))
  await mkdir(join(dir, 'root/assets'), { recursive: true })
  await writeFile(join(dir, 'root/index.html'), '<!doctype html><p>home</p>')
  await writeFile(join(dir, 'root/assets/app-123.js'), 'export {}')
  await writeFile(join(dir, 'secret.txt'), 'outside the root')
  await symlink(join(dir, 'secret.txt'), join(dir, 'root/link.txt'))
  server = await startStaticServer({
    root: join(dir, 'root'),
    headers: () => ({ 'Content-Security-Policy': "default-src 'self'" }),
  })
})

afterAll(async () => {
  await server?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('static server', () => {
  it('serves index.html for / with security headers and the right type', async () => {
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('home')
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.headers['content-security-policy']).toBe("default-src 'self'")
    expect(page.headers['cache-control']).toBe('no-cache')
  })

  it('caches hashed assets for good and answers HEAD without a body', async () => {
    const asset = await get('/assets/app-123.js', { method: 'HEAD' })
    expect(asset.status).toBe(200)
    expect(asset.body).toBe('')
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(asset.headers['cache-control']).toContain('immutable')
  })

  it('never leaves the root: traversal, encoded traversal, symlinks out, folders', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/link.txt',
      '/assets',
    ]) {
      expect((await get(path)).status, path).toBe(404)
    }
  })

  it('refuses other methods and foreign Host names', async () => {
    expect((await get('/', { method: 'POST' })).status).toBe(405)
    expect((await get('/', { host: 'evil.example' })).status).toBe(403)
    expect((await get('/', { host: `localhost:${server.port}` })).status).toBe(200)
  })

  it('maps URL paths to safe relative paths', () => {
    expect(toRelativePath('/')).toBe('index.html')
    expect(toRelativePath('/?x=1')).toBe('index.html')
    expect(toRelativePath('/assets/a.js?v=2')).toBe('assets/a.js')
    expect(toRelativePath('/a%00b')).toBeNull()
    expect(toRelativePath('/a\\..\\b')).toBeNull()
    expect(toRelativePath('//etc/passwd')).toBeNull()
    expect(toRelativePath('/%E0%A4%A')).toBeNull()
  })
})
