/**
 * batch:start with a scenario, through dispatch against the embedded sandbox: tokenization asks the library's
 * configuration route, so 1234002 (sessions created, no secure tokens) is not ok; "both" gives two rows per
 * terminal; the CSV names the scenario, the environment and the profile of every row.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../src/core/console-app'
import type { BatchSnapshot } from '../../../src/shared/diagnostics'
import { call } from '../../support/call'
import { consoleOptions } from '../../support/console-fixtures'

let app: ConsoleApp

async function finished(batchId: string): Promise<BatchSnapshot> {
  for (;;) {
    const got = await call(app, 'batch:get', { batchId })
    if (!got.ok) throw new Error(got.error.message)
    if (got.value.state !== 'running') return got.value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function run(input: string, scenario?: 'payment' | 'tokenization' | 'both'): Promise<BatchSnapshot> {
  const started = await call(app, 'batch:start', {
    environmentId: 'sandbox',
    profile: 'default',
    input,
    ...(scenario ? { scenario } : {}),
  })
  if (!started.ok) throw new Error(started.error.message)
  return finished(started.value.batchId)
}

beforeAll(async () => {
  app = await createConsole(consoleOptions(await mkdtemp(path.join(tmpdir(), 'hfc-batch-scenario-'))))
})
afterAll(async () => app.close())

describe('batch check by scenario', () => {
  it('payment (the default): 1234002 is ok, as before', async () => {
    const snapshot = await run('1234001\n1234002')
    expect(snapshot.scenario).toBe('payment')
    expect(snapshot.rows.map((row) => [row.scenario, row.verdict])).toEqual([
      ['payment', 'ok'],
      ['payment', 'ok'],
    ])
  })

  it('tokenization: 1234002 gets its session (201) yet is reported no-secure-tokens, and counts as a failure', async () => {
    const snapshot = await run('1234001\n1234002', 'tokenization')
    expect(snapshot.rows[0]).toMatchObject({ scenario: 'tokenization', verdict: 'ok', status: 201 })
    expect(snapshot.rows[1]).toMatchObject({
      scenario: 'tokenization',
      verdict: 'no-secure-tokens',
      status: 201,
    })
    expect(snapshot.rows[1]?.journalId).toBeTruthy()
    expect(snapshot.failures).toBe(1)
  })

  it('both: two rows per checkable terminal, one for an invalid entry; the CSV names environment and profile', async () => {
    const snapshot = await run('1234002\nxy\n9999', 'both')
    expect(snapshot.rows.map((row) => [row.line, row.scenario ?? '-', row.verdict])).toEqual([
      [1, 'payment', 'ok'],
      [1, 'tokenization', 'no-secure-tokens'],
      [2, '-', 'invalid'],
      [3, 'payment', 'forbidden'],
      [3, 'tokenization', 'forbidden'],
    ])
    const csv = await call(app, 'batch:exportCsv', { batchId: snapshot.batchId })
    if (!csv.ok) throw new Error(csv.error.message)
    const lines = csv.value.csv.trim().split('\r\n')
    expect(lines[0]).toContain('scenario,environment,environmentId,profile')
    expect(lines).toHaveLength(6)
    expect(lines[2]).toContain('tokenization,Sandbox,sandbox,default')
    expect(lines[2]).toContain('no-secure-tokens')
  })

  it('an unknown scenario is refused, naming the field as the UI does', async () => {
    const refused = await call(app, 'batch:start', {
      environmentId: 'sandbox',
      profile: 'default',
      input: '1234001',
      scenario: 'refund',
    } as never)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toMatch(/Scenario/)
  })
})
