/**
 * One verdict per attempt in History, through dispatch against the embedded sandbox: a create is recorded with
 * its call verdict, the card form's report is recorded as a library entry and combined into the session's
 * outcome, Re-run is a new attempt, and the support bundle carries the same combined verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../src/core/console-app'
import { consoleOptions, sessionInput as input, tempDir } from '../../support/console-fixtures'
import { call } from '../../support/call'

let app: ConsoleApp

beforeAll(async () => {
  app = await createConsole(consoleOptions(await tempDir('hfc-verdict-')))
})
afterAll(async () => app.close())

describe('history records the combined verdict', () => {
  it('created + card form failed reads "Created · form failed" in History, the bundle and after Re-run', async () => {
    const created = await call(
      app,
      'session:create',
      input({ processingTerminalId: '1234002', scenario: 'tokenization' }),
    )
    expect(created.ok).toBe(true)
    if (!created.ok) return
    const historyId = created.value.historyId
    expect(historyId).toBeDefined()
    if (!historyId) return
    const listed = await call(app, 'history:list', {})
    expect(listed.ok && listed.value.entries[0]?.verdict).toMatchObject({
      tone: 'pending',
      historyOutcome: 'created',
    })

    const reported = await call(app, 'history:recordLibrary', {
      historyId,
      state: 'init-error',
      message:
        'Secure tokens are not enabled for processing terminal 1234002, so Hosted Fields cannot run in tokenization mode.',
    })
    expect(reported).toMatchObject({
      ok: true,
      value: {
        tone: 'error',
        sentence: 'Session created, but the card form failed: this terminal is not set up for secure tokens.',
        historyOutcome: 'created-form-failed',
      },
    })
    const after = await call(app, 'history:list', {})
    if (!after.ok) throw new Error(after.error.message)
    // The table lists the attempt once, with the combined outcome; the library entry is stored beside it.
    expect(after.value.entries.filter((e) => e.processingTerminalId === '1234002')).toHaveLength(1)
    expect(after.value.entries[0]).toMatchObject({
      id: historyId,
      kind: 'session',
      verdict: { historyOutcome: 'created-form-failed' },
    })
    const csv = await call(app, 'history:exportCsv', {})
    expect(csv.ok && csv.value.csv.split('\n').filter((line) => line.includes('1234002'))).toHaveLength(1)
    // A filter that hides the library entry still shows the session's combined outcome.
    const filtered = await call(app, 'history:list', { terminal: '1234002', limit: 1 })
    expect(filtered.ok && filtered.value.entries[0]?.verdict?.historyOutcome).toBe('created-form-failed')

    const bundle = await call(app, 'bundle:export', {
      environmentId: 'sandbox',
      profile: 'default',
      journalId: created.value.journalId,
    })
    if (!bundle.ok) throw new Error(bundle.error.message)
    const doc = JSON.parse(bundle.value.json) as {
      attempts: { historyId: string; verdict: { sentence: string } }[]
    }
    expect(doc.attempts).toEqual([
      expect.objectContaining({
        historyId,
        verdict: expect.objectContaining({ sentence: expect.stringContaining('card form failed') }),
      }),
    ])

    const rerun = await call(app, 'history:rerun', { id: historyId })
    expect(rerun.ok && rerun.value.historyId).toBeTruthy()
    expect(rerun.ok && rerun.value.historyId).not.toBe(historyId)
  })

  it('a failed call is recorded with its reason; a report for an unknown or library entry is not found', async () => {
    const failed = await call(app, 'session:create', input({ processingTerminalId: '9999001' }))
    expect(failed.ok).toBe(false)
    const listed = await call(app, 'history:list', { terminal: '9999001' })
    expect(listed.ok && listed.value.entries[0]?.verdict).toMatchObject({
      tone: 'error',
      sentence: 'Session not created: this API key may not use terminal 9999001 (403).',
      historyOutcome: 'failed-403',
    })
    expect(await call(app, 'history:recordLibrary', { historyId: 'nope', state: 'ready' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    })
  })
})
