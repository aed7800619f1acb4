/**
 * `npm run --silent check-terminals -- --env <id> [--profile P] --file <ids.txt> [--concurrency 4]
 * [--format table|csv|json] [--yes-production] [--data-dir DIR]`
 * The batch terminal check from a shell: one row per input line, progress on stderr, the result on stdout.
 * Exit 0 when the run completed (whatever the verdicts), 2 for bad usage, 1 when the console could not run.
 */
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createConsole } from '../core/console-app'
import type { BatchRow, BatchSnapshot } from '../shared/diagnostics'
import { BATCH_MAX_CONCURRENCY } from '../shared/diagnostics'

const USAGE =
  'usage: npm run --silent check-terminals -- --env <id> [--profile P] --file <ids.txt> [--concurrency 4] ' +
  '[--format table|csv|json] [--yes-production] [--data-dir DIR]'

class UsageError extends Error {}

interface Options {
  env: string
  profile: string
  file: string
  input: string
  concurrency: number
  format: 'table' | 'csv' | 'json'
  yesProduction: boolean
  dataDir: string
}

function parse(argv: string[]): Options {
  let values
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        env: { type: 'string' },
        profile: { type: 'string', default: 'default' },
        file: { type: 'string' },
        concurrency: { type: 'string', default: '4' },
        format: { type: 'string', default: 'table' },
        'yes-production': { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
      },
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (!values.env) throw new UsageError('--env is required')
  if (!values.file) throw new UsageError('--file is required')
  const concurrency = Number(values.concurrency)
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > BATCH_MAX_CONCURRENCY)
    throw new UsageError(`--concurrency must be an integer from 1 to ${BATCH_MAX_CONCURRENCY}`)
  const format = values.format
  if (format !== 'table' && format !== 'csv' && format !== 'json')
    throw new UsageError('--format must be table, csv or json')
  let input: string
  try {
    input = readFileSync(values.file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read --file ${values.file}: ${(error as Error).message}`)
  }
  const configHome = process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config')
  return {
    env: values.env,
    profile: values.profile,
    file: values.file,
    input,
    concurrency,
    format,
    yesProduction: values['yes-production'],
    dataDir: resolve(values['data-dir'] ?? join(configHome, 'hosted-fields-console')),
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
    options = parse(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\n${USAGE}\n`)
    return 2
  }
  const app = await createConsole({
    dataDir: options.dataDir,
    transport: 'web',
    appVersion: process.env['npm_package_version'] ?? '0.0.0',
    testPageOrigin: '',
  })
  try {
    const listed = await app.dispatch('environment:list', {})
    const known = listed.ok ? listed.value.environments.find((env) => env.id === options.env) : undefined
    if (!known) {
      process.stderr.write(`unknown environment ${options.env}\n${USAGE}\n`)
      return 2
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
      return started.error.kind === 'validation' ? 2 : 1
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
    return 0
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
    process.exit(1)
  },
)
