// Import cycles in src/, type imports counted (a type-only cycle still couples the files both ways). The one
// allowed cycle is zustand's slices pattern: a renderer `*-slice.ts` importing the combined Store type from
// `app-store.ts` with a type-only import. Resolution uses TypeScript itself with each project's tsconfig, so path
// aliases resolve like tsc resolves them. Exit 1 and print every cycle when there is one.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const root = path.resolve(import.meta.dirname, '..')
const options = (project) => {
  const file = path.join(root, project)
  const config = ts.readConfigFile(file, ts.sys.readFile).config
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, file).options
}
const nodeOptions = options('tsconfig.node.json')
const webOptions = options('tsconfig.web.json')

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return walk(full)
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })
const files = walk(path.join(root, 'src'))
const known = new Set(files)
const rel = (file) => path.relative(root, file)

/** Every module specifier of a file, with whether the import is type-only. */
function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found = []
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const clause = ts.isImportDeclaration(node) ? node.importClause : undefined
      const typeOnly = ts.isImportDeclaration(node)
        ? Boolean(
            clause &&
            (clause.isTypeOnly ||
              (!clause.name &&
                clause.namedBindings &&
                ts.isNamedImports(clause.namedBindings) &&
                clause.namedBindings.elements.length > 0 &&
                clause.namedBindings.elements.every((element) => element.isTypeOnly))),
          )
        : node.isTypeOnly
      found.push({ specifier: node.moduleSpecifier.text, typeOnly })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false })
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal
      if (ts.isStringLiteral(literal)) found.push({ specifier: literal.text, typeOnly: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const isRenderer = (file) => rel(file).startsWith(`src${path.sep}renderer${path.sep}`)
/** zustand's slices: a slice takes the combined store's type. */
const allowedEdge = (from, to, typeOnly) =>
  typeOnly && isRenderer(from) && /-slices?\.tsx?$/.test(from) && path.basename(to) === 'app-store.ts'

const graph = new Map()
for (const file of files) {
  const compilerOptions = isRenderer(file) ? webOptions : nodeOptions
  const edges = new Set()
  for (const { specifier, typeOnly } of importsOf(file)) {
    const resolved = ts.resolveModuleName(specifier, file, compilerOptions, ts.sys).resolvedModule
    const target = resolved && path.resolve(resolved.resolvedFileName)
    if (!target || !known.has(target) || allowedEdge(file, target, typeOnly)) continue
    edges.add(target)
  }
  graph.set(file, edges)
}

// Tarjan's strongly connected components: every component of more than one file (or a self-import) is a cycle.
let index = 0
const stack = []
const state = new Map()
const cycles = []
function connect(file) {
  const mine = { index, low: index, onStack: true }
  index += 1
  state.set(file, mine)
  stack.push(file)
  for (const next of graph.get(file) ?? []) {
    const seen = state.get(next)
    if (!seen) {
      connect(next)
      mine.low = Math.min(mine.low, state.get(next).low)
    } else if (seen.onStack) mine.low = Math.min(mine.low, seen.index)
  }
  if (mine.low !== mine.index) return
  const component = []
  let member
  do {
    member = stack.pop()
    state.get(member).onStack = false
    component.push(member)
  } while (member !== file)
  if (component.length > 1 || graph.get(file)?.has(file)) cycles.push(component)
}
for (const file of files) if (!state.has(file)) connect(file)

/** One concrete loop through a component, for the message. */
function loopThrough(component) {
  const members = new Set(component)
  const start = component[0]
  const queue = [[start]]
  const visited = new Set()
  while (queue.length > 0) {
    const trail = queue.shift()
    for (const next of graph.get(trail.at(-1)) ?? []) {
      if (next === start) return [...trail, start]
      if (members.has(next) && !visited.has(next)) {
        visited.add(next)
        queue.push([...trail, next])
      }
    }
  }
  return component
}

if (cycles.length === 0) {
  console.log(`check-cycles: ${files.length} files in src/, no import cycles (type imports counted)`)
  process.exit(0)
}
console.error(`check-cycles: ${cycles.length} import cycle(s) in src/ (type imports counted):`)
for (const component of cycles) {
  console.error(`  ${component.length} files: ${loopThrough(component).map(rel).join(' → ')}`)
}
process.exit(1)
