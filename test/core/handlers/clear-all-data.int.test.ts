/**
 * Clear all data through dispatch, on a data folder that had a damaged settings file: the copy kept aside (it holds
 * the user's custom environments) goes too, with everything else CLEAR_ALL_DATA lists.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { createConsole } from '../../../src/core/console-app'
import { CLEAR_ALL_DATA } from '../../../src/shared/retention'
import { call } from '../../support/call'
import { consoleOptions, tempDir } from '../../support/console-fixtures'

const corruptCopies = async (dir: string) =>
  (await fs.readdir(dir)).filter((name) => name.includes('.corrupt-'))

it('removes the damaged copies kept aside, and reports every store it clears', async () => {
  const dataDir = await tempDir('hfc-clear-all-')
  await fs.writeFile(path.join(dataDir, 'settings.json'), '{ not json')
  const app = await createConsole(consoleOptions(dataDir))
  try {
    expect(await corruptCopies(dataDir)).toHaveLength(1)
    const cleared = await call(app, 'app:clearAllData', {})
    if (!cleared.ok) throw new Error(cleared.error.message)
    expect(await corruptCopies(dataDir)).toEqual([])
    expect([...(cleared.value.cleared ?? [])].sort()).toEqual(CLEAR_ALL_DATA.map((item) => item.id).sort())
  } finally {
    await app.close()
  }
})
