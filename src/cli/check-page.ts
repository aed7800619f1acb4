/**
 * `npm run --silent check-page -- --url URL [--env ID] [--profile P] [--timeout S] [--format table|json]
 * [--chromium PATH] [--data-dir DIR]` (or `--sample NAME` instead of --url: one of the embedded sandbox's sample
 * merchant pages). Checks a merchant's checkout page through core's dispatch (`merchantPage:check`) with
 * playwright-core and the system Chromium; progress on stderr, the report on stdout.
 * Exit 0 no check fail, 1 some check fail, 2 bad usage, 3 could not run (no browser, the console failed).
 */
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createConsole, type ConsoleApp } from '../core/console-app'
import { DEFAULT_CHROMIUM_PATH } from '../core/chromium'
import { chromiumEngine } from '../core/services/merchant-page/playwright-driver'
import { PAGE_CHECK_MAX_TIMEOUT_S, type PageCheckReport } from '../shared/contract/merchantPage'

const OPTIONS_HELP = [
  '  --url URL         the merchant page to check (http or https)',
  "  --sample NAME     instead of --url: one of the embedded sandbox's sample pages (see below)",
  '  --env ID          the environment the page should use: sandbox (default), uat, production, custom:<slug>',
  '  --profile P       the credential profile whose API key the secrets check also looks for (default: default)',
  `  --timeout S       page load budget in seconds, 1–${PAGE_CHECK_MAX_TIMEOUT_S} (default 20)`,
  '  --format F        table (default) or json: { url, environment, checks: [{ id, verdict, summary, evidence, hint }] }',
  `  --chromium PATH   the Chromium binary (default ${DEFAULT_CHROMIUM_PATH}, or $CHROMIUM_PATH)`,
  '  --data-dir DIR    the console data folder (default ~/.config/hosted-fields-console)',
  '  --help            this text',
  'exit codes: 0 no check failed, 1 some check failed, 2 bad usage, 3 could not run',
].join('\n')
const USAGE =
  'usage: npm run --silent check-page -- --url URL [--env ID] [--profile P] [--timeout S] ' +
  '[--format table|json] [--chromium PATH] [--data-dir DIR]'

class UsageError extends Error {}

interface Options {
  url?: string
  sample?: string
  env: string
  profile: string
  timeoutSeconds: number
  format: 'table' | 'json'
  chromium: string
  dataDir: string
}

function parse(argv: string[]): Options | 'help' {
  let values
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        sample: { type: 'string' },
        env: { type: 'string', default: 'sandbox' },
        profile: { type: 'string', default: 'default' },
        timeout: { type: 'string', default: '20' },
        format: { type: 'string', default: 'table' },
        chromium: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) return 'help'
  if (!values.url === !values.sample) throw new UsageError('give exactly one of --url and --sample')
  const timeoutSeconds = Number(values.timeout)
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > PAGE_CHECK_MAX_TIMEOUT_S)
    throw new UsageError(`--timeout must be a whole number of seconds from 1 to ${PAGE_CHECK_MAX_TIMEOUT_S}`)
  const format = values.format
  if (format !== 'table' && format !== 'json') throw new UsageError('--format must be table or json')
  const configHome = process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config')
  return {
    url: values.url,
    sample: values.sample,
    env: values.env,
    profile: values.profile,
    timeoutSeconds,
    format,
    chromium: values.chromium ?? process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM_PATH,
    dataDir: resolve(values['data-dir'] ?? join(configHome, 'hosted-fields-console')),
  }
}

const pad = (text: string, width: number) =>
  text.length >= width ? text : text + ' '.repeat(width - text.length)

export function formatReport(report: PageCheckReport): string {
  const lines = [`${report.url}  (environment ${report.environment})`]
  for (const check of report.checks) {
    lines.push(`${pad(check.id, 10)} ${pad(check.verdict.toUpperCase(), 5)} ${check.summary}`)
    for (const item of check.evidence) lines.push(`${' '.repeat(17)}· ${item}`)
    if (check.verdict !== 'pass' && check.hint) lines.push(`${' '.repeat(17)}→ ${check.hint}`)
  }
  return `${lines.join('\n')}\n`
}

async function run(app: ConsoleApp, options: Options): Promise<number> {
  const listed = await app.dispatch('environment:list', {})
  const environments = listed.ok ? listed.value.environments : []
  if (!environments.some((env) => env.id === options.env)) {
    const valid = environments.map((env) => env.id).join(', ')
    process.stderr.write(`unknown environment ${options.env}; valid: ${valid}\n${USAGE}\n`)
    return 2
  }
  let url = options.url ?? ''
  if (options.sample !== undefined) {
    const samples = app.info.samplePages ?? []
    const sample = samples.find((page) => page.name === options.sample)
    if (!sample) {
      const names = samples.map((page) => page.name).join(', ')
      process.stderr.write(`unknown sample page ${options.sample}; valid: ${names}\n${USAGE}\n`)
      return 2
    }
    url = sample.url
  }
  // The profile's stored key (if any) becomes a known secret, so the secrets check looks for it in the page.
  const status = await app.dispatch('vault:status', { environmentId: options.env, profile: options.profile })
  if (!status.ok && status.error.kind === 'validation') {
    process.stderr.write(`${status.error.message}\n${USAGE}\n`)
    return 2
  }
  let lastStep = ''
  const unsubscribe = app.subscribe((event) => {
    if (event.type !== 'merchantPage' || event.step === lastStep) return
    lastStep = event.step
    process.stderr.write(`${Math.round(event.fraction * 100)}% ${event.message}\n`)
  })
  const checked = await app.dispatch('merchantPage:check', {
    url,
    environmentId: options.env,
    timeoutSeconds: options.timeoutSeconds,
  })
  unsubscribe()
  if (!checked.ok) {
    // A request the contract refuses (e.g. a URL that is not http(s)) is bad usage: say how to call it.
    const usage = checked.error.kind === 'validation' ? `${USAGE}\n` : ''
    process.stderr.write(`${checked.error.message}\n${checked.error.hint}\n${usage}`)
    return checked.error.kind === 'validation' ? 2 : 3
  }
  const { report } = checked.value
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else process.stdout.write(formatReport(report))
  const failed = report.checks.filter((check) => check.verdict === 'fail').map((check) => check.id)
  process.stderr.write(failed.length ? `failing: ${failed.join(', ')}\n` : 'no check failed\n')
  return failed.length ? 1 : 0
}

async function main(): Promise<number> {
  let options: Options | 'help'
  try {
    options = parse(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\n${USAGE}\n`)
    return 2
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n${OPTIONS_HELP}\n`)
    return 0
  }
  if (!existsSync(options.chromium)) {
    process.stderr.write(`no Chromium at ${options.chromium}: install chromium or pass --chromium PATH\n`)
    return 3
  }
  let app: ConsoleApp
  try {
    app = await createConsole({
      dataDir: options.dataDir,
      transport: 'web',
      appVersion: process.env['npm_package_version'] ?? '0.0.0',
      testPageOrigin: '',
      pageEngine: chromiumEngine({ chromiumPath: options.chromium }),
    })
  } catch (error) {
    process.stderr.write(
      `the console could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return 3
  }
  try {
    return await run(app, options)
  } finally {
    await app.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`check-page failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(3)
  },
)
