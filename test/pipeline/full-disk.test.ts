// A nearly full disk and a full one (issue 21). Before, the free space was checked once per batch, so 30
// inputs of 4.5 MB passed a check with 112 MB free, and the disk filling up was an internal error (exit 2).
// Now each input is checked against its size times STORE_GROWTH_PER_INPUT_BYTE before it is written, and a
// full disk at any write is an InputError naming the input; what was stored stays whole, and a re-run
// goes on from there. The free-space probe is injected, so the disk is never really filled.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/index.ts'
import { lexiconExtractor, loadLexicon } from '../../src/extract/index.ts'
import { defaultLexicon } from '../../src/paths.ts'
import { ingestPaths } from '../../src/pipeline/index.ts'
import { type FreeSpaceProbe, STORE_GROWTH_PER_INPUT_BYTE } from '../../src/pipeline/ingest.ts'
import { openStore, type Store } from '../../src/store/index.ts'
import { writeSyntheticCorpus } from './_corpus.ts'

const MB = 1024 * 1024
const RESERVE = 64 * MB

/** `count` inputs of about `bytes` each, made of the synthetic articles (real prose), in a folder. */
function corpusOf(count: number, bytes: number): { dir: string; files: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'parley-full-disk-'))
  const parts = writeSyntheticCorpus(join(root, 'parts'), Math.ceil((count * bytes) / 1500) + 20, 11)
  const texts = parts.map((f) =>
    readFileSync(f, 'utf8').replace(/^Synthetic article \d+ on the peace talks\n\n/, ''),
  )
  const dir = join(root, 'inputs')
  mkdirSync(dir)
  const files: string[] = []
  let next = 0
  for (let i = 0; i < count; i++) {
    let text = `Input ${i} on the talks\n\n`
    while (text.length < bytes) text += `${texts[next++ % texts.length]}\n`
    const file = join(dir, `input-${String(i).padStart(2, '0')}.txt`)
    writeFileSync(file, text)
    files.push(file)
  }
  return { dir, files }
}

async function withStore<T>(fn: (store: Store, root: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'parley-full-disk-db-'))
  const store = await openStore(join(root, 'db'))
  try {
    return await fn(store, root)
  } finally {
    await store.close()
  }
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as Error,
  )

describe('a nearly full disk', () => {
  it('refuses the first input that does not fit, with 112 MB free and inputs of 4.5 MB (one check per batch let all pass)', async () => {
    const { dir } = corpusOf(3, 4.5e6)
    await withStore(async (store) => {
      const extractor = lexiconExtractor(await loadLexicon(defaultLexicon))
      const freeSpace: FreeSpaceProbe = () => 112 * MB
      const error = await rejection(ingestPaths([dir], { store, extractor, freeSpace }))
      expect(error).toBeInstanceOf(InputError)
      expect(error?.message).toMatch(
        new RegExp(
          `^not enough space for .*input-00\\.txt: the disk holding the store ${store.location} has 112 MB free, ` +
            `and 4\\.\\d MB of input needs about 14\\d MB \\(${STORE_GROWTH_PER_INPUT_BYTE} times its size, and 64 MB kept free\\)`,
        ),
      )
      expect(await store.queueCounts()).toEqual({ pending: 0, done: 0, failed: 0 })
      expect((await store.counts()).documents).toBe(0)
    })
  }, 60_000)

  it('stores the inputs that fit, one by one, stops at the first that does not, and a re-run stores the rest', async () => {
    const { dir, files } = corpusOf(8, 40_000)
    const size = readFileSync(files[0] ?? '').byteLength
    await withStore(async (store) => {
      const extractor = lexiconExtractor(await loadLexicon(defaultLexicon))
      // The disk has room for three and a half inputs above the reserve; each stored input uses its share.
      let used = 0
      const freeSpace: FreeSpaceProbe = () => RESERVE + 3.5 * size * STORE_GROWTH_PER_INPUT_BYTE - used
      const onProgress = () => {
        used += size * STORE_GROWTH_PER_INPUT_BYTE
      }
      const error = await rejection(ingestPaths([dir], { store, extractor, freeSpace, onProgress }))
      expect(error).toBeInstanceOf(InputError)
      expect(error?.message).toMatch(/^not enough space for .*input-03\.txt: the disk holding the store /)
      expect(error?.message).toMatch(/what was stored so far is kept, and a re-run goes on from there/)
      expect((await store.counts()).documents).toBe(3)
      expect(await store.queueCounts()).toEqual({ pending: 5, done: 3, failed: 0 })

      const rest = await ingestPaths([dir], { store, extractor })
      expect(rest).toMatchObject({ added: 5, failed: [] })
      expect((await store.counts()).documents).toBe(8)
    })
  }, 120_000)
})

describe('a full disk (ENOSPC thrown by a write)', () => {
  const diskFull = () =>
    Object.assign(
      new Error('could not extend file "base/16384/16420": No space left on device'),
      { code: '53100' }, // PostgreSQL's disk_full, as PGlite reports a failed write
    )

  it('is an InputError naming the input and "no space left"; its batch is rolled back and a re-run completes', async () => {
    const { dir } = corpusOf(6, 3_000)
    await withStore(async (store) => {
      const extractor = lexiconExtractor(await loadLexicon(defaultLexicon))
      // Writing the fifth input's batch fails as a full disk would; the batches before it are committed.
      const full: Store = {
        ...store,
        work: (worker, limit, handle) =>
          store.work(worker, limit, async (item, known) => {
            const outcome = await handle(item, known)
            if (item.source.endsWith('input-04.txt')) throw diskFull()
            return outcome
          }),
      }
      const error = await rejection(ingestPaths([dir], { store: full, extractor, batch: 2 }))
      expect(error).toBeInstanceOf(InputError)
      expect(error?.message).toMatch(
        new RegExp(`^.*input-04\\.txt: no space left on the disk holding the store ${store.location} \\(`),
      )
      // Consistent: the two batches before are whole, the one that failed left nothing.
      expect((await store.counts()).documents).toBe(4)
      expect(await store.queueCounts()).toEqual({ pending: 2, done: 4, failed: 0 })
      const rest = await ingestPaths([dir], { store, extractor })
      expect(rest).toMatchObject({ added: 2, failed: [] })
      expect((await store.counts()).documents).toBe(6)
    })
  }, 120_000)

  it('is an InputError naming the input while queueing too (Node ENOSPC)', async () => {
    const { dir } = corpusOf(2, 3_000)
    await withStore(async (store) => {
      const extractor = lexiconExtractor(await loadLexicon(defaultLexicon))
      const full: Store = {
        ...store,
        enqueue: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        },
      }
      const error = await rejection(ingestPaths([dir], { store: full, extractor }))
      expect(error).toBeInstanceOf(InputError)
      expect(error?.message).toMatch(
        /^queueing .*input-00\.txt and 1 more: no space left on the disk holding the store .*What was stored so far is kept/,
      )
      expect(await store.queueCounts()).toEqual({ pending: 0, done: 0, failed: 0 })
    })
  }, 60_000)
})
