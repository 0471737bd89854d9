// The architecture rules of docs/architecture.md, checked on the import graph that TypeScript's own
// parser reads from the sources. `npm test` runs them (test/architecture.test.ts); each rule also has
// unit tests on small made-up graphs, so that a rule that stopped firing would be noticed.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * The layers, lowest first. A module may import from its own layer or a lower one, never a higher one.
 * A module is a folder of src/ (each analysis is one: src/analysis/forecast), a file at the top of src/,
 * or the dashboard (web/).
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['src/core', 'src/locate', 'src/paths.ts'],
  ['src/ingest'],
  ['src/extract'],
  ['src/scenario'],
  ['src/draft', 'src/bootstrap', 'src/case'],
  [
    'src/analysis/moves',
    'src/analysis/conditions',
    'src/analysis/division',
    'src/analysis/forecast',
    'src/analysis/packages',
    'src/analysis/sensitivity',
  ],
  ['src/analyze'],
  ['src/store'],
  ['src/pipeline'],
  ['src/charts'],
  ['src/report'],
  ['src/server'],
  ['src/cli'],
  ['web'],
]

/** Modules that compute without I/O: no `node:` module (STYLE.md: the analyses never touch files or the clock). */
export const PURE_MODULES: readonly string[] = [
  'src/core',
  'src/draft',
  'src/bootstrap',
  'src/charts',
  'src/analyze',
  ...(LAYERS[5] as readonly string[]),
]

/** Modules that do I/O (the store, the network, files, the terminal): a pure module imports none of them. */
export const IO_MODULES: readonly string[] = ['src/store', 'src/pipeline', 'src/server', 'src/cli']

/** Packages that run only in Node: the dashboard's bundle must not reach them through a value import. */
export const NODE_ONLY_PACKAGES: readonly string[] = [
  '@electric-sql/pglite',
  '@hono/node-server',
  '@mozilla/readability',
  'chrono-node',
  'cli-progress',
  'commander',
  'linkedom',
  'pg',
  'wink-eng-lite-web-model',
  'wink-nlp',
]

export interface Import {
  /** The specifier as written: './x.ts', 'node:fs', 'zod'. */
  specifier: string
  /** The file it names (repository-relative), for a relative specifier. */
  target?: string | undefined
  /** `import type …`, `export type …`, or every name marked `type`: erased from the JavaScript. */
  typeOnly: boolean
  /** `import('…')`: loaded only when the code that holds it runs. */
  dynamic?: boolean
  line: number
}

/** Repository-relative file → its imports. */
export type ImportGraph = ReadonlyMap<string, readonly Import[]>

export interface Violation {
  rule: 'upward' | 'cycle' | 'not-index' | 'internal' | 'impure' | 'node-in-web'
  file: string
  line: number
  message: string
}

/** The module a repository-relative path belongs to, or undefined outside src/ and web/. */
export function moduleOf(path: string): string | undefined {
  const parts = path.split('/')
  if (parts[0] === 'web') return 'web'
  if (parts[0] !== 'src' || parts.length < 2) return undefined
  if (parts.length === 2) return path
  if (parts[1] === 'analysis') return parts.length === 3 ? path : parts.slice(0, 3).join('/')
  return parts.slice(0, 2).join('/')
}

export function layerOf(module: string): number {
  return LAYERS.findIndex((layer) => layer.includes(module))
}

/** The entry file of a module: its index.ts, or the file itself for a file module. */
const entryOf = (module: string) => (module.endsWith('.ts') ? module : `${module}/index.ts`)

/** Every rule, on every import of the graph. */
export function checkArchitecture(graph: ImportGraph): Violation[] {
  return [...layerViolations(graph), ...cycles(graph), ...purityViolations(graph), ...webViolations(graph)]
}

/** Upward imports, imports of another module's inner files, and `_` files imported from outside their folder. */
export function layerViolations(graph: ImportGraph): Violation[] {
  const out: Violation[] = []
  for (const [file, imports] of graph) {
    const from = moduleOf(file)
    if (from === undefined) continue
    for (const i of imports) {
      if (i.target === undefined) continue
      const to = moduleOf(i.target)
      if (to === undefined) {
        out.push({
          rule: 'upward',
          file,
          line: i.line,
          message: `imports ${i.target}, outside src/ and web/`,
        })
        continue
      }
      const name = i.target.split('/').at(-1) ?? ''
      if (
        name.startsWith('_') &&
        dirname(i.target) !== dirname(file) &&
        !dirname(file).startsWith(`${dirname(i.target)}/`)
      )
        out.push({
          rule: 'internal',
          file,
          line: i.line,
          message: `imports ${i.target}, a file internal to ${dirname(i.target)}/`,
        })
      if (to === from) continue
      const [a, b] = [layerOf(from), layerOf(to)]
      if (a < 0 || b < 0)
        out.push({
          rule: 'upward',
          file,
          line: i.line,
          message: `${a < 0 ? from : to} has no layer in test/helpers/architecture.ts`,
        })
      else if (b > a)
        out.push({
          rule: 'upward',
          file,
          line: i.line,
          message: `imports ${i.target}: ${to} (layer ${b}) is above ${from} (layer ${a})`,
        })
      if (i.target !== entryOf(to))
        out.push({
          rule: 'not-index',
          file,
          line: i.line,
          message: `imports ${i.target}; another module is entered through ${entryOf(to)}`,
        })
    }
  }
  return out
}

/** Cycles between files (every import counts, type-only ones too), each reported once. */
export function cycles(graph: ImportGraph): Violation[] {
  const out: Violation[] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const seen = new Set<string>()
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const i of graph.get(file) ?? []) {
      if (i.target === undefined || !graph.has(i.target)) continue
      const s = state.get(i.target)
      if (s === 'open') {
        const loop = stack.slice(stack.indexOf(i.target))
        const key = [...loop].sort().join(' ')
        if (!seen.has(key)) {
          seen.add(key)
          out.push({
            rule: 'cycle',
            file,
            line: i.line,
            message: `${[...loop, i.target].join(' → ')}`,
          })
        }
      } else if (s === undefined) visit(i.target)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file)
  return out
}

/** A pure module that imports a `node:` module, or a module that does I/O (charts sit above the store). */
export function purityViolations(graph: ImportGraph): Violation[] {
  const out: Violation[] = []
  for (const [file, imports] of graph) {
    const module = moduleOf(file)
    if (module === undefined || !PURE_MODULES.includes(module)) continue
    for (const i of imports)
      if (i.target !== undefined && IO_MODULES.includes(moduleOf(i.target) ?? ''))
        out.push({
          rule: 'impure',
          file,
          line: i.line,
          message: `${module} computes without I/O, but imports ${i.target}`,
        })
      else if (i.specifier.startsWith('node:'))
        out.push({
          rule: 'impure',
          file,
          line: i.line,
          message: `${module} computes without I/O, but imports ${i.specifier}`,
        })
  }
  return out
}

/** A value import from web/ whose closure reaches a `node:` module or a Node-only package. */
export function webViolations(graph: ImportGraph): Violation[] {
  const out: Violation[] = []
  const reach = new Map<string, string | null>()
  /** The first Node-only import reachable from `file` through value imports, as a path, or null. */
  const nodeOnly = (file: string, trail: string[]): string | null => {
    const known = reach.get(file)
    if (known !== undefined) return known
    reach.set(file, null) // a cycle is reported elsewhere
    let found: string | null = null
    for (const i of graph.get(file) ?? []) {
      if (i.typeOnly) continue
      const pkg = i.specifier.startsWith('@')
        ? i.specifier.split('/').slice(0, 2).join('/')
        : i.specifier.split('/')[0]
      if (i.specifier.startsWith('node:') || NODE_ONLY_PACKAGES.includes(pkg ?? ''))
        found = `${file} imports ${i.specifier}`
      else if (i.target !== undefined) {
        const deeper = nodeOnly(i.target, [...trail, file])
        if (deeper !== null) found = `${file} → ${deeper}`
      }
      if (found !== null) break
    }
    reach.set(file, found)
    return found
  }
  for (const [file, imports] of graph) {
    if (moduleOf(file) !== 'web' || !file.startsWith('web/src/')) continue
    for (const i of imports) {
      if (i.typeOnly || i.target === undefined || moduleOf(i.target) === 'web') continue
      const found = nodeOnly(i.target, [file])
      if (found !== null)
        out.push({
          rule: 'node-in-web',
          file,
          line: i.line,
          message: `the dashboard's bundle would reach Node: ${found}`,
        })
    }
  }
  return out
}

/** The import graph of every .ts file under `roots`, read with TypeScript's parser. */
export function readImportGraph(repo: string, roots: readonly string[]): Map<string, Import[]> {
  const graph = new Map<string, Import[]>()
  for (const root of roots)
    for (const file of walk(join(repo, root))) {
      const path = relative(repo, file)
      graph.set(path, importsOf(path, readFileSync(file, 'utf8'), repo))
    }
  return graph
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : walk(path)
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** The imports, re-exports and dynamic imports of one file. */
export function importsOf(path: string, text: string, repo = '.'): Import[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
  const out: Import[] = []
  const add = (node: ts.Node, specifier: string, typeOnly: boolean, dynamic = false) => {
    const target = specifier.startsWith('.')
      ? relative(repo, resolve(repo, dirname(path), specifier))
      : undefined
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
    out.push({ specifier, target, typeOnly, line, ...(dynamic ? { dynamic: true } : {}) })
  }
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const named = clause?.namedBindings
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)))
      add(node, node.moduleSpecifier.text, allTypes)
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const named = node.exportClause
      const allTypes =
        node.isTypeOnly ||
        (named !== undefined &&
          ts.isNamedExports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly))
      add(node, node.moduleSpecifier.text, allTypes)
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node, node.arguments[0].text, false, true)
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, true)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

export interface LongFunction {
  file: string
  line: number
  name: string
  lines: number
}

/** Functions, methods and arrow functions longer than `max` lines, from their first line to their last. */
export function longFunctions(path: string, text: string, max: number): LongFunction[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
  const out: LongFunction[] = []
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line
      const lines = last - first + 1
      if (lines > max) out.push({ file: path, line: first + 1, name: functionName(node), lines })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

function functionName(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node }
  if (named.name !== undefined && ts.isIdentifier(named.name)) return named.name.text
  const parent = node.parent
  if (parent !== undefined && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name))
    return parent.name.text
  if (parent !== undefined && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name))
    return parent.name.text
  return '(anonymous)'
}

/** Every .ts file under `roots`, repository-relative, with its text. */
export function sourceFiles(repo: string, roots: readonly string[]): { path: string; text: string }[] {
  return roots.flatMap((root) =>
    walk(join(repo, root)).map((file) => ({ path: relative(repo, file), text: readFileSync(file, 'utf8') })),
  )
}

/** The packages that make a command slow to start: the article readers, the extractor's NLP, the store. */
export const HEAVY_PACKAGES: readonly string[] = [
  '@electric-sql/pglite',
  '@mozilla/readability',
  'chrono-node',
  'linkedom',
  'pg',
  'wink-eng-lite-web-model',
  'wink-nlp',
]

/**
 * The first import of one of `packages` that loading `file` loads, following static value imports (a
 * dynamic `import()` loads only when its code runs), as `a.ts → b.ts imports pkg`; null when none.
 */
export function loadsAtStart(graph: ImportGraph, file: string, packages: readonly string[]): string | null {
  const seen = new Set<string>()
  const walk = (f: string): string | null => {
    if (seen.has(f)) return null
    seen.add(f)
    for (const i of graph.get(f) ?? []) {
      if (i.typeOnly || i.dynamic) continue
      const pkg = i.specifier.startsWith('@')
        ? i.specifier.split('/').slice(0, 2).join('/')
        : i.specifier.split('/')[0]
      if (i.target === undefined && packages.includes(pkg ?? '')) return `${f} imports ${i.specifier}`
      if (i.target !== undefined) {
        const deeper = walk(i.target)
        if (deeper !== null) return `${f} → ${deeper}`
      }
    }
    return null
  }
  return walk(file)
}
