/** The data folder is the user's alone: a new one is created 0700, an existing 0755 one is narrowed to 0700. */
import { chmod, mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { expect, it } from 'vitest'
import { createConsole } from '../../src/core/console-app'
import { consoleOptions, tempDir } from '../support/console-fixtures'

const mode = async (dir: string) => (await stat(dir)).mode & 0o777

it.skipIf(process.platform === 'win32')('creates a new data folder 0700', async () => {
  const dir = path.join(await tempDir('hfc-mode-'), 'nested', 'data')
  const app = await createConsole(consoleOptions(dir))
  await app.close()
  expect(await mode(dir)).toBe(0o700)
})

it.skipIf(process.platform === 'win32')('narrows an existing 0755 data folder to 0700', async () => {
  const dir = path.join(await tempDir('hfc-mode-'), 'data')
  await mkdir(dir)
  await chmod(dir, 0o755)
  const app = await createConsole(consoleOptions(dir))
  await app.close()
  expect(await mode(dir)).toBe(0o700)
})
