// The layout rules ARCHITECTURE.md states, checked on every `npm test` (the layer rules are ESLint's, the cycle
// rule is check-cycles.mjs):
//   - no .ts/.tsx file in src/ over 400 lines;
//   - file names unique across src/ — index.ts and the contract/<ns>.ts ↔ handlers/<ns>.ts pairs aside;
//   - no browser code kept in string literals: a String.raw template or a template longer than 20 lines that
//     holds `function`, `addEventListener` or `document.` is source the compiler and linters never see.
// Exit 1 and print every breach.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const MAX_LINES = 400

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return walk(full)
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })
const files = walk(path.join(root, 'src'))
const rel = (file) => path.relative(root, file)
const problems = []

for (const file of files) {
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n').length
  if (lines > MAX_LINES) problems.push(`${rel(file)}: ${lines} lines (at most ${MAX_LINES})`)
  if (/String\.raw`/.test(text))
    problems.push(`${rel(file)}: a String.raw template (browser code belongs in a source file)`)
  for (const match of text.matchAll(/`([^`]*)`/g)) {
    const body = match[1]
    if (body.split('\n').length > 20 && /\bfunction\b|addEventListener|document\./.test(body)) {
      const line = text.slice(0, match.index).split('\n').length
      problems.push(`${rel(file)}:${line}: a long template literal that looks like browser code`)
    }
  }
}

// A channel namespace's contract and handler share their name on purpose (the channel rule).
const isChannelPair = (file) => /src\/(shared\/contract|core\/handlers)\/[^/]+\.ts$/.test(rel(file))
const byName = new Map()
for (const file of files) {
  const name = path.basename(file)
  if (name === 'index.ts' || isChannelPair(file)) continue
  byName.set(name, [...(byName.get(name) ?? []), rel(file)])
}
for (const [name, where] of byName) {
  if (where.length > 1) problems.push(`${name} is used ${where.length} times: ${where.join(', ')}`)
}

if (problems.length > 0) {
  console.error(`check-layout: ${problems.length} problem(s) in src/:`)
  for (const problem of problems) console.error(`  ${problem}`)
  process.exit(1)
}
console.log(
  `check-layout: ${files.length} files in src/, none over ${MAX_LINES} lines, names unique, no browser code in strings`,
)
