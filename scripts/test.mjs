// `npm test`: every check, in order, each step's own output visible, then one summary line.
// Runs inside scripts/with-keyring.sh (one D-Bus session with an unlocked gnome-keyring for every step).
import { spawnSync } from 'node:child_process'

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['cycles', 'node', ['scripts/check-cycles.mjs']],
  ['layout', 'node', ['scripts/check-layout.mjs']],
  ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration', 'npx', ['vitest', 'run', '--project', 'integration']],
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
  const ok = run.status === 0
  results.push({ name, ok, seconds })
  console.log(`━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds} s`)
  if (!ok) break
}
console.log('\nnpm test summary')
for (const r of results) console.log(`  ${r.ok ? 'ok    ' : 'FAILED'} ${r.name.padEnd(12)} ${r.seconds} s`)
const failed = results.filter((r) => !r.ok).length
const notRun = steps.length - results.length - (only.length > 0 ? steps.length - only.length : 0)
if (notRun > 0) console.log(`  ${notRun} step(s) not run because an earlier step failed`)
console.log(`steps: ${results.length - failed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
