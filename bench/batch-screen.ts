/**
 * `npx tsx bench/batch-screen.ts [--rounds N]`: only row 7 (the Batch check screen at 100 vs 10,000 rows),
 * printed; the full `npm run bench` runs it with the other rows and records it.
 */
import { runBatchScreen } from './rows/batch-screen'

const at = process.argv.indexOf('--rounds')
const rounds = at > 0 ? Number(process.argv[at + 1]) : 7
runBatchScreen({ rounds, log: (line) => process.stderr.write(`${line}\n`) })
  .then((result) => {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`)
    process.exit(1)
  })
