import { describe, expect, it } from 'vitest'
import {
  batchCsvTable,
  batchExitCode,
  checkTokenization,
  configurationUrl,
  expandEntries,
  isNotOk,
  SCENARIO_HINTS,
  scenariosOf,
  libraryGatewayOrigin,
  tokenizationEnabled,
  type ProbeResult,
  type SessionStep,
} from '../../../../src/core/services/diagnostics/batch-scenarios'
import { toCsv } from '../../../../src/core/services/exports/csv'

const signal = new AbortController().signal
const entries = [
  { line: 1, input: '1234001', processingTerminalId: '1234001' },
  { line: 2, input: '12', invalid: 'Processing terminal ID must be at least 4 characters' },
  { line: 3, input: '1234001', processingTerminalId: '1234001', duplicateOf: 1 },
  { line: 4, input: '1234002', processingTerminalId: '1234002' },
]

describe('expandEntries', () => {
  it('payment or tokenization: one row per entry, each with that scenario when checkable', () => {
    expect(expandEntries(entries, 'payment').map((row) => [row.line, row.scenario])).toEqual([
      [1, 'payment'],
      [2, undefined],
      [3, undefined],
      [4, 'payment'],
    ])
    expect(
      expandEntries(entries, 'tokenization').filter((row) => row.scenario === 'tokenization'),
    ).toHaveLength(2)
  })
  it('both: two rows per checkable entry (payment first, same line); invalid and duplicates stay single', () => {
    const rows = expandEntries(entries, 'both')
    expect(rows.map((row) => `${row.line}:${row.scenario ?? '-'}`)).toEqual([
      '1:payment',
      '1:tokenization',
      '2:-',
      '3:-',
      '4:payment',
      '4:tokenization',
    ])
    expect(rows[2]?.invalid).toContain('at least 4')
    expect(rows[3]?.duplicateOf).toBe(1)
    expect(scenariosOf('both')).toEqual(['payment', 'tokenization'])
  })
})

describe('tokenizationEnabled: what the library would decide', () => {
  it('configuration: only tokenization.enabled === true is enabled; missing is false, like the library', () => {
    expect(tokenizationEnabled('configuration', { tokenization: { enabled: true } })).toBe(true)
    expect(tokenizationEnabled('configuration', { tokenization: { enabled: false } })).toBe(false)
    expect(tokenizationEnabled('configuration', { tokenization: { enabled: 'yes' } })).toBe(false)
    expect(tokenizationEnabled('configuration', { fraudDetection: {} })).toBe(false)
    expect(tokenizationEnabled('configuration', 'html page')).toBeUndefined()
  })
  it('configuration: the gateway wraps it in { configuration } (what the library unwraps), both shapes read', () => {
    expect(tokenizationEnabled('configuration', { configuration: { tokenization: { enabled: true } } })).toBe(
      true,
    )
    expect(
      tokenizationEnabled('configuration', { configuration: { tokenization: { enabled: false } } }),
    ).toBe(false)
  })
  it('the library gateway: the sandbox serves it itself, UAT has its host, elsewhere unknown', () => {
    expect(libraryGatewayOrigin({ kind: 'sandbox', apiBase: 'http://127.0.0.1:4010/v1' })).toBe(
      'http://127.0.0.1:4010',
    )
    expect(libraryGatewayOrigin({ kind: 'uat', apiBase: 'https://api.uat.payroc.com/v1' })).toBe(
      'https://testpayments.worldnettps.com',
    )
    expect(libraryGatewayOrigin({ kind: 'production', apiBase: 'https://api.payroc.com/v1' })).toBeUndefined()
    expect(libraryGatewayOrigin({ kind: 'custom', apiBase: 'https://x.example/v1' })).toBeUndefined()
  })
  it('capabilities: the boolean, and undefined when it is missing', () => {
    expect(tokenizationEnabled('capabilities', { tokenization: true })).toBe(true)
    expect(tokenizationEnabled('capabilities', { tokenization: false })).toBe(false)
    expect(tokenizationEnabled('capabilities', { payment: true })).toBeUndefined()
    expect(tokenizationEnabled('capabilities', [])).toBeUndefined()
  })
  it('the configuration URL is the library’s path with the token encoded', () => {
    expect(configurationUrl('https://testpayments.worldnettps.com/', 'a/b c')).toBe(
      'https://testpayments.worldnettps.com/merchant/api/v2/hosted-fields-sessions/a%2Fb%20c/configuration',
    )
  })
})

describe('checkTokenization: a created session is not enough', () => {
  const created: SessionStep = { ok: true, token: 'tok-123456', status: 201, journalId: 'j1' }
  const deps = (session: SessionStep, probe?: ProbeResult) => {
    const seen: string[] = []
    return {
      seen,
      deps: {
        createSession: async (id: string) => {
          seen.push(`create:${id}`)
          return session
        },
        ...(probe
          ? {
              probe: async (token: string, id: string) => {
                seen.push(`probe:${token}:${id}`)
                return probe
              },
            }
          : {}),
      },
    }
  }
  it('session created + terminal allows secure tokens → ok, probing with the new session token', async () => {
    const { deps: d, seen } = deps(created, {
      ok: true,
      source: 'configuration',
      body: { tokenization: { enabled: true } },
    })
    expect(await checkTokenization(d, '1234001', signal)).toEqual({
      verdict: 'ok',
      hint: SCENARIO_HINTS.tokenizationOk,
      status: 201,
      journalId: 'j1',
    })
    expect(seen).toEqual(['create:1234001', 'probe:tok-123456:1234001'])
  })
  it('session created but no secure tokens (1234002) → no-secure-tokens, not ok', async () => {
    const { deps: d } = deps(created, { ok: true, source: 'capabilities', body: { tokenization: false } })
    const outcome = await checkTokenization(d, '1234002', signal)
    expect(outcome.verdict).toBe('no-secure-tokens')
    expect(outcome.hint).toContain('not set up for secure tokens')
    expect(isNotOk(outcome.verdict)).toBe(true)
  })
  it('no probe, a failed probe or an unreadable answer → unverified, never ok', async () => {
    for (const probe of [
      undefined,
      { ok: false as const, message: 'ECONNREFUSED' },
      { ok: true as const, source: 'capabilities' as const, body: '<html>' },
    ]) {
      const outcome = await checkTokenization(deps(created, probe).deps, '1234001', signal)
      expect(outcome.verdict).toBe('unverified')
      expect(outcome.status).toBe(201)
      expect(outcome.message?.length).toBeGreaterThan(0)
    }
  })
  it('a failed create is the row’s outcome and nothing is probed', async () => {
    const failed: SessionStep = { ok: false, outcome: { verdict: 'forbidden', hint: 'h', status: 403 } }
    const { deps: d, seen } = deps(failed, { ok: true, source: 'capabilities', body: { tokenization: true } })
    expect(await checkTokenization(d, '9999', signal)).toEqual({
      verdict: 'forbidden',
      hint: 'h',
      status: 403,
    })
    expect(seen).toEqual(['create:9999'])
  })
})

describe('exit code and CSV', () => {
  it('exit 1 when any row is not ok (or the run was cancelled); --fail-on none keeps 0', () => {
    expect(batchExitCode([{ verdict: 'ok' }, { verdict: 'duplicate' }], 'any')).toBe(0)
    for (const verdict of [
      'forbidden',
      'auth',
      'invalid',
      'rate-limited',
      'error',
      'no-secure-tokens',
      'unverified',
      'cancelled',
    ])
      expect(batchExitCode([{ verdict: 'ok' }, { verdict }], 'any')).toBe(1)
    expect(batchExitCode([{ verdict: 'ok' }], 'any', true)).toBe(1)
    expect(batchExitCode([{ verdict: 'error' }], 'none')).toBe(0)
  })
  it('every CSV row names scenario, environment and profile', () => {
    const rows = expandEntries(entries.slice(0, 2), 'both').map((row) => ({
      ...row,
      verdict: row.scenario ? 'ok' : 'invalid',
      hint: 'h',
      status: row.scenario ? 201 : undefined,
    }))
    const table = batchCsvTable(rows, { environmentId: 'uat', environmentLabel: 'UAT', profile: 'acme' })
    const csv = toCsv(table.header, table.rows).split('\r\n')
    expect(csv[0]).toBe(
      'line,input,processingTerminalId,scenario,environment,environmentId,profile,status,verdict,hint,message,durationMs,journalId,duplicateOf',
    )
    expect(csv[1]).toBe('1,1234001,1234001,payment,UAT,uat,acme,201,ok,h,,,,')
    expect(csv[2]).toBe('1,1234001,1234001,tokenization,UAT,uat,acme,201,ok,h,,,,')
    expect(csv[3]).toBe('2,12,,,UAT,uat,acme,,invalid,h,,,,')
  })
})
