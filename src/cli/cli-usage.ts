/**
 * One parser and usage text for every CLI (INTERFACES.md "CLIs for scripted checks"): `--help` lists every
 * option and exits 0; exit 0 = all ok, 1 = the run completed and something is not ok, 2 = bad usage, 3 = could
 * not run (no keychain, sandbox failed to start, browser missing); an unknown environment lists the valid ones.
 * Pure apart from node:util's parseArgs: the CLIs print what it returns and exit with its code.
 */
import { parseArgs } from 'node:util'

export const EXIT = { ok: 0, notOk: 1, usage: 2, couldNotRun: 3 } as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export interface OptionSpec {
  name: string
  type: 'string' | 'boolean'
  /** Placeholder in the usage line ("ID", "FILE"). */
  value?: string
  description: string
  required?: boolean
  default?: string
  choices?: readonly string[]
  /** Whole number within [min, max]. */
  integer?: { min: number; max: number }
}

export interface CliSpec {
  command: string
  summary: string
  options: readonly OptionSpec[]
}

const HELP: OptionSpec = { name: 'help', type: 'boolean', description: 'Show this help and exit.' }

export type ParsedCli =
  | { kind: 'help'; text: string; exitCode: 0 }
  | { kind: 'usage-error'; message: string; text: string; exitCode: 2 }
  | { kind: 'ok'; values: Record<string, string | boolean | undefined> }

const placeholder = (option: OptionSpec) =>
  option.type === 'boolean' ? '' : ` ${option.choices ? option.choices.join('|') : (option.value ?? 'VALUE')}`

export function usageLine(spec: CliSpec): string {
  const parts = spec.options.map((option) => {
    const text = `--${option.name}${placeholder(option)}`
    return option.required ? text : `[${text}]`
  })
  return `usage: npm run --silent ${spec.command} -- ${parts.join(' ')}`
}

/** The full --help text: every option, its values and default. */
export function helpText(spec: CliSpec): string {
  const rows = [...spec.options, HELP].map((option) => {
    const left = `  --${option.name}${placeholder(option)}`
    const extra = [
      option.required ? 'required' : undefined,
      option.default !== undefined ? `default ${option.default}` : undefined,
    ].filter(Boolean)
    return { left, right: `${option.description}${extra.length ? ` (${extra.join(', ')})` : ''}` }
  })
  const width = Math.max(...rows.map((row) => row.left.length)) + 2
  const lines = rows.map((row) => `${row.left.padEnd(width)}${row.right}`)
  const exits = 'Exit codes: 0 all ok · 1 something not ok · 2 bad usage · 3 could not run.'
  return `${spec.summary}\n\n${usageLine(spec)}\n\nOptions:\n${lines.join('\n')}\n\n${exits}\n`
}

function check(option: OptionSpec, value: string | boolean | undefined): string | undefined {
  if (value === undefined) return option.required ? `--${option.name} is required` : undefined
  if (typeof value !== 'string') return undefined
  if (option.choices && !option.choices.includes(value))
    return `--${option.name} must be ${option.choices.slice(0, -1).join(', ')} or ${option.choices.at(-1)} (got ${value})`
  if (option.integer) {
    const n = Number(value)
    if (!Number.isInteger(n) || n < option.integer.min || n > option.integer.max)
      return `--${option.name} must be a whole number from ${option.integer.min} to ${option.integer.max} (got ${value})`
  }
  return undefined
}

export function parseCli(spec: CliSpec, argv: readonly string[]): ParsedCli {
  const usageError = (message: string): ParsedCli => ({
    kind: 'usage-error',
    message,
    text: `${message}\n${usageLine(spec)}\nRun with --help for every option.\n`,
    exitCode: 2,
  })
  const options: Record<string, { type: 'string' | 'boolean' }> = {}
  for (const option of [...spec.options, HELP]) options[option.name] = { type: option.type }
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
  if (values['help']) return { kind: 'help', text: helpText(spec), exitCode: 0 }
  const out: Record<string, string | boolean | undefined> = {}
  for (const option of spec.options) {
    const value = values[option.name] ?? option.default ?? (option.type === 'boolean' ? false : undefined)
    const problem = check(option, value)
    if (problem) return usageError(problem)
    out[option.name] = value
  }
  return { kind: 'ok', values: out }
}

/** "unknown environment staging; valid: sandbox, uat, production, custom:eu" (exit 2). */
export function unknownEnvironment(id: string, valid: readonly string[]): string {
  return `unknown environment ${id}; valid environments: ${valid.join(', ')}\n`
}

const DATA_DIR: OptionSpec = {
  name: 'data-dir',
  type: 'string',
  value: 'DIR',
  description: 'Data folder (default $XDG_CONFIG_HOME/hosted-fields-console, else ~/.config/…).',
}
const PROFILE: OptionSpec = {
  name: 'profile',
  type: 'string',
  value: 'P',
  description: 'Credential profile of the environment.',
  default: 'default',
}

export const CHECK_TERMINALS_CLI: CliSpec = {
  command: 'check-terminals',
  summary: 'Check many processing terminal IDs: one row per input line (invalid ids flagged, not dropped).',
  options: [
    {
      name: 'env',
      type: 'string',
      value: 'ID',
      required: true,
      description: 'Environment: sandbox, uat, production or custom:<slug>.',
    },
    PROFILE,
    {
      name: 'file',
      type: 'string',
      value: 'FILE',
      required: true,
      description: 'Terminal IDs, one per line (or CSV).',
    },
    {
      name: 'scenario',
      type: 'string',
      choices: ['payment', 'tokenization', 'both'],
      default: 'payment',
      description: 'What to check per terminal.',
    },
    {
      name: 'concurrency',
      type: 'string',
      value: 'N',
      default: '4',
      integer: { min: 1, max: 16 },
      description: 'Checks in flight at once.',
    },
    {
      name: 'format',
      type: 'string',
      choices: ['table', 'csv', 'json'],
      default: 'table',
      description: 'Output on stdout.',
    },
    {
      name: 'fail-on',
      type: 'string',
      choices: ['any', 'none'],
      default: 'any',
      description: 'any: exit 1 when a row is not ok; none: exit 0 whatever the verdicts.',
    },
    {
      name: 'yes-production',
      type: 'boolean',
      description: 'Confirm that every check opens a real Production session.',
    },
    DATA_DIR,
  ],
}

export const CHECK_PAGE_CLI: CliSpec = {
  command: 'check-page',
  summary:
    "Check a merchant page's Hosted Fields integration (script, version, SRI, CSP, secrets, selectors, init, session).",
  options: [
    { name: 'url', type: 'string', value: 'URL', required: true, description: 'The page to check.' },
    { name: 'env', type: 'string', value: 'ID', description: 'Environment whose session the page is given.' },
    PROFILE,
    {
      name: 'timeout',
      type: 'string',
      value: 'S',
      default: '30',
      integer: { min: 1, max: 300 },
      description: 'Seconds to wait for the page and the library.',
    },
    {
      name: 'format',
      type: 'string',
      choices: ['table', 'json'],
      default: 'table',
      description: 'Output on stdout.',
    },
    {
      name: 'chromium',
      type: 'string',
      value: 'PATH',
      default: '/usr/bin/chromium',
      description: 'Chromium executable.',
    },
    DATA_DIR,
  ],
}
