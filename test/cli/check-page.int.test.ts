/**
 * `check-page` as a user runs it: a child process (`npx tsx src/cli/check-page.ts`) with its own data folder and
 * the system Chromium. Every sample page of the embedded sandbox is judged (JSON on stdout, its catalogue's
 * verdicts, exit 0 when nothing fails and 1 when something does); bad usage exits 2 (an unknown environment lists
 * the valid ones); a missing browser or an unreachable page is told plainly.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHECK_IDS, PageCheckReport } from '../../src/shared/contract/merchantPage'
import { DEFAULT_CHROMIUM_PATH } from '../../src/core/chromium'
import { SAMPLE_PAGES } from '../../src/sandbox/merchant-pages'

let dir: string

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/check-page.ts', ...args], {
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
const dataDir = () => path.join(dir, 'data')

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hfc-check-page-'))
})

describe.skipIf(!existsSync(DEFAULT_CHROMIUM_PATH))('check-page CLI on the sample pages', () => {
  describe.concurrent.each(SAMPLE_PAGES.map((page) => [page.name, page] as const))('%s', (name, page) => {
    it(
      'prints its expected verdicts as JSON and exits 1 exactly when one fails',
      { timeout: 120_000 },
      async () => {
        const run = await cli(['--sample', name, '--format', 'json', '--data-dir', dataDir()])
        const report = PageCheckReport.parse(JSON.parse(run.stdout))
        expect(Object.keys(report).sort()).toEqual(['checks', 'environment', 'url'])
        expect(report.environment).toBe('sandbox')
        expect(report.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/${name}\\.html$`))
        expect(report.checks.map((check) => check.id)).toEqual([...CHECK_IDS])
        const verdicts = Object.fromEntries(report.checks.map((check) => [check.id, check.verdict]))
        expect(verdicts, run.stderr).toEqual(page.expected)
        const fails = Object.values(page.expected).includes('fail')
        expect(run.code, run.stderr).toBe(fails ? 1 : 0)
        // The sandbox's API key the api-key page leaks is never printed whole.
        expect(run.stdout).not.toContain('sandbox-api-key')
      },
    )
  })
})

describe('check-page CLI usage', () => {
  it('--help lists every option and exits 0', { timeout: 60_000 }, async () => {
    const run = await cli(['--help'])
    expect(run.code).toBe(0)
    for (const option of ['--url', '--env', '--profile', '--timeout', '--format', '--chromium', '--data-dir'])
      expect(run.stdout).toContain(option)
  })

  it(
    'exits 2 for bad usage: no URL, a bad URL, a bad timeout or format, an unknown flag',
    { timeout: 180_000 },
    async () => {
      for (const args of [
        [],
        ['--url', 'ftp://example.test/'],
        ['--url', 'http://127.0.0.1:9/', '--timeout', '0'],
        ['--url', 'http://127.0.0.1:9/', '--format', 'csv'],
        ['--url', 'http://127.0.0.1:9/', '--bogus'],
      ]) {
        const run = await cli([...args, '--data-dir', dataDir()])
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2)
        expect(run.stderr).toMatch(/usage: npm run --silent check-page/)
      }
    },
  )

  it('an unknown environment lists the valid ones and exits 2', { timeout: 60_000 }, async () => {
    const run = await cli(['--url', 'http://127.0.0.1:9/', '--env', 'staging', '--data-dir', dataDir()])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/unknown environment staging; valid: sandbox, uat, production/)
  })

  it('exits 3 when the browser is missing', { timeout: 60_000 }, async () => {
    const run = await cli(['--url', 'http://127.0.0.1:9/', '--chromium', '/no/such/chromium'])
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/no Chromium at \/no\/such\/chromium/)
  })

  it.skipIf(!existsSync(DEFAULT_CHROMIUM_PATH))(
    'a page that does not answer is script: fail with the reason (exit 1)',
    { timeout: 60_000 },
    async () => {
      const run = await cli([
        '--url',
        'http://127.0.0.1:9/checkout.html',
        '--format',
        'json',
        '--data-dir',
        dataDir(),
      ])
      expect(run.code, run.stderr).toBe(1)
      const report = PageCheckReport.parse(JSON.parse(run.stdout))
      const script = report.checks.find((check) => check.id === 'script')
      expect(script?.verdict).toBe('fail')
      expect(script?.summary).toMatch(/ERR_CONNECTION_REFUSED|did not load|not load/i)
    },
  )
})
