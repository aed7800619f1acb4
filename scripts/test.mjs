// `npm test`: every check, in order, each step's own output visible, then one summary line.
// Runs inside scripts/with-keyring.sh (one D-Bus session with an unlocked gnome-keyring for every step).
import { spawnSync } from 'node:child_process'
import { SKIPPED_EXIT } from './skipped-exit.mjs'

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['cycles', 'node', ['scripts/check-cycles.mjs']],
  ['layout', 'node', ['scripts/check-layout.mjs']],
  ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration', 'npx', ['vitest', 'run', '--project', 'integration']],
  // Exits SKIPPED_EXIT (reported SKIPPED, not ok) where ../shared/payroc is absent.
  ['conformance', 'node', ['scripts/conformance.mjs']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['bundles', 'npx', ['vitest', 'run', '--project', 'build']],
  ['e2e', 'node', ['scripts/e2e.mjs']],
]
const only = process.argv.slice(2)
const results = []
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.includes(name)) continue
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`)
  const started = Date.now()
  const run = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const skipped = run.status === SKIPPED_EXIT
  const ok = run.status === 0
  results.push({ name, ok, skipped, seconds })
  const verdict = ok ? 'ok' : skipped ? 'SKIPPED' : `FAILED (exit ${run.status ?? run.signal})`
  console.log(`━━ ${name}: ${verdict} in ${seconds} s`)
  if (!ok && !skipped) break
}
console.log('\nnpm test summary')
for (const r of results) {
  console.log(`  ${r.ok ? 'ok     ' : r.skipped ? 'SKIPPED' : 'FAILED '} ${r.name.padEnd(12)} ${r.seconds} s`)
}
const failed = results.filter((r) => !r.ok && !r.skipped).length
const skippedCount = results.filter((r) => r.skipped).length
const notRun = steps.length - results.length - (only.length > 0 ? steps.length - only.length : 0)
if (notRun > 0) console.log(`  ${notRun} step(s) not run because an earlier step failed`)
console.log(
  `steps: ${results.length - failed - skippedCount} passed, ${failed} failed, ${skippedCount} skipped (a skipped step is not a pass)`,
)
process.exit(failed > 0 ? 1 : 0)
