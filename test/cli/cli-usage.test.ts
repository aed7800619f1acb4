import { describe, expect, it } from 'vitest'
import {
  CHECK_PAGE_CLI,
  CHECK_TERMINALS_CLI,
  EXIT,
  helpText,
  parseCli,
  unknownEnvironment,
  usageLine,
} from '../../src/cli/cli-usage'

const ok = (argv: string[], spec = CHECK_TERMINALS_CLI) => {
  const parsed = parseCli(spec, argv)
  if (parsed.kind !== 'ok') throw new Error(`expected ok, got ${parsed.kind}: ${JSON.stringify(parsed)}`)
  return parsed.values
}
const usage = (argv: string[], spec = CHECK_TERMINALS_CLI) => {
  const parsed = parseCli(spec, argv)
  if (parsed.kind !== 'usage-error') throw new Error(`expected a usage error, got ${parsed.kind}`)
  expect(parsed.exitCode).toBe(2)
  return parsed.message
}

describe('exit codes', () => {
  it('are the ones INTERFACES.md fixes', () => {
    expect(EXIT).toEqual({ ok: 0, notOk: 1, usage: 2, couldNotRun: 3 })
  })
})

describe('--help', () => {
  it.each([CHECK_TERMINALS_CLI, CHECK_PAGE_CLI])('$command: lists every option and exits 0', (spec) => {
    const parsed = parseCli(spec, ['--help'])
    expect(parsed.kind).toBe('help')
    if (parsed.kind !== 'help') return
    expect(parsed.exitCode).toBe(0)
    for (const option of spec.options) expect(parsed.text).toContain(`--${option.name}`)
    expect(parsed.text).toContain('--help')
    expect(parsed.text).toContain('3 could not run')
  })
  it('wins over missing required options and shows choices and defaults', () => {
    expect(parseCli(CHECK_TERMINALS_CLI, ['--help']).kind).toBe('help')
    expect(parseCli(CHECK_TERMINALS_CLI, ['--env', 'uat', '--scenario', 'bad', '--help']).kind).toBe('help')
    const text = helpText(CHECK_TERMINALS_CLI)
    expect(text).toMatch(
      /--scenario payment\|tokenization\|both\s+What to check per terminal\. \(default payment\)/,
    )
    expect(text).toMatch(/--fail-on any\|none .*\(default any\)/)
    expect(text).toMatch(/--env ID .*\(required\)/)
  })
})

describe('check-terminals options', () => {
  it('parses every option, with defaults', () => {
    expect(ok(['--env', 'uat', '--file', 'ids.txt'])).toEqual({
      env: 'uat',
      profile: 'default',
      file: 'ids.txt',
      scenario: 'payment',
      concurrency: '4',
      format: 'table',
      'fail-on': 'any',
      'yes-production': false,
      'data-dir': undefined,
    })
    expect(
      ok([
        '--env=production',
        '--profile',
        'acme',
        '--file',
        'f',
        '--scenario',
        'both',
        '--concurrency',
        '16',
        '--format',
        'json',
        '--fail-on',
        'none',
        '--yes-production',
        '--data-dir',
        '/tmp/x',
      ]),
    ).toMatchObject({
      scenario: 'both',
      concurrency: '16',
      'fail-on': 'none',
      'yes-production': true,
      'data-dir': '/tmp/x',
    })
  })
  it('bad usage is exit 2 with a message naming the option', () => {
    expect(usage(['--file', 'f'])).toBe('--env is required')
    expect(usage(['--env', 'uat'])).toBe('--file is required')
    expect(usage(['--env', 'uat', '--file', 'f', '--scenario', 'refund'])).toBe(
      '--scenario must be payment, tokenization or both (got refund)',
    )
    expect(usage(['--env', 'uat', '--file', 'f', '--fail-on', 'some'])).toContain(
      '--fail-on must be any or none',
    )
    expect(usage(['--env', 'uat', '--file', 'f', '--concurrency', '17'])).toContain('from 1 to 16')
    expect(usage(['--env', 'uat', '--file', 'f', '--concurrency', '2.5'])).toContain('whole number')
    expect(usage(['--env', 'uat', '--file', 'f', '--bogus'])).toMatch(/bogus/)
    expect(usage(['--env', 'uat', '--file', 'f', 'stray'])).toMatch(/stray|positional/i)
  })
  it('the usage error text repeats the usage line and points at --help', () => {
    const parsed = parseCli(CHECK_TERMINALS_CLI, [])
    expect(parsed.kind === 'usage-error' && parsed.text).toContain(usageLine(CHECK_TERMINALS_CLI))
    expect(parsed.kind === 'usage-error' && parsed.text).toContain('--help')
    expect(usageLine(CHECK_TERMINALS_CLI)).toMatch(
      /^usage: npm run --silent check-terminals -- --env ID \[--profile P\] --file FILE /,
    )
  })
})

describe('check-page options', () => {
  it('parses url, env, profile, timeout, format, chromium and data-dir', () => {
    expect(ok(['--url', 'https://shop.example/pay'], CHECK_PAGE_CLI)).toEqual({
      url: 'https://shop.example/pay',
      env: undefined,
      profile: 'default',
      timeout: '30',
      format: 'table',
      chromium: '/usr/bin/chromium',
      'data-dir': undefined,
    })
    expect(usage([], CHECK_PAGE_CLI)).toBe('--url is required')
    expect(usage(['--url', 'u', '--format', 'csv'], CHECK_PAGE_CLI)).toBe(
      '--format must be table or json (got csv)',
    )
    expect(usage(['--url', 'u', '--timeout', '0'], CHECK_PAGE_CLI)).toContain('from 1 to 300')
  })
})

describe('unknown environment', () => {
  it('lists the valid ones', () => {
    expect(unknownEnvironment('staging', ['sandbox', 'uat', 'production', 'custom:eu'])).toBe(
      'unknown environment staging; valid environments: sandbox, uat, production, custom:eu\n',
    )
  })
})
