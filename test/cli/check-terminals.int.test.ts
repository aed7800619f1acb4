/**
 * `check-terminals` as a user runs it: a child process (`npx tsx src/cli/check-terminals.ts`) with its own data
 * folder. Exit 0 when every row is ok (or --fail-on none), 1 when some row is not (table on stdout, progress on
 * stderr); exit 2 for bad usage: an unknown flag, no --file, an unreadable file, production without
 * --yes-production, an unknown environment (listing the valid ones); --help lists every option and exits 0.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

let dir: string
let ids: string

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/check-terminals.ts', ...args], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, XDG_CONFIG_HOME: dir },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hfc-cli-'))
  ids = path.join(dir, 'ids.txt')
  await writeFile(ids, '1234001\n9999001\nabc\n5550001\n1234001\n')
})

// Each run spawns tsx (seconds on a busy machine); several runs per test.
const SLOW = 240_000

describe('check-terminals CLI', () => {
  it(
    'prints one table row per input line and exits 1 because some rows are not ok',
    async () => {
      const run = await cli(['--env', 'sandbox', '--file', ids, '--data-dir', path.join(dir, 'data')])
      expect(run.code, run.stderr).toBe(1)
      const lines = run.stdout.trim().split('\n')
      expect(lines[0]).toMatch(/^LINE\s+TERMINAL\s+STATUS\s+VERDICT/)
      expect(lines).toHaveLength(6)
      expect(lines[1]).toMatch(/^1\s+1234001\s+201\s+ok/)
      expect(lines[2]).toMatch(/^2\s+9999001\s+403\s+forbidden/)
      expect(lines[3]).toMatch(/^3\s+abc\s+-\s+invalid/)
      expect(lines[5]).toMatch(/^5\s+1234001\s+-\s+duplicate/)
      expect(run.stderr).toMatch(/completed: 5 rows/)
    },
    SLOW,
  )

  it(
    'prints CSV and JSON on request',
    async () => {
      const csv = await cli([
        '--env',
        'sandbox',
        '--file',
        ids,
        '--format',
        'csv',
        '--fail-on',
        'none',
        '--data-dir',
        path.join(dir, 'data'),
      ])
      expect(csv.code, '--fail-on none keeps 0').toBe(0)
      expect(csv.stdout.split('\r\n')[0]).toBe(
        'line,input,processingTerminalId,scenario,environment,environmentId,profile,status,verdict,hint,message,durationMs,journalId,duplicateOf',
      )
      const json = await cli([
        '--env',
        'sandbox',
        '--file',
        ids,
        '--format',
        'json',
        '--data-dir',
        path.join(dir, 'data'),
      ])
      expect((JSON.parse(json.stdout) as { rows: unknown[] }).rows).toHaveLength(5)
    },
    SLOW,
  )

  it(
    '--help lists every option and exits 0; only ok rows exit 0; an unknown environment lists the valid ones',
    async () => {
      const help = await cli(['--help'])
      expect(help.code).toBe(0)
      for (const option of [
        '--env',
        '--profile',
        '--file',
        '--scenario',
        '--concurrency',
        '--format',
        '--fail-on',
        '--yes-production',
        '--data-dir',
        '--help',
      ])
        expect(help.stdout).toContain(option)
      expect(help.stdout).toContain('3 could not run')
      const good = path.join(dir, 'good.txt')
      await writeFile(good, '1234001\n')
      const ok = await cli(['--env', 'sandbox', '--file', good, '--data-dir', path.join(dir, 'data')])
      expect(ok.code, ok.stderr).toBe(0)
      const unknown = await cli(['--env', 'staging', '--file', good, '--data-dir', path.join(dir, 'data')])
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toContain(
        'unknown environment staging; valid environments: sandbox, uat, production',
      )
    },
    SLOW,
  )

  it(
    '--scenario tokenization checks secure tokens: 1234002 passes payment and fails tokenization',
    async () => {
      const noTokens = path.join(dir, 'no-tokens.txt')
      await writeFile(noTokens, '1234002\n')
      const data = path.join(dir, 'data')
      const payment = await cli(['--env', 'sandbox', '--file', noTokens, '--data-dir', data])
      expect(payment.code, payment.stderr).toBe(0)
      const tokenization = await cli(
        ['--env', 'sandbox', '--file', noTokens, '--scenario', 'tokenization', '--format', 'json'].concat([
          '--data-dir',
          data,
        ]),
      )
      expect(tokenization.code, tokenization.stderr).toBe(1)
      const rows = (JSON.parse(tokenization.stdout) as { rows: { scenario?: string; verdict: string }[] })
        .rows
      expect(rows).toHaveLength(1)
      expect(rows[0]?.scenario).toBe('tokenization')
      expect(rows[0]?.verdict).not.toBe('ok')
    },
    SLOW,
  )

  it(
    'exits 2 for bad usage',
    async () => {
      const cases = [
        ['--env', 'sandbox', '--file', ids, '--bogus'],
        ['--env', 'sandbox'],
        ['--env', 'sandbox', '--file', path.join(dir, 'missing.txt')],
        ['--env', 'production', '--file', ids, '--data-dir', path.join(dir, 'data')],
        ['--env', 'sandbox', '--file', ids, '--concurrency', '17'],
      ]
      for (const args of cases) {
        const run = await cli(args)
        expect(run.code, args.join(' ')).toBe(2)
        expect(run.stdout).toBe('')
      }
    },
    SLOW,
  )
})
