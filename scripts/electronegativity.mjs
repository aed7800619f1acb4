// Electronegativity over the sources: fails on any HIGH or MEDIUM finding that is not suppressed by an
// `eng-disable CHECK_NAME -- reason` comment on the flagged line, and on any suppression without a reason.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const report = join(mkdtempSync(join(tmpdir(), 'eneg-')), 'report.csv')
// AVAILABLE_SECURITY_FIXES asks GitHub for Electron's releases (no network here); the pinned Electron version
// is passed instead and kept current by hand (package.json).
const run = spawnSync(
  'npx',
  [
    'electronegativity',
    '-i',
    join(root, 'src'),
    '-r',
    '-e',
    '41.7.1',
    '-x',
    'AvailableSecurityFixesGlobalCheck',
    '-o',
    report,
  ],
  { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
)
if (run.status !== 0) {
  console.error(run.stdout, run.stderr)
  process.exit(run.status ?? 1)
}
// Parse the CSV report (quoted fields may hold commas and newlines).
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field.trim())
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') endField()
    else if (c === '\n') {
      endField()
      rows.push(row)
      row = []
    } else field += c
  }
  if (field || row.length) {
    endField()
    rows.push(row)
  }
  return rows
}
const [, ...records] = parseCsv(readFileSync(report, 'utf8'))
const findings = records
  .filter((r) => r.length >= 7)
  .map(([id, severity, confidence, file, location, sample, description]) => ({
    id,
    severity: severity.toUpperCase(),
    where: `${file}:${location}`,
    text: `${description} [${confidence}] ${sample}`.slice(0, 200),
  }))
const blocking = findings.filter((f) => /^(HIGH|MEDIUM)$/.test(f.severity))

// Every suppression must say why.
const unexplained = []
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (/\.(ts|tsx|html)$/.test(name)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.includes('eng-disable') && !/eng-disable[\w \t]+(--|—)\s*\S.{9,}/.test(line)) {
            unexplained.push(`${relative(root, path)}:${i + 1}`)
          }
        })
    }
  }
}
walk(join(root, 'src'))

for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.id} ${f.where} ${f.text}`)
for (const u of unexplained) console.log(`UNEXPLAINED eng-disable at ${u}: add "-- <why this is safe>"`)
console.log(
  `electronegativity: ${findings.length} finding(s), ${blocking.length} high/medium, ${unexplained.length} unexplained suppression(s)`,
)
process.exit(blocking.length + unexplained.length > 0 ? 1 : 0)
