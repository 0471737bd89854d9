// Issue 21, items 7 and 8: a scenario, its sources, a lexicon and a case file are read only when they are
// regular files, and never past their limit (20 MB for a scenario, lexicon or case file, 5 MB for a
// source; PARLEY_MAX_FILE_MB sets both). A source that is a FIFO or a device used to block the process
// or fill its memory, and the sources are read synchronously: those cases run in a process of their own,
// killed after 8 s, where a hang cannot stop the test runner.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LocatedInputError } from '../../src/core/index.ts'
import { packageRoot } from '../../src/paths.ts'
import { loadScenario } from '../../src/scenario/index.ts'

const fixtures = join(import.meta.dirname, '../fixtures/scenarios')
const minimal = readFileSync(join(fixtures, 'minimal.yaml'), 'utf8')
const root = mkdtempSync(join(tmpdir(), 'parley-bounded-scenario-'))
const MB = 1024 * 1024

let n = 0
/** A folder holding minimal.yaml, with its source `article.txt` replaced by `source` when given. */
function scenarioDir(source?: string): { dir: string; file: string } {
  const dir = join(root, `s${++n}`)
  mkdirSync(dir)
  const file = join(dir, 'scenario.yaml')
  writeFileSync(
    file,
    source === undefined ? minimal : minimal.replace('file: article.txt', `file: ${source}`),
  )
  copyFileSync(join(fixtures, 'article.txt'), join(dir, 'article.txt'))
  return { dir, file }
}

function fifo(path: string): string {
  execFileSync('mkfifo', [path])
  return path
}

afterEach(() => {
  delete process.env.PARLEY_MAX_FILE_MB
})

/** The problems loadScenario reports for `file`, as `path: message`; [] when it loads. */
async function problemsOf(file: string): Promise<string[]> {
  try {
    await loadScenario(file)
    return []
  } catch (error) {
    if (!(error instanceof LocatedInputError)) throw error
    return error.problems.map((p) => `${p.path}: ${p.message}`)
  }
}

type Loader = 'scenario' | 'lexicon' | 'case'
interface Outcome {
  error?: string
  loaded?: true
  ms?: number
  /** How the process ended, for a job it did not finish. */
  ended?: string
}

const module = (path: string) => JSON.stringify(pathToFileURL(join(packageRoot, path)).href)
/** Runs the jobs in order, one line of outcome each, written at once (stdout to a pipe is synchronous). */
const LOAD_IN_CHILD = `
const loaders = {
  scenario: (await import(${module('src/scenario/index.ts')})).loadScenario,
  lexicon: (await import(${module('src/extract/index.ts')})).loadLexicon,
  case: (await import(${module('src/case/index.ts')})).loadCase,
}
for (const { loader, file } of JSON.parse(process.env.JOBS)) {
  const started = performance.now()
  let outcome
  try {
    await loaders[loader](file)
    outcome = { loaded: true }
  } catch (error) {
    outcome = { error: error.message }
  }
  console.log(JSON.stringify({ ...outcome, ms: Math.round(performance.now() - started) }))
}
`

const jobs: { loader: Loader; file: string }[] = []
let outcomes: Outcome[] = []

/**
 * Queues loader(file) for the process of its own that runs every such job, killed after 8 s, so that a read
 * that blocks or fills memory ends there. Returns the job's index into `outcomes`.
 */
function inChild(loader: Loader, file: string): number {
  return jobs.push({ loader, file }) - 1
}

beforeAll(() => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', LOAD_IN_CHILD], {
    env: { ...process.env, JOBS: JSON.stringify(jobs) },
    encoding: 'utf8',
    timeout: 8000,
    killSignal: 'SIGKILL',
    cwd: packageRoot,
  })
  const done = r.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Outcome)
  const ended = `not done: the process ended (status ${r.status}, signal ${r.signal}) ${r.stderr.slice(-300)}`
  outcomes = jobs.map((_, i) => done[i] ?? { ended })
}, 20_000)

/** The job was refused with this message, at once. */
function expectRefused(job: number, message: string): void {
  expect(outcomes[job]).toEqual({ error: message, ms: expect.any(Number) })
  expect(outcomes[job]?.ms).toBeLessThan(1000)
}

describe('scenario sources that are not regular files', () => {
  const withFifo = scenarioDir('pipe.txt')
  const pipe = fifo(join(withFifo.dir, 'pipe.txt'))
  const fifoJob = inChild('scenario', withFifo.file)
  it('refuses a FIFO source without blocking', () => {
    expectRefused(
      fifoJob,
      `${withFifo.file}:7:11 sources[0].file: cannot read the source file: ${pipe}: not a regular file: a FIFO (named pipe)`,
    )
  })

  const withZero = scenarioDir('/dev/zero')
  const zeroJob = inChild('scenario', withZero.file)
  it('refuses /dev/zero as a source at once, without reading it', () => {
    expectRefused(
      zeroJob,
      `${withZero.file}:7:11 sources[0].file: cannot read the source file: /dev/zero: not a regular file: a character device`,
    )
  })

  it('refuses a folder as a source', async () => {
    const { dir, file } = scenarioDir('folder')
    mkdirSync(join(dir, 'folder'))
    expect(await problemsOf(file)).toEqual([
      `sources[0].file: cannot read the source file: ${join(dir, 'folder')}: not a regular file: a directory`,
    ])
  })
})

describe('the size limits of a scenario and its sources', () => {
  it('loads the scenario under the limits', async () => {
    expect(await problemsOf(scenarioDir().file)).toEqual([])
  })

  it('refuses a source over 5 MB (a sparse file), naming the limit and how to raise it', async () => {
    const { dir, file } = scenarioDir('big.txt')
    writeFileSync(join(dir, 'big.txt'), '')
    truncateSync(join(dir, 'big.txt'), 6 * MB)
    expect(await problemsOf(file)).toEqual([
      `sources[0].file: cannot read the source file: ${join(dir, 'big.txt')}: too large: 6.0 MB (the limit is 5.0 MB; PARLEY_MAX_FILE_MB raises it)`,
    ])
  })

  // Before the limit, a scenario of 200 MB ran the CLI out of memory.
  const big = scenarioDir().file
  truncateSync(big, 200 * MB)
  const bigJob = inChild('scenario', big)
  it('refuses a scenario file over 20 MB at once (a sparse file of 200 MB)', () => {
    expectRefused(
      bigJob,
      `${big}: cannot read: too large: 200.0 MB (the limit is 20.0 MB; PARLEY_MAX_FILE_MB raises it)`,
    )
  })

  it('PARLEY_MAX_FILE_MB sets the limit of the scenario file and of its sources', async () => {
    const { dir, file } = scenarioDir()
    // A valid scenario of 1.5 MB: the fixture and a long comment.
    writeFileSync(file, `${minimal}\n# ${'x'.repeat(1.5 * MB)}\n`)
    expect(await problemsOf(file)).toEqual([])
    process.env.PARLEY_MAX_FILE_MB = '1'
    expect(await problemsOf(file)).toEqual([
      ': cannot read: too large: 1.5 MB (the limit is 1.0 MB; PARLEY_MAX_FILE_MB raises it)',
    ])
    process.env.PARLEY_MAX_FILE_MB = '2'
    const article = readFileSync(join(fixtures, 'article.txt'), 'utf8')
    writeFileSync(join(dir, 'article.txt'), `${article}${' '.repeat(3 * MB)}`)
    expect(await problemsOf(file)).toEqual([
      `sources[0].file: cannot read the source file: ${join(dir, 'article.txt')}: too large: 3.0 MB (the limit is 2.0 MB; PARLEY_MAX_FILE_MB raises it)`,
    ])
    process.env.PARLEY_MAX_FILE_MB = 'lots'
    expect(await problemsOf(file)).toEqual([
      ': cannot read: PARLEY_MAX_FILE_MB must be a number of megabytes above 0 and at most 512, not "lots"',
    ])
  })
})

describe('a scenario, lexicon or case file that is not a regular file', () => {
  const scenarioPipe = fifo(join(root, 'scenario-pipe.yaml'))
  const scenarioJobs = [inChild('scenario', scenarioPipe), inChild('scenario', '/dev/zero')] as const
  it('refuses a FIFO and /dev/zero as the scenario file, at once', () => {
    expectRefused(scenarioJobs[0], `${scenarioPipe}: cannot read: not a regular file: a FIFO (named pipe)`)
    expectRefused(scenarioJobs[1], '/dev/zero: cannot read: not a regular file: a character device')
  })

  const lexiconPipe = fifo(join(root, 'lexicon-pipe.yaml'))
  const lexiconJobs = [inChild('lexicon', lexiconPipe), inChild('lexicon', '/dev/zero')] as const
  it('refuses a FIFO and /dev/zero as a lexicon, at once', () => {
    expectRefused(
      lexiconJobs[0],
      `${lexiconPipe}: cannot read the lexicon: not a regular file: a FIFO (named pipe)`,
    )
    expectRefused(
      lexiconJobs[1],
      '/dev/zero: cannot read the lexicon: not a regular file: a character device',
    )
  })

  const casePipe = fifo(join(root, 'case-pipe.yaml'))
  const bigCase = join(root, 'big-case')
  mkdirSync(bigCase)
  writeFileSync(join(bigCase, 'parley.yaml'), '')
  truncateSync(join(bigCase, 'parley.yaml'), 21 * MB)
  const caseJobs = [inChild('case', casePipe), inChild('case', bigCase)] as const
  it('refuses a FIFO as a case file at once, and a parley.yaml over the limit', () => {
    expectRefused(
      caseJobs[0],
      `${casePipe}: cannot read the case file: not a regular file: a FIFO (named pipe)`,
    )
    expectRefused(
      caseJobs[1],
      `${join(bigCase, 'parley.yaml')}: cannot read the case file: too large: 21.0 MB (the limit is 20.0 MB; PARLEY_MAX_FILE_MB raises it)`,
    )
  })
})
