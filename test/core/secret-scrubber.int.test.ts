/**
 * One scrubber at the boundary: a custom environment on a hostile loopback gateway that echoes the API key and
 * the Bearer in problem details and headers. After a create, a re-run and every export, neither secret appears in
 * any answer, any push event, the history (answers and `history.json`), the journal (list, entries, curl), the
 * support bundle, the CSV, the log — nor in any file of the data folder.
 */
import { randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../src/core/console-app'
import type { ConsoleEvent } from '../../src/shared/contract'
import { call } from '../support/call'
import { consoleOptions, saveCustomEnvironment, sessionInput, tempDir } from '../support/console-fixtures'
import { startHostileGateway, type HostileGateway } from '../support/hostile-gateway'

const apiKey = `key-canary-${randomBytes(16).toString('hex')}`
let gateway: HostileGateway
let app: ConsoleApp
let dataDir: string
const events: ConsoleEvent[] = []

beforeAll(async () => {
  gateway = await startHostileGateway()
  dataDir = await tempDir('hfc-scrubber-')
  app = await createConsole(consoleOptions(dataDir, { gateway: { retry: { baseDelayMs: 5 } } }))
  app.subscribe((event) => events.push(event))
})
afterAll(async () => {
  await app?.close()
  await gateway?.close()
})

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await filesUnder(full)))
    else out.push(full)
  }
  return out
}

it('keeps the key and the Bearer out of every output and every file when the gateway echoes them', async () => {
  const environmentId = await saveCustomEnvironment(app, 'Hostile echo', gateway.base, apiKey)
  const target = { environmentId, profile: 'default' }
  const outputs: unknown[] = []
  const created = await call(app, 'session:create', sessionInput(target))
  expect(created.ok).toBe(false)
  outputs.push(created)
  // The gateway did see both secrets: the test is only meaningful if they were there to echo.
  expect(gateway.seen.some((seen) => seen.headers['authorization'] === `Bearer ${gateway.bearer}`)).toBe(true)

  const history = await call(app, 'history:list', {})
  outputs.push(history)
  if (history.ok && history.value.entries[0]) {
    outputs.push(await call(app, 'history:rerun', { id: history.value.entries[0].id }))
  }
  outputs.push(await call(app, 'history:exportCsv', {}))
  const journal = await call(app, 'journal:list', {})
  outputs.push(journal)
  for (const entry of journal.ok ? journal.value.entries : []) {
    outputs.push(await call(app, 'journal:get', { id: entry.id }))
    outputs.push(await call(app, 'journal:curl', { id: entry.id }))
  }
  outputs.push(await call(app, 'bundle:export', target))
  outputs.push(
    await call(app, 'preflight:run', {
      ...target,
      processingTerminalId: '1234001',
      libVersion: '1.7.0.261457',
    }),
  )
  await app.close()

  const texts: [string, string][] = [
    ['answers', JSON.stringify(outputs)],
    ['push events', JSON.stringify(events)],
  ]
  for (const file of await filesUnder(dataDir)) texts.push([file, await readFile(file, 'utf8')])
  expect(
    texts
      .map(([name]) => name)
      .some((name) => name.endsWith('history.json') || name.endsWith('history.jsonl')),
  ).toBe(true)
  const leaks = texts.flatMap(([name, text]) =>
    [apiKey, gateway.bearer]
      .filter((secret) => text.includes(secret))
      .map((secret) => `${name}: ${secret.slice(0, 12)}…`),
  )
  expect(leaks).toEqual([])
  expect(events.length).toBeGreaterThan(0)
})
