/**
 * `npm run --silent check-terminals -- --env <id> [--profile P] --file <ids.txt>
 * [--scenario payment|tokenization|both] [--concurrency 4] [--format table|csv|json] [--yes-production]
 * [--data-dir DIR]`
 * The batch terminal check from a shell: one row per input line, progress on stderr, the result on stdout.
 * [--fail-on any|none] [--help]. Exit codes (cli-usage.ts): 0 every row ok (or --fail-on none), 1 some row not
 * ok, 2 bad usage (an unknown environment lists the valid ones), 3 the console could not run.
 */
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { createConsole } from '../core/console-app'
import { batchExitCode, type FailOn } from '../core/services/diagnostics/batch-scenarios'
import { CHECK_TERMINALS_CLI, EXIT, parseCli, unknownEnvironment, usageLine, type CliSpec } from './cli-usage'
import type { BatchRow, BatchSnapshot } from '../shared/diagnostics'
import { BATCH_MAX_CONCURRENCY } from '../shared/diagnostics'

const CHECK_TERMINALS_OPTIONS: CliSpec = CHECK_TERMINALS_CLI

class UsageError extends Error {}

interface Options {
  env: string
  profile: string
  file: string
  input: string
  scenario: 'payment' | 'tokenization' | 'both'
  concurrency: number
  format: 'table' | 'csv' | 'json'
  failOn: FailOn
  yesProduction: boolean
  dataDir: string
}

type Parsed =
  { kind: 'run'; options: Options } | { kind: 'exit'; code: number; stdout?: string; stderr?: string }

const scenarioOf = (value: string): Options['scenario'] =>
  value === 'tokenization' || value === 'both' ? value : 'payment'

function parse(argv: string[]): Parsed {
  const parsed = parseCli(CHECK_TERMINALS_OPTIONS, argv)
  if (parsed.kind === 'help') return { kind: 'exit', code: EXIT.ok, stdout: parsed.text }
  if (parsed.kind === 'usage-error') return { kind: 'exit', code: EXIT.usage, stderr: parsed.text }
  const values = parsed.values
  const text = (name: string) => String(values[name] ?? '')
  let input: string
  try {
    input = readFileSync(text('file'), 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read --file ${text('file')}: ${(error as Error).message}`)
  }
  const configHome = process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config')
  const format = text('format')
  return {
    kind: 'run',
    options: {
      env: text('env'),
      profile: text('profile'),
      file: text('file'),
      input,
      scenario: scenarioOf(text('scenario')),
      concurrency: Math.min(Number(text('concurrency')), BATCH_MAX_CONCURRENCY),
      format: format === 'csv' || format === 'json' ? format : 'table',
      failOn: text('fail-on') === 'none' ? 'none' : 'any',
      yesProduction: values['yes-production'] === true,
      dataDir: resolve(
        typeof values['data-dir'] === 'string'
          ? values['data-dir']
          : join(configHome, 'hosted-fields-console'),
      ),
    },
  }
}

const pad = (text: string, width: number) =>
  text.length >= width ? text : text + ' '.repeat(width - text.length)

export function formatTable(rows: readonly BatchRow[]): string {
  const header = ['LINE', 'TERMINAL', 'STATUS', 'VERDICT', 'MS', 'HINT']
  const cells = rows.map((row) => [
    String(row.line),
    row.processingTerminalId ?? row.input,
    row.status === undefined ? '-' : String(row.status),
    row.verdict,
    row.durationMs === undefined ? '-' : String(row.durationMs),
    row.hint,
  ])
  const widths = header.map((name, i) =>
    Math.max(name.length, ...cells.map((cell) => (cell[i] ?? '').length)),
  )
  // The hint is last and unpadded: it is long, and a terminal wraps it anyway.
  const line = (cell: string[]) =>
    cell.map((text, i) => (i === cell.length - 1 ? text : pad(text, widths[i] ?? 0))).join('  ')
  return [line(header), ...cells.map(line)].join('\n') + '\n'
}

function summary(snapshot: BatchSnapshot): string {
  const counts = new Map<string, number>()
  for (const row of snapshot.rows) counts.set(row.verdict, (counts.get(row.verdict) ?? 0) + 1)
  const parts = [...counts].map(([verdict, count]) => `${verdict} ${count}`).join(', ')
  return `${snapshot.state}: ${snapshot.total} rows (${parts})\n`
}

async function main(): Promise<number> {
  let options: Options
  try {
    const parsed = parse(process.argv.slice(2))
    if (parsed.kind === 'exit') {
      if (parsed.stdout) process.stdout.write(parsed.stdout)
      if (parsed.stderr) process.stderr.write(parsed.stderr)
      return parsed.code
    }
    options = parsed.options
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\n${usageLine(CHECK_TERMINALS_OPTIONS)}\n`)
    return EXIT.usage
  }
  let app
  try {
    app = await createConsole({
      dataDir: options.dataDir,
      transport: 'web',
      appVersion: process.env['npm_package_version'] ?? '0.0.0',
      testPageOrigin: '',
    })
  } catch (error) {
    process.stderr.write(`check-terminals could not run: ${(error as Error).message}\n`)
    return EXIT.couldNotRun
  }
  try {
    const listed = await app.dispatch('environment:list', {})
    const environments = listed.ok ? listed.value.environments : []
    const known = environments.find((env) => env.id === options.env)
    if (!known) {
      process.stderr.write(
        unknownEnvironment(
          options.env,
          environments.map((env) => env.id),
        ),
      )
      return EXIT.usage
    }
    let lastReport = 0
    let resolveDone: () => void = () => {}
    const done = new Promise<void>((resolveRun) => (resolveDone = resolveRun))
    let batchId = ''
    app.subscribe((event) => {
      if (event.type !== 'batch' || event.batchId !== batchId) return
      const now = Date.now()
      if (event.state !== 'running') resolveDone()
      else if (now - lastReport < 1000) return
      lastReport = now
      const eta = event.etaMs === undefined ? '' : `, about ${Math.ceil(event.etaMs / 1000)} s left`
      process.stderr.write(`checked ${event.done}/${event.total}, ${event.failures} failing${eta}\n`)
    })
    const started = await app.dispatch('batch:start', {
      environmentId: options.env,
      profile: options.profile,
      input: options.input,
      scenario: options.scenario,
      concurrency: options.concurrency,
      confirmProduction: options.yesProduction,
    })
    // Dispatch refuses a Production batch without the confirmation before anything is sent.
    if (!started.ok && started.error.kind === 'confirmation-required') {
      process.stderr.write(`${known.name} needs --yes-production: every check opens a real session.\n`)
      return 2
    }
    if (!started.ok) {
      process.stderr.write(`${started.error.message}\n${started.error.hint}\n`)
      return started.error.kind === 'validation' ? EXIT.usage : EXIT.couldNotRun
    }
    batchId = started.value.batchId
    let snapshot = await app.dispatch('batch:get', { batchId })
    if (snapshot.ok && snapshot.value.state === 'running') await done
    snapshot = await app.dispatch('batch:get', { batchId })
    if (!snapshot.ok) throw new Error(snapshot.error.message)
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(snapshot.value, null, 2)}\n`)
    else if (options.format === 'csv') {
      const exported = await app.dispatch('batch:exportCsv', { batchId })
      if (exported.ok) process.stdout.write(exported.value.csv)
    } else process.stdout.write(formatTable(snapshot.value.rows))
    process.stderr.write(summary(snapshot.value))
    return batchExitCode(snapshot.value.rows, options.failOn, snapshot.value.state === 'cancelled')
  } finally {
    await app.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `check-terminals failed: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exit(EXIT.couldNotRun)
  },
)
