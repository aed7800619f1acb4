/** The CLI: one stdout line, serves the contract, exits 0 on SIGTERM/SIGINT, 2 on bad flags. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { authorize, call, createSession, expectProblem } from '../support/sandbox'

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')

function run(args: string[]): {
  child: ChildProcess
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>
} {
  const child = spawn(TSX, ['src/sandbox/sandbox-cli.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (data: Buffer) => (stdout += data.toString()))
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()))
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  )
  return { child, exit }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.once('line', (line) => resolve(line))
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)))
  })
}

describe('sandbox CLI', () => {
  it('prints exactly one line, serves the contract, and exits 0 on SIGTERM', async () => {
    const { child, exit } = run([
      '--port',
      '0',
      '--api-key',
      'cli-key',
      '--session-ttl',
      '120',
      '--latency',
      '0',
    ])
    const line = await firstLine(child)
    const match = /^Sandbox gateway listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line)
    expect(match, line).not.toBeNull()
    const base = match?.[1] ?? ''
    expectProblem(
      await call(`${base}/authorize`, { method: 'POST', headers: { 'x-api-key': 'sandbox-api-key' } }),
      401,
    )
    const bearer = await authorize(base, 'cli-key')
    const session = await createSession(base, bearer)
    expect(session.status).toBe(201)
    expect(
      Date.parse(session.json.expiresAt) - Date.parse(session.headers.get('date') ?? ''),
    ).toBeLessThanOrEqual(121_000)
    child.kill('SIGTERM')
    const result = await exit
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${line}\n`)
    expect(result.stderr).toContain('listening')
    expect(result.stderr).not.toContain('cli-key')
  })

  it('exits 0 on SIGINT and reads a terminals file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'))
    const file = join(dir, 'terminals.json')
    writeFileSync(
      file,
      JSON.stringify([{ processingTerminalId: '8800001', payment: true, tokenization: false }]),
    )
    const { child, exit } = run(['--port=0', '--host', '127.0.0.1', '--terminals', file])
    const base = (await firstLine(child)).replace('Sandbox gateway listening on ', '')
    const bearer = await authorize(base)
    expect((await createSession(base, bearer, { terminal: '8800001' })).status).toBe(201)
    expectProblem(await createSession(base, bearer, { terminal: '1234001' }), 403)
    child.kill('SIGINT')
    expect((await exit).code).toBe(0)
  })

  it.each([
    [['--bogus']],
    [['--port']],
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--token-ttl', '0']],
    [['--latency', '-5']],
    [['--api-key', '']],
    [['stray']],
  ])('exits 2 with a message on stderr for %j', async (args) => {
    const result = await run(args).exit
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/sandbox: .+\n[\s\S]*usage:/)
  })

  it('exits 2 for an invalid terminals file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'))
    const file = join(dir, 'terminals.json')
    writeFileSync(file, JSON.stringify([{ processingTerminalId: '12', payment: true }]))
    const result = await run(['--port', '0', '--terminals', file]).exit
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('invalid terminals file')
    expect(result.stdout).toBe('')
  })
})
