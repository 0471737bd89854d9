// Fuzzing targets shared by the test suite (short, seeded runs) and `npm run bench -- fuzz` (long runs).
// Each target feeds generated or mutated input through the CLI in-process, a reader or the HTTP API and
// checks the one contract of issue 10: a clear error (exit code 1, or HTTP 4xx) or a result, never a
// crash, a stack trace, an internal error or a 5xx.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { readInput } from '../../src/ingest/read.ts'
import { defaultCorpus, defaultScenario, packageRoot } from '../../src/paths.ts'
import { type CliOutcome, runCli } from './cli.ts'

const validation = join(packageRoot, 'test/fixtures/validation')

/** Edits that break files the way hands, truncated downloads and bad encodings do. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        ':',
        '- ',
        '"',
        "'",
        '\t',
        '\n',
        '\0',
        '\uFFFD',
        '#',
        '{',
        '[',
        '&',
        '<',
        '>',
        '</',
        '-1',
        'NaN',
        '1e309',
        '&bogus;',
        '*a',
        '&a [1]',
        // Issue 21: huge numbers and ranges, zero steps, null bodies, external and expanding entities.
        '1e308',
        '-1e308',
        '5e7',
        '0',
        'null',
        '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '&x;',
        '&b;',
      ),
    ),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
)
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never

function applyEdit(text: string, e: Edit): string {
  const n = Math.max(1, text.length)
  switch (e.op) {
    case 'delete': {
      const at = e.at % n
      return text.slice(0, at) + text.slice(at + e.length)
    }
    case 'insert': {
      const at = e.at % (text.length + 1)
      return text.slice(0, at) + e.text + text.slice(at)
    }
    case 'truncate':
      return text.slice(0, e.at % n)
    case 'duplicate-line': {
      const lines = text.split('\n')
      const k = e.at % lines.length
      lines.splice(k, 0, lines[k] ?? '')
      return lines.join('\n')
    }
    case 'swap-lines': {
      const lines = text.split('\n')
      const a = e.a % lines.length
      const b = e.b % lines.length
      ;[lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? '']
      return lines.join('\n')
    }
  }
}

/** A seed text with 1–6 edits applied. */
export function mutated(seed: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => edits.reduce(applyEdit, seed))
}

/** Random JSON-like values, as YAML or JSON text. */
const anyValue = fc.jsonValue({ maxDepth: 4 })

/**
 * The contract for a CLI run on bad input: exit 0 with finite numbers, or exit 1 with a message that names
 * the file it is about; never an internal error or a stack trace (issues 10 and 21).
 */
export function cleanCliOutcome(o: CliOutcome, file: RegExp): string | undefined {
  if (o.code !== 0 && o.code !== 1) return `exit code ${o.code}: ${o.stderr.slice(0, 300)}`
  if (o.code === 0 && NON_FINITE.test(o.stdout))
    return `a non-finite number in the output: ${o.stdout.slice(0, 300)}`
  if (/internal error|\n\s+at .+:\d+:\d+/.test(o.stderr))
    return `stack or internal error: ${o.stderr.slice(0, 300)}`
  if (o.code === 1 && !file.test(o.stderr))
    return `exit code 1 without naming ${file}: ${o.stderr.slice(0, 300)}`
  return undefined
}

const NON_FINITE = /(?<![\p{L}\p{N}])(?:NaN|-?Infinity)(?![\p{L}\p{N}])/u

/** Every case must end within this time, and the process stay under this memory (issue 21: bounded runs). */
export const CASE_TIME_MS = 20_000
export const CASE_RSS_BYTES = 3 * 1024 ** 3

export interface CliTarget {
  name: string
  /** The file's text for one case. */
  input: fc.Arbitrary<string>
  /** Writes the case into `dir` and returns the CLI arguments. */
  argv: (dir: string, text: string) => string[]
  /** What an error message must name: the file, or for GENIUS one of its files or their folder. */
  names: RegExp
  /** At most this many cases, for a target with few distinct inputs. */
  maxRuns?: number
}

const read = (path: string) => readFileSync(path, 'utf8')

function scenarioSeeds(): string[] {
  return [read(defaultScenario), read(join(packageRoot, 'test/fixtures/scenarios/minimal.yaml'))]
}

export function cliTargets(): CliTarget[] {
  const [bundled, minimal] = scenarioSeeds() as [string, string]
  const bdm = read(join(validation, 'eum/ExampleActors.csv'))
  const decide = read(join(validation, 'exchange/sample_data.txt'))
  const deu = read(join(validation, 'deu/deu3.csv')).split('\n').slice(0, 12).join('\n')
  const itex = join(validation, 'pareto/anac2010_ItexvsCypress')
  const geniusDomain = read(join(itex, 'ItexvsCypress_domain.xml'))
  const geniusProfile = read(join(itex, 'ItexvsCypress_Itex.xml'))
  const geniusOther = read(join(itex, 'ItexvsCypress_Cypress.xml'))
  const scenarioFile = (dir: string, text: string, name = 'scenario.yaml') => {
    const path = join(dir, name)
    writeFileSync(path, text)
    // The minimal fixture's source article, so quotes can be checked.
    writeFileSync(join(dir, 'article.txt'), read(join(packageRoot, 'test/fixtures/scenarios/article.txt')))
    return path
  }
  const forecastFile = (name: string, format: string) => (dir: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return ['forecast', path, '--format', format, '--model', 'compromise,median,nbs,eum', '--rounds', '2']
  }
  const divide = read(join(validation, 'division/adjusted-winner.json'))
  return [
    ...specialFileTargets(),
    {
      name: 'divide JSON: mutations, null and random structures',
      names: /items\.json/,
      input: fc.oneof(
        mutated(divide),
        fc.constant('null'),
        anyValue.map((v) => JSON.stringify(v)),
      ),
      argv: (dir, text) => {
        const path = join(dir, 'items.json')
        writeFileSync(path, text)
        return ['divide', path, '--json']
      },
    },
    {
      name: 'scenario YAML, mutations of the minimal fixture',
      names: /scenario\.yaml/,
      input: mutated(minimal),
      argv: (dir, text) => ['scenario', 'check', scenarioFile(dir, text)],
    },
    {
      name: 'scenario YAML, mutations of the bundled scenario',
      names: /scenario\.yaml/,
      input: mutated(bundled),
      argv: (dir, text) => ['forecast', scenarioFile(dir, text), '--model', 'compromise,median,nbs'],
    },
    {
      name: 'scenario, random YAML and JSON structures',
      names: /scenario\.json/,
      input: fc.oneof(
        anyValue.map((v) => JSON.stringify(v)),
        fc
          .record({ meta: anyValue, parties: anyValue, issues: anyValue, stances: anyValue })
          .map((v) => JSON.stringify(v, null, 1)),
        fc.string({ maxLength: 200 }),
      ),
      argv: (dir, text) => ['scenario', 'check', scenarioFile(dir, text, 'scenario.json')],
    },
    { name: 'BdM CSV', names: /actors\.csv/, input: mutated(bdm), argv: forecastFile('actors.csv', 'bdm') },
    {
      name: 'DECIDE',
      names: /decide\.txt/,
      input: mutated(decide),
      argv: forecastFile('decide.txt', 'decide'),
    },
    { name: 'DEU CSV', names: /deu\.csv/, input: mutated(deu), argv: forecastFile('deu.csv', 'deu') },
    {
      name: 'GENIUS domain and profile XML',
      names: /x_(domain|A|B)\.xml|genius/,
      input: fc.tuple(mutated(geniusDomain), mutated(geniusProfile)).map(([d, p]) => `${d}\u0000${p}`),
      argv: (dir, text) => {
        const [domain, profile] = text.split('\u0000') as [string, string]
        const folder = join(dir, 'genius')
        mkdirSync(folder, { recursive: true })
        writeFileSync(join(folder, 'x_domain.xml'), domain)
        writeFileSync(join(folder, 'x_A.xml'), profile)
        writeFileSync(join(folder, 'x_B.xml'), geniusOther)
        return ['frontier', folder]
      },
    },
  ]
}

/**
 * Device files, FIFOs and sockets where a file is expected (issue 21): each command must refuse them with
 * the path and a reason, quickly, and never read them.
 */
function specialFileTargets(): CliTarget[] {
  const special = fc.constantFrom('/dev/zero', '/dev/null', '/dev/urandom', 'fifo')
  const path = (dir: string, kind: string) => {
    if (kind !== 'fifo') return kind
    const fifo = join(dir, 'input.fifo')
    execFileSync('mkfifo', [fifo])
    return fifo
  }
  const commands: [string, (p: string) => string[]][] = [
    ['ingest', (p) => ['ingest', p, '--db', `${p}.db`]],
    ['scenario check', (p) => ['scenario', 'check', p]],
    ['forecast --format bdm', (p) => ['forecast', p, '--format', 'bdm']],
    ['divide', (p) => ['divide', p]],
  ]
  return commands.map(([name, argv]) => ({
    name: `special files as input: ${name}`,
    names: /\/dev\/|fifo/,
    input: special,
    maxRuns: 8,
    argv: (dir, kind) => {
      const p = path(dir, kind)
      const args = argv(p)
      // One store for all the cases of the target (creating one takes seconds), beside their folders.
      return args.map((a) => (a === `${p}.db` ? join(dirname(dir), 'db') : a))
    },
  }))
}

/** Runs `runs` cases of a CLI target; throws on the first case that breaks the contract. */
export async function fuzzCli(
  target: CliTarget,
  { runs, seed, timeLimitMs }: { runs: number; seed: number; timeLimitMs?: number },
): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'parley-fuzz-'))
  let n = 0
  await fc.assert(
    fc.asyncProperty(target.input, async (text) => {
      const dir = join(root, String(n++))
      mkdirSync(dir)
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), CASE_TIME_MS)
      })
      const outcome = await Promise.race([runCli(...target.argv(dir, text)), late])
      clearTimeout(timer)
      if (outcome === 'late') throw new Error(`${target.name}: no result within ${CASE_TIME_MS / 1000} s`)
      if (process.memoryUsage().rss > CASE_RSS_BYTES)
        throw new Error(`${target.name}: the process grew past ${CASE_RSS_BYTES / 1024 ** 3} GiB`)
      const problem = cleanCliOutcome(outcome, target.names)
      if (problem !== undefined) throw new Error(`${target.name}: ${problem}`)
    }),
    {
      numRuns: Math.min(runs, target.maxRuns ?? runs),
      seed,
      ...(timeLimitMs ? { interruptAfterTimeLimit: timeLimitMs } : {}),
    },
  )
  return n
}

/** Article inputs: random bytes, truncated and deeply nested HTML, huge lines, mixed encodings. */
export function articleInputs(): fc.Arbitrary<{ path: string; bytes: Uint8Array }> {
  const utf8 = (s: string) => new TextEncoder().encode(s)
  const page = Buffer.from(articlePage())
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ path: 'random.bin', bytes })),
    fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ path: 'random.html', bytes })),
    fc.nat({ max: page.length }).map((n) => ({ path: 'truncated.html', bytes: page.subarray(0, n) })),
    fc
      .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('div', 'p', 'span', 'article', 'b'))
      .map(([depth, tag]) => ({
        path: 'nested.html',
        bytes: utf8(
          `<html><body>${`<${tag}>`.repeat(depth)}Peace talks resumed.${`</${tag}>`.repeat(depth)}</body></html>`,
        ),
      })),
    fc.integer({ min: 1, max: 2_000_000 }).map((n) => ({
      path: 'long-line.txt',
      bytes: utf8(`A headline\n\n${'The delegations met again. '.repeat(Math.ceil(n / 27)).slice(0, n)}`),
    })),
    fc
      .array(
        fc.oneof(fc.string({ maxLength: 30 }).map(utf8), fc.uint8Array({ minLength: 1, maxLength: 4 })),
        {
          maxLength: 40,
        },
      )
      .map((parts) => ({ path: 'mixed.txt', bytes: concat(parts) })),
    mutated(page.toString('utf8')).map((s) => ({ path: 'mutated.html', bytes: utf8(s) })),
  )
}

/** A news page around the first bundled article: head, navigation, the article's paragraphs, footer. */
export function articlePage(): string {
  const manifest = JSON.parse(readFileSync(join(defaultCorpus, 'manifest.json'), 'utf8')) as {
    articles: { file: string; title?: string }[]
  }
  const first = manifest.articles[0] as { file: string; title?: string }
  const paragraphs = readFileSync(join(defaultCorpus, first.file), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
  return `<!doctype html><html><head><title>${first.title ?? 'News'}</title></head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>${first.title ?? ''}</h1>${paragraphs.join('\n')}</article><footer>© 2025 News Ltd. All rights reserved.</footer></body></html>`
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** Reads one input whole; the contract: every result is an article with text or a failure with a reason. */
export function checkRead(input: { path: string; bytes: Uint8Array }): string | undefined {
  for (const r of readInput(input)) {
    if ('failure' in r) {
      if (r.failure.reason.trim() === '') return `${input.path}: a failure without a reason`
    } else if (r.article.text.trim() === '') return `${input.path}: an article without text`
  }
  return undefined
}

const GET_PATHS = [
  '/api/health',
  '/api/sources',
  '/api/claims',
  '/api/search',
  '/api/changes',
  '/api/events',
  '/api/contradictions',
  '/api/updates',
  '/api/scenario',
  '/api/forecasts',
  '/api/sensitivity',
  '/api/zopa',
  '/api/frontier',
  '/api/conditions',
]
const POST_PATHS = [
  '/api/scenario',
  '/api/scenario/export',
  '/api/updates/apply',
  '/api/forecasts',
  '/api/zopa',
  '/api/frontier',
  '/api/conditions',
]
const PARAMS = [
  'limit',
  'offset',
  'q',
  'since',
  'until',
  'party',
  'issue',
  'act',
  'source',
  'rounds',
  'draws',
]
const paramValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -5, max: 1000 }).map(String),
  fc.constantFrom(
    '',
    '2025-02-30',
    '2025-13-01',
    '1e9',
    'NaN',
    '%',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>',
  ),
)
const whatIf = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 100 }),
  fc
    .array(
      fc.record({
        stance: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('RU/territory', 'UA/nato', 'x/y')),
        field: fc.constantFrom('position', 'salience', 'capability', 'bogus'),
        value: fc.oneof(fc.double(), fc.integer({ min: -10, max: 110 }), fc.string({ maxLength: 5 })),
      }),
      { maxLength: 4 },
    )
    .map((changes) => JSON.stringify({ changes })),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }).map((accept) => JSON.stringify({ accept })),
)
const apiRequest = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...GET_PATHS),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), fc.string({ maxLength: 6 })), paramValue), {
        maxLength: 4,
      }),
    )
    .map(([path, params]) => ({ path: `${path}?${new URLSearchParams(params)}`, init: undefined })),
  fc
    .oneof(
      fc.string({ maxLength: 12 }),
      fc.integer().map(String),
      fc.constantFrom('..%2F..%2Fpackage.json', '%00', '-1', '1e400'),
    )
    .map((id) => ({ path: `/api/sources/${encodeURIComponent(id)}`, init: undefined })),
  fc.string({ maxLength: 30 }).map((p) => ({ path: `/api/${encodeURIComponent(p)}`, init: undefined })),
  fc.tuple(fc.constantFrom(...POST_PATHS), whatIf).map(([path, body]) => ({
    path,
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body } as RequestInit,
  })),
)

/** Sends `runs` generated requests; throws on the first 5xx or non-JSON error. Returns the number sent. */
export async function fuzzApi(
  send: (path: string, init?: RequestInit) => Response | Promise<Response>,
  { runs, seed, timeLimitMs }: { runs: number; seed: number; timeLimitMs?: number },
): Promise<number> {
  let n = 0
  await fc.assert(
    fc.asyncProperty(apiRequest, async ({ path, init }) => {
      n++
      const r = await send(path, init)
      if (r.status >= 500) throw new Error(`${init?.method ?? 'GET'} ${path}: ${r.status} ${await r.text()}`)
      if (r.status >= 400) {
        const body = (await r.json()) as { error?: unknown }
        if (typeof body.error !== 'string' || body.error === '')
          throw new Error(`${path}: ${r.status} without an error message`)
      } else await r.arrayBuffer()
    }),
    { numRuns: runs, seed, ...(timeLimitMs ? { interruptAfterTimeLimit: timeLimitMs } : {}) },
  )
  return n
}
