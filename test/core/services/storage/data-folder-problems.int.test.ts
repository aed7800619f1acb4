/**
 * Issue 16, deliverable 6, through the real console (createConsole, dispatch) and the real CLI process:
 * - a session:create answer carries its history entry only once that entry is on disk (history.jsonl);
 * - a schema-invalid settings.json keeps its data (recovered environments, a timestamped copy) and app:info
 *   reports the notice naming the file and the copy (what the renderer shows);
 * - a folder where settings.json or history.json should be stops start-up with an error naming it, and
 *   check-terminals says so and exits 3 (could not run) instead of an unnamed crash.
 */
import { spawn } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createConsole } from '../../../../src/core/console-app'
import { SETTINGS_FILE } from '../../../../src/core/services/gateway/environment-store'
import { HISTORY_FILE, HISTORY_LOG_FILE } from '../../../../src/core/services/storage/session-history'
import { call } from '../../../support/call'
import { consoleOptions, sessionInput, tempDir } from '../../../support/console-fixtures'

const custom = (i: number) => ({
  id: `custom:merchant-${i}`,
  name: `Merchant ${i}`,
  apiBase: `https://api.m${i}.example.test/v1`,
  identityBase: `https://identity.m${i}.example.test`,
  cdnBase: `https://cdn.m${i}.example.test`,
  defaultLibVersion: '1.7.0.261457',
})

describe('the data folder through the console', () => {
  it('answers session:create only once its history entry is in history.jsonl', async () => {
    const dir = await tempDir('hfc-durable-create-')
    const app = await createConsole(consoleOptions(dir))
    try {
      const created = await call(app, 'session:create', sessionInput())
      expect(created.ok).toBe(true)
      const historyId = created.ok ? created.value.historyId : undefined
      expect(historyId).toBeDefined()
      // Read right after the answer, before any close or compaction: the entry is already on disk.
      const log = await readFile(path.join(dir, HISTORY_LOG_FILE), 'utf8')
      expect(log).toContain(`"id":"${historyId ?? ''}"`)
    } finally {
      await app.close()
    }
  })

  it('keeps a schema-invalid settings.json aside and app:info names it and the copy', async () => {
    const dir = await tempDir('hfc-settings-invalid-')
    const environments = Array.from({ length: 23 }, (_, i) => custom(i + 1))
    await writeFile(
      path.join(dir, SETTINGS_FILE),
      JSON.stringify({ version: 1, customEnvironments: environments, selected: 'custom:merchant-1' }),
    )
    const app = await createConsole(consoleOptions(dir))
    try {
      const info = await call(app, 'app:info', {})
      const notices = info.ok ? (info.value.dataNotices ?? []) : []
      const [copy] = (await readdir(dir)).filter((name) => name.startsWith('settings.json.corrupt-'))
      expect(copy).toBeDefined()
      expect(notices).toHaveLength(1)
      expect(notices[0]).toContain('settings.json does not have the expected content (selected:')
      expect(notices[0]).toContain(path.join(dir, copy ?? ''))
      expect(notices[0]).toContain('All 23 custom environments in it were recovered')
      const list = await call(app, 'environment:list', {})
      expect(list.ok && list.value.environments.filter((env) => env.kind === 'custom')).toHaveLength(23)
    } finally {
      await app.close()
    }
  })

  for (const name of [SETTINGS_FILE, HISTORY_FILE]) {
    it(`names ${name} when a folder stands in its place`, async () => {
      const dir = await tempDir('hfc-folder-in-place-')
      await mkdir(path.join(dir, name))
      await expect(createConsole(consoleOptions(dir))).rejects.toThrow(
        new RegExp(`^${name.replace('.', '\\.')} is not a file \\(.*${name.replace('.', '\\.')} is a folder`),
      )
    })
  }
})

function checkTerminals(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/check-terminals.ts', ...args], {
      cwd: path.resolve(__dirname, '../../../..'),
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

it('check-terminals names settings.json when a folder stands in its place, and exits 3', async () => {
  const dir = await tempDir('hfc-cli-folder-')
  const data = path.join(dir, 'data')
  await mkdir(path.join(data, SETTINGS_FILE), { recursive: true })
  const ids = path.join(dir, 'ids.txt')
  await writeFile(ids, '1234001\n')
  const run = await checkTerminals(['--env', 'sandbox', '--file', ids, '--data-dir', data])
  expect(run.stderr).toMatch(/check-terminals could not run: settings\.json is not a file \(.*settings\.json/)
  expect(run.code).toBe(3)
}, 240_000)
