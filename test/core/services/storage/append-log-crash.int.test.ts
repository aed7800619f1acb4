/**
 * Durability under kill -9: a child process appends history-sized entries through AppendLog from 16
 * concurrent writers and prints `ack <id>` to stdout only after each append's promise resolved; the parent
 * SIGKILLs it at seeded random moments, 20 times on the same folder (each start also replays the previous
 * kill's log, torn lines included), and after every kill opens the folder with AppendLog itself: every
 * acknowledged id must be there (0 lost), none twice.
 *
 * The check is shown to bite: a child that acknowledges before the append is durable (what the old 200 ms
 * write coalescing amounted to) loses acknowledged entries within a few kills.
 *
 * The child is append-log.ts, run and killed by the shared harness (test/support/crash-harness.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { z } from 'zod'
import { AppendLog } from '../../../../src/core/services/storage/append-log'
import { buildCrashChild, killRepeatedly, repoImport, type CrashChild } from '../../../support/crash-harness'

const SEED = Number(process.env['CRASH_SEED'] ?? 20_261_202)
const KILLS = 20
const Entry = z.object({ id: z.string(), message: z.string() })
const logOptions = (dir: string) => ({
  dir,
  snapshotName: 'history.json',
  logName: 'history.jsonl',
  version: 1,
  entry: Entry,
  capacity: 1_000_000,
  compactEvery: 400,
})

const CHILD_SOURCE = `
import { z } from ${repoImport('node_modules/zod/index.js')}
import { AppendLog } from ${repoImport('src/core/services/storage/append-log.ts')}

const [dir, run, mode] = process.argv.slice(2)
const Entry = z.object({ id: z.string(), message: z.string() })
const log = await AppendLog.open({
  dir, snapshotName: 'history.json', logName: 'history.jsonl', version: 1, entry: Entry,
  capacity: 1_000_000, compactEvery: 400,
})
process.stdout.write('ready\\n')
let n = 0
async function writer() {
  for (;;) {
    n += 1
    const id = run + '-' + n
    if (mode === 'early') {
      // Acknowledges first and writes 200 ms later (the old write coalescing): the broken behaviour the test
      // must catch. A kill -9 keeps what reached the page cache, so only a real delay loses entries every time.
      process.stdout.write('ack ' + id + '\\n')
      setTimeout(() => void log.append({ id, message: 'x'.repeat(300) }), 200)
      await new Promise((r) => setTimeout(r, 1))
      continue
    }
    await log.append({ id, message: 'x'.repeat(300) })
    process.stdout.write('ack ' + id + '\\n')
  }
}
for (let i = 0; i < 16; i += 1) void writer()
`

let child: CrashChild

beforeAll(async () => {
  child = await buildCrashChild('appender', CHILD_SOURCE)
})
afterAll(async () => {
  await child.cleanup()
})

async function killAppender(mode: 'durable' | 'early', kills: number) {
  const notices: string[] = []
  const options = { label: mode, seed: SEED, kills, minMs: 30, spreadMs: 300, args: [mode] }
  const { acked, lostPerKill } = await killRepeatedly(child, options, async (dir) => {
    const log = await AppendLog.open(logOptions(dir))
    notices.push(...log.notices)
    const ids = log.entries().map((entry) => entry.id)
    await log.close()
    return ids
  })
  return { acked, lostPerKill, notices }
}

it(`loses 0 acknowledged entries over ${KILLS} SIGKILLs under load (seed ${SEED})`, async () => {
  const { acked, lostPerKill, notices } = await killAppender('durable', KILLS)
  console.log(
    `append-log crash: ${acked} acknowledged over ${KILLS} kills, lost per kill ${lostPerKill.join(',')}; ` +
      `${notices.length} torn/damaged-log notices on restart`,
  )
  expect(acked).toBeGreaterThan(KILLS * 50)
  expect(lostPerKill).toEqual(Array.from({ length: KILLS }, () => 0))
}, 120_000)

it('catches a writer that acknowledges before the entry is durable', async () => {
  const { lostPerKill } = await killAppender('early', 5)
  console.log(`early-ack child: lost per kill ${lostPerKill.join(',')}`)
  expect(lostPerKill.some((lost) => lost > 0)).toBe(true)
}, 60_000)
