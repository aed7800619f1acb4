// `npm test`'s conformance step: the sandbox's answers and the app's schemas against Payroc's OpenAPI spec
// (test/conformance, vitest project `conformance`). The spec sits beside the project (../shared/payroc), never
// in it: where it is absent (a fresh clone) this prints one line and exits with SKIPPED_EXIT, which
// scripts/test.mjs reports as SKIPPED — never as passed. When the file is there, the suite must load it
// (PAYROC_SPEC_REQUIRED=1): a spec that cannot be parsed fails the step instead of skipping it.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SKIPPED_EXIT } from './skipped-exit.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const relative = '../shared/payroc/openapi/payroc-openapi-spec.yaml'
const spec = process.env.PAYROC_SPEC_PATH ?? resolve(root, relative)

if (!existsSync(spec)) {
  console.log(
    `conformance skipped: ${process.env.PAYROC_SPEC_PATH ?? relative} is absent (Payroc's spec sits beside the project, not in it; a fresh clone has none)`,
  )
  process.exit(SKIPPED_EXIT)
}
const run = spawnSync('npx', ['vitest', 'run', '--project', 'conformance', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PAYROC_SPEC_REQUIRED: '1' },
})
process.exit(run.status ?? 1)
