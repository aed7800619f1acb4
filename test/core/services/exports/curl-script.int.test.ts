import { execFile } from 'node:child_process'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCurl } from '../../../../src/core/services/exports/curl'
import { buildCurlScripts } from '../../../../src/core/services/exports/curl-script'
import type { JournalAttempt } from '../../../../src/shared/contract'

// Runs the generated script with the real sh, curl and sed against a loopback identity + API server.
const API_KEY = 'loopback-api-key-1'
const BEARER = 'loopback-bearer-token-xyz'
const KEY = '6f1c2b9e-7d3a-4c8e-9b1f-2a3d4e5f6a7b'
const calls: { path: string; headers: IncomingHttpHeaders; body: string }[] = []
const server = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk: Buffer) => (body += chunk.toString()))
  req.on('end', () => {
    calls.push({ path: req.url ?? '', headers: req.headers, body })
    if (req.url === '/authorize') {
      const okKey = req.headers['x-api-key'] === API_KEY
      res.writeHead(okKey ? 200 : 401, { 'content-type': 'application/json' })
      res.end(okKey ? JSON.stringify({ access_token: BEARER, token_type: 'Bearer', expires_in: 3600 }) : '{}')
      return
    }
    res.writeHead(201, { 'content-type': 'application/json' })
    res.end('{"token":"t"}')
  })
})
let base = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function scripts() {
  const attempt: JournalAttempt = {
    n: 1,
    method: 'POST',
    url: `${base}/v1/processing-terminals/1234001/hosted-fields-sessions`,
    startedAt: '2026-12-02T00:00:00Z',
    durationMs: 1,
    request: {
      headers: { Authorization: 'Bearer x…y', 'Idempotency-Key': KEY, 'Content-Type': 'application/json' },
      body: '{"libVersion":"1.7.0.261457","scenario":"payment"}',
    },
  }
  return buildCurlScripts({
    command: buildCurl(attempt),
    identityBaseUrl: base,
    environmentLabel: 'Sandbox',
    method: 'POST',
    url: attempt.url,
    idempotencyKey: KEY,
  })
}
const run = (script: string, env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'sh',
      ['-c', script],
      { env: { PATH: process.env['PATH'] ?? '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })

describe('the Copy as cURL script, run for real', () => {
  it('gets a Bearer with the API key, then calls with it and the same Idempotency-Key', async () => {
    calls.length = 0
    const result = await run(scripts().replay, { PAYROC_API_KEY: API_KEY })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('201')
    expect(calls.map((call) => call.path)).toEqual([
      '/authorize',
      '/v1/processing-terminals/1234001/hosted-fields-sessions',
    ])
    expect(calls[1]?.headers['authorization']).toBe(`Bearer ${BEARER}`)
    expect(calls[1]?.headers['idempotency-key']).toBe(KEY)
    expect(calls[1]?.body).toBe('{"libVersion":"1.7.0.261457","scenario":"payment"}')
  })
  it('the fresh-key variant sends a new UUID v4 each run', async () => {
    calls.length = 0
    await run(scripts().freshKey, { PAYROC_API_KEY: API_KEY })
    await run(scripts().freshKey, { PAYROC_API_KEY: API_KEY })
    const keys = calls
      .filter((call) => call.path !== '/authorize')
      .map((call) => call.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i)
    expect(keys[0]).not.toBe(keys[1])
    expect(keys).not.toContain(KEY)
  })
  it('a rejected key stops after step 1 with a plain message; a missing key stops before any request', async () => {
    calls.length = 0
    const rejected = await run(scripts().replay, { PAYROC_API_KEY: 'wrong-key-123' })
    expect(rejected.code).toBe(1)
    expect(rejected.stderr).toContain('returned no access_token')
    expect(calls.map((call) => call.path)).toEqual(['/authorize'])
    calls.length = 0
    const missing = await run(scripts().replay, {})
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('set PAYROC_API_KEY')
    expect(calls).toEqual([])
  })
})
