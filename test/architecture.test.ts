// The architecture of docs/architecture.md, enforced: the layer check on the real tree, and each rule
// on small made-up graphs, so that a rule that stopped firing fails here.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  checkArchitecture,
  cycles,
  HEAVY_PACKAGES,
  type Import,
  importsOf,
  LAYERS,
  layerViolations,
  loadsAtStart,
  longFunctions,
  moduleOf,
  purityViolations,
  readImportGraph,
  sourceFiles,
  webViolations,
} from './helpers/architecture.ts'

const repo = fileURLToPath(new URL('..', import.meta.url))

/** The longest a function in src/ may be, in lines (issue 18). */
const MAX_FUNCTION_LINES = 120

const imp = (target: string, typeOnly = false, line = 1): Import => ({
  specifier: `./${target.split('/').at(-1)}`,
  target,
  typeOnly,
  line,
})
const pkg = (specifier: string, typeOnly = false): Import => ({ specifier, typeOnly, line: 1 })
const graph = (entries: Record<string, Import[]>) => new Map(Object.entries(entries))

describe('the layer check on the sources', () => {
  it('finds no violation in src/ and web/', () => {
    const found = checkArchitecture(readImportGraph(repo, ['src', 'web/src']))
    expect(found.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.message}`)).toEqual([])
  })

  it('knows the layer of every module of src/', () => {
    const modules = new Set(sourceFiles(repo, ['src']).map((f) => moduleOf(f.path)))
    const placed = new Set(LAYERS.flat())
    expect([...modules].filter((m) => m !== undefined && !placed.has(m))).toEqual([])
  })

  it(`has no function in src/ longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const long = sourceFiles(repo, ['src']).flatMap((f) => longFunctions(f.path, f.text, MAX_FUNCTION_LINES))
    expect(long.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`)).toEqual([])
  })

  it('parley forecast, frontier, zopa, conditions and scenario check load no article reader, NLP model or store', () => {
    const graph = readImportGraph(repo, ['src'])
    const commands = ['forecast.ts', 'packages.ts', 'conditions.ts', 'scenario-check.ts'].map(
      (f) => `src/cli/commands/${f}`,
    )
    expect(commands.map((f) => loadsAtStart(graph, f, HEAVY_PACKAGES))).toEqual(commands.map(() => null))
  })

  it('lists the same layers as docs/architecture.md', () => {
    const doc = readFileSync(new URL('../docs/architecture.md', import.meta.url), 'utf8')
    const table = [...doc.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)].map((m) => [
      Number(m[1]),
      (m[2] ?? '')
        .split(',')
        .map((s) => s.trim().replace(/`/g, ''))
        .sort(),
    ])
    expect(table).toEqual(LAYERS.map((layer, i) => [i, [...layer].sort()]))
  })
})

describe('layerViolations(graph)', () => {
  it('reports an import of a higher layer, and accepts one of the same or a lower layer', () => {
    const found = layerViolations(
      graph({
        'src/extract/claims.ts': [
          imp('src/scenario/index.ts'),
          imp('src/ingest/index.ts'),
          imp('src/core/index.ts'),
        ],
        'src/analysis/forecast/x.ts': [imp('src/analysis/sensitivity/index.ts')],
      }),
    )
    expect(found.map((v) => [v.rule, v.file])).toEqual([['upward', 'src/extract/claims.ts']])
  })

  it('reports an import of another module that does not go through its index.ts', () => {
    const found = layerViolations(
      graph({
        'src/cli/main.ts': [imp('src/store/store.ts'), imp('src/store/index.ts'), imp('src/paths.ts')],
        'src/store/store.ts': [imp('src/store/sql.ts')],
      }),
    )
    expect(found.map((v) => [v.rule, v.message])).toEqual([
      ['not-index', 'imports src/store/store.ts; another module is entered through src/store/index.ts'],
    ])
  })

  it('reports a _ file imported from outside its folder, and accepts one from a folder below it', () => {
    const found = layerViolations(
      graph({
        'src/cli/commands/forecast.ts': [imp('src/cli/_io.ts')],
        'src/cli/main.ts': [imp('src/cli/commands/_options.ts')],
      }),
    )
    expect(found.map((v) => [v.rule, v.file])).toEqual([['internal', 'src/cli/main.ts']])
  })

  it('reports a module that has no layer', () => {
    const found = layerViolations(graph({ 'src/cli/main.ts': [imp('src/widgets/index.ts')] }))
    expect(found.map((v) => v.message)).toEqual(['src/widgets has no layer in test/helpers/architecture.ts'])
  })
})

describe('cycles(graph)', () => {
  it('reports a cycle once, with its files in order, type-only imports included', () => {
    const found = cycles(
      graph({
        'src/store/a.ts': [imp('src/store/b.ts')],
        'src/store/b.ts': [imp('src/store/c.ts', true)],
        'src/store/c.ts': [imp('src/store/a.ts')],
        'src/store/d.ts': [imp('src/store/a.ts')],
      }),
    )
    expect(found.map((v) => v.message)).toEqual([
      'src/store/a.ts → src/store/b.ts → src/store/c.ts → src/store/a.ts',
    ])
  })

  it('finds none in a graph without one', () => {
    expect(
      cycles(graph({ 'src/a.ts': [imp('src/b.ts')], 'src/b.ts': [], 'src/c.ts': [imp('src/b.ts')] })),
    ).toEqual([])
  })
})

describe('purityViolations(graph)', () => {
  it('reports node: imports and imports of the store in a pure module, and accepts them at the edges', () => {
    const found = purityViolations(
      graph({
        'src/analysis/packages/genius.ts': [pkg('node:fs')],
        'src/store/pglite.ts': [pkg('node:fs')],
        'src/draft/draft.ts': [pkg('yaml')],
        'src/charts/heatmap.ts': [
          imp('src/store/index.ts', true),
          imp('src/analysis/forecast/index.ts', true),
        ],
      }),
    )
    expect(found.map((v) => v.file)).toEqual(['src/analysis/packages/genius.ts', 'src/charts/heatmap.ts'])
  })
})

describe('webViolations(graph)', () => {
  it("reports a value import whose closure reaches Node, with the path; type imports don't count", () => {
    const found = webViolations(
      graph({
        'web/src/views/a.ts': [
          imp('src/extract/index.ts'),
          imp('src/store/index.ts', true),
          imp('src/core/index.ts'),
        ],
        'src/extract/index.ts': [imp('src/extract/sentences.ts')],
        'src/extract/sentences.ts': [pkg('wink-nlp')],
        'src/store/index.ts': [pkg('@electric-sql/pglite')],
        'src/core/index.ts': [],
      }),
    )
    expect(found.map((v) => v.message)).toEqual([
      "the dashboard's bundle would reach Node: src/extract/index.ts → src/extract/sentences.ts imports wink-nlp",
    ])
  })
})

describe('loadsAtStart(graph, file, packages)', () => {
  it('follows static value imports to a heavy package, and skips type-only and dynamic ones', () => {
    const g = graph({
      'src/cli/a.ts': [
        imp('src/cli/b.ts'),
        { ...imp('src/cli/c.ts'), dynamic: true },
        imp('src/cli/d.ts', true),
      ],
      'src/cli/b.ts': [pkg('zod')],
      'src/cli/c.ts': [pkg('linkedom')],
      'src/cli/d.ts': [pkg('linkedom')],
      'src/cli/e.ts': [imp('src/cli/b.ts'), imp('src/cli/c.ts')],
    })
    expect(loadsAtStart(g, 'src/cli/a.ts', ['linkedom'])).toBeNull()
    expect(loadsAtStart(g, 'src/cli/e.ts', ['linkedom'])).toBe('src/cli/e.ts → src/cli/c.ts imports linkedom')
  })
})

describe('importsOf(path, text)', () => {
  it('reads static, re-exported, dynamic and type-only imports, with their lines', () => {
    const found = importsOf(
      'src/cli/main.ts',
      [
        "import { a } from './a.ts'",
        "import type { B } from '../store/index.ts'",
        "import { type C, type D } from 'zod'",
        "export { e } from './e.ts'",
        "const f = await import('./commands/f.ts')",
        "type G = import('../core/index.ts').G",
      ].join('\n'),
    )
    expect(found.map((i) => [i.specifier, i.target, i.typeOnly, i.line])).toEqual([
      ['./a.ts', 'src/cli/a.ts', false, 1],
      ['../store/index.ts', 'src/store/index.ts', true, 2],
      ['zod', undefined, true, 3],
      ['./e.ts', 'src/cli/e.ts', false, 4],
      ['./commands/f.ts', 'src/cli/commands/f.ts', false, 5],
      ['../core/index.ts', 'src/core/index.ts', true, 6],
    ])
  })
})

describe('longFunctions(path, text, max)', () => {
  it('reports functions, arrows and methods over the limit by name, and not the short ones', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const x${i} = ${i}`).join('\n')
    const text = [
      `export function long() {\n${body(5)}\n}`,
      `const arrow = () => {\n${body(4)}\n}`,
      `function short() {\n${body(2)}\n}`,
      `class K {\n  method() {\n${body(6)}\n  }\n}`,
    ].join('\n')
    expect(longFunctions('src/x.ts', text, 5).map((f) => [f.name, f.lines])).toEqual([
      ['long', 7],
      ['arrow', 6],
      ['method', 8],
    ])
  })
})
