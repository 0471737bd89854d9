// Issue 21, item 7: the ingest readers read only regular files, and never more than the limit. Device
// files, FIFOs and sockets are refused at once with the kind named, the size stat reports is not trusted,
// and a refused input is one skipped input: the rest goes on.
import { execFileSync } from 'node:child_process'
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type ReadResult, readArticles, walkInputs } from '../../src/ingest/index.ts'

type WalkResult = ReturnType<typeof walkInputs> extends AsyncGenerator<infer R> ? R : never

const dir = mkdtempSync(join(tmpdir(), 'parley-bounded-ingest-'))
const fifos: string[] = []

/** A named pipe nobody writes to: a reader that opens it without O_NONBLOCK waits forever. */
function fifo(path: string): string {
  execFileSync('mkfifo', [path])
  fifos.push(path)
  return path
}

afterAll(() => {
  // A reader stuck in open() on a FIFO (the fault itself) is released by a writer's open, so that the
  // worker can end even when a test failed.
  for (const path of fifos) {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK))
    } catch {
      // ENXIO: no reader waits on it.
    }
  }
})

/** The promise, or a rejection naming what hung once `ms` have passed. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function walk(paths: string[], maxBytes?: number): Promise<WalkResult[]> {
  const out: WalkResult[] = []
  for await (const r of walkInputs(paths, maxBytes === undefined ? {} : { maxBytes })) out.push(r)
  return out
}

const failures = (results: (WalkResult | ReadResult)[]) =>
  results.flatMap((r) => ('failure' in r ? [[r.failure.path, r.failure.reason]] : []))

const PROSE =
  'Ministers met in Geneva on Tuesday to discuss a ceasefire, and the talks will continue next week. ' +
  'The delegation said that it was ready to consider the proposal of the mediators and their partners. '

describe('walkInputs on what is not a regular file', () => {
  it('refuses /dev/zero and /dev/null as character devices, at once', async () => {
    const started = Date.now()
    const results = await within(5000, 'reading /dev/zero', walk(['/dev/zero', '/dev/null']))
    expect(failures(results)).toEqual([
      ['/dev/zero', 'not a regular file: a character device'],
      ['/dev/null', 'not a regular file: a character device'],
    ])
    expect(Date.now() - started).toBeLessThan(2000)
  }, 10_000)

  it('refuses a FIFO without blocking on it', async () => {
    const path = fifo(join(dir, 'pipe.txt'))
    const results = await within(5000, 'reading a FIFO', walk([path]))
    expect(failures(results)).toEqual([[path, 'not a regular file: a FIFO (named pipe)']])
  }, 10_000)

  it('refuses a socket', async () => {
    const path = join(dir, 'socket.txt')
    const server: Server = createServer()
    await new Promise<void>((resolve) => server.listen(path, resolve))
    try {
      const results = await within(5000, 'reading a socket', walk([path]))
      expect(failures(results)).toEqual([[path, 'not a regular file: a socket']])
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  }, 10_000)

  it('reports a FIFO and a FIFO manifest.json in a folder, and reads its articles', async () => {
    const folder = join(dir, 'corpus')
    mkdirSync(folder)
    writeFileSync(join(folder, 'a.txt'), PROSE)
    fifo(join(folder, 'manifest.json'))
    fifo(join(folder, 'b.txt'))
    const results = await within(5000, 'reading a folder with FIFOs', walk([folder]))
    expect(failures(results)).toEqual([
      [join(folder, 'manifest.json'), 'not a corpus manifest: not a regular file: a FIFO (named pipe)'],
      [join(folder, 'b.txt'), 'not a regular file: a FIFO (named pipe)'],
    ])
    expect(results.flatMap((r) => ('input' in r ? [r.input.path] : []))).toEqual([join(folder, 'a.txt')])
  }, 10_000)
})

describe('walkInputs and the size limit', () => {
  it('refuses a file larger than the limit without reading it (a sparse file of 6 MB)', async () => {
    const path = join(dir, 'sparse.txt')
    writeFileSync(path, '')
    truncateSync(path, 6 * 1024 * 1024)
    expect(failures(await walk([path]))).toEqual([[path, 'too large: 6.0 MB (the limit is 5.0 MB)']])
  })

  it.skipIf(!existsSync('/proc/self/status'))(
    'does not trust a size of 0 from stat: /proc/self/status holds more than its 0 bytes',
    async () => {
      expect(failures(await walk(['/proc/self/status'], 64))).toEqual([
        ['/proc/self/status', 'too large: over 0.0 MB (the limit is 0.0 MB)'],
      ])
    },
  )

  it('refuses a manifest.json larger than the limit, and reads the folder without it', async () => {
    const folder = join(dir, 'big-manifest')
    mkdirSync(folder)
    writeFileSync(join(folder, 'a.txt'), PROSE)
    writeFileSync(join(folder, 'manifest.json'), '')
    truncateSync(join(folder, 'manifest.json'), 6 * 1024 * 1024)
    const results = await walk([folder])
    expect(failures(results)).toEqual([
      [join(folder, 'manifest.json'), 'not a corpus manifest: too large: 6.0 MB (the limit is 5.0 MB)'],
    ])
    expect(results.filter((r) => 'input' in r)).toHaveLength(1)
  })
})

describe('readArticles with refused inputs among good ones', () => {
  it('skips each refused input with its reason and reads the article after them', async () => {
    const good = join(dir, 'good.txt')
    writeFileSync(good, PROSE)
    const pipe = fifo(join(dir, 'among.txt'))
    const results: ReadResult[] = []
    await within(
      5000,
      'readArticles',
      (async () => {
        for await (const r of readArticles(['/dev/zero', pipe, join(dir, 'missing.txt'), good]))
          results.push(r)
      })(),
    )
    expect(failures(results)).toEqual([
      ['/dev/zero', 'not a regular file: a character device'],
      [pipe, 'not a regular file: a FIFO (named pipe)'],
      [join(dir, 'missing.txt'), expect.stringMatching(/^cannot read: ENOENT/)],
    ])
    expect(results.flatMap((r) => ('article' in r ? [r.article.path] : []))).toEqual([good])
  }, 10_000)
})
