// The front half of the chain. Inputs are queued whole in the store, then workers take them from
// the queue, read and extract them, and store each input's articles with its "done" mark in one
// transaction. A broken input is recorded and skipped; the rest goes on. Several workers (processes
// or machines sharing a PostgreSQL server) can drain one queue: none takes an input another holds.
import { existsSync, statfsSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import { InputError } from '../core/index.ts'
import type { Extraction, Extractor } from '../extract/index.ts'
import {
  bands,
  DEFAULT_MAX_BYTES,
  type Failure,
  type ManifestEntry,
  type ReadOptions,
  readInput,
  signature,
  walkInputs,
} from '../ingest/index.ts'
import {
  type ItemOutcome,
  isServerUrl,
  MIN_FREE_MB,
  type NewDocument,
  type QueueInput,
  type QueueItem,
  type Store,
  type WorkDone,
} from '../store/index.ts'

export interface IngestReport {
  added: number
  /** Already in the store (same content hash, or the same input queued and done before): nothing written. */
  unchanged: number
  failed: Failure[]
  claims: number
  events: number
  nearDuplicates: number
}

export interface WorkerOptions extends ReadOptions {
  store: Store
  extractor: Extractor
  /** How this worker signs the inputs it ingests (default host:pid). */
  worker?: string
  /** Inputs taken per transaction (default 8). */
  batch?: number
  /** Called after each input, for a progress display. */
  onProgress?: (done: number, path: string) => void
  /** How the free space on the store's disk is measured before each input (default: the file system's). */
  freeSpace?: FreeSpaceProbe
}

export type IngestOptions = WorkerOptions

/** A worker refreshes the store's statistics after this many inputs (see Store.maintain). */
const MAINTAIN_EVERY = 2000
const MAINTAIN_AFTER_QUEUEING = 500

/** How many inputs are queued per statement while walking the paths. */
const ENQUEUE_BATCH = 100

const maintain = (store: Store, full?: boolean) =>
  store.maintain(full).catch((error) => {
    throw noSpace(error, store, 'refreshing the statistics')
  })

export const defaultWorker = () => `${hostname()}:${process.pid}`

/**
 * Reads the files `paths` name into the queue; unreadable files are recorded as failures. Before each
 * input it checks that the input fits on the store's disk (STORE_GROWTH_PER_INPUT_BYTE), and stops with an
 * InputError naming it when not, once the inputs before it are queued.
 */
export async function enqueuePaths(
  paths: readonly string[],
  options: Pick<WorkerOptions, 'store' | 'maxBytes' | 'freeSpace'>,
): Promise<{ inputs: number; queued: number; failed: Failure[] }> {
  const { store } = options
  const probe = options.freeSpace ?? diskFreeBytes
  const result = { inputs: 0, queued: 0, failed: [] as Failure[] }
  let batch: QueueInput[] = []
  let batchBytes = 0
  const flush = async () => {
    const what = `queueing ${batch[0]?.source ?? 'inputs'}${batch.length > 1 ? ` and ${batch.length - 1} more` : ''}`
    try {
      store.checkSpace()
      result.queued += await store.enqueue(batch)
    } catch (error) {
      throw noSpace(error, store, what)
    }
    batch = []
    batchBytes = 0
  }
  for await (const r of walkInputs(paths, options)) {
    if ('failure' in r) {
      result.failed.push(r.failure)
      await store.recordFailure(r.failure.path, r.failure.reason).catch((error) => {
        throw noSpace(error, store, r.failure.path)
      })
      continue
    }
    const size = r.input.bytes.byteLength
    if (batch.length > 0 && !fits(store, probe, batchBytes + size)) await flush() // queue what fits first
    checkRoom(store, probe, r.input.path, size)
    result.inputs++
    batch.push({ source: r.input.path, payload: r.input.bytes, meta: r.input.entry })
    batchBytes += size
    if (batch.length >= ENQUEUE_BATCH) await flush()
  }
  await flush()
  // Statistics matter once tables are large: after a bulk load, and every MAINTAIN_EVERY inputs worked.
  if (result.queued >= MAINTAIN_AFTER_QUEUEING) await maintain(store)
  return result
}

/**
 * Takes inputs from the queue until none is free, and reports what this worker stored. Each input is
 * checked to fit on the store's disk before it is read; a full disk at any write is an InputError naming
 * the input, and its batch is rolled back whole.
 */
export async function drainQueue(options: WorkerOptions): Promise<IngestReport> {
  const { store, extractor } = options
  const worker = options.worker ?? defaultWorker()
  const probe = options.freeSpace ?? diskFreeBytes
  const report: IngestReport = { added: 0, unchanged: 0, failed: [], claims: 0, events: 0, nearDuplicates: 0 }
  const limit = options.batch ?? 8
  let done = 0
  for (;;) {
    // A batch is one transaction, rolled back whole when an input in it does not fit. So when the disk
    // could not hold a batch of the largest inputs, inputs are taken one at a time: each that fits is
    // stored before the next is checked, and a re-run after a stop goes on from there.
    const take = fits(store, probe, limit * (options.maxBytes ?? DEFAULT_MAX_BYTES)) ? limit : 1
    let current = 'taking inputs from the queue'
    let batch: WorkDone[]
    try {
      store.checkSpace()
      batch = await store.work(worker, take, (item, known) => {
        current = item.source
        checkRoom(store, probe, item.source, item.payload.byteLength)
        return readAndExtract(item, known, extractor, options)
      })
    } catch (error) {
      throw noSpace(error, store, current)
    }
    if (batch.length === 0) {
      if (done >= MAINTAIN_EVERY) await maintain(store, true)
      return report
    }
    for (const { item, outcome, added } of batch) {
      report.failed.push(...outcome.failures)
      report.unchanged += outcome.unchanged
      outcome.documents.forEach((doc, i) => {
        const r = added[i]
        if (r?.added) {
          report.added++
          report.claims += doc.claims.length
          report.events += doc.events.length
          report.nearDuplicates += r.links.length
        } else report.unchanged++
      })
      // Counted whether or not anyone listens: the maintenance schedule below depends on it (issue 22).
      done++
      options.onProgress?.(done, item.source)
      if (done % MAINTAIN_EVERY === 0) await maintain(store)
    }
  }
}

/** Queues `paths`, then works the queue until it is empty: what `parley ingest PATHS` does. */
export async function ingestPaths(paths: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const queued = await enqueuePaths(paths, options)
  const report = await drainQueue(options)
  return {
    ...report,
    unchanged: report.unchanged + (queued.inputs - queued.queued),
    failed: [...queued.failed, ...report.failed],
  }
}

async function readAndExtract(
  item: QueueItem,
  known: (hash: string) => Promise<boolean>,
  extractor: Extractor,
  options: ReadOptions,
): Promise<ItemOutcome> {
  const outcome: ItemOutcome = { documents: [], failures: [], unchanged: 0 }
  const entry = item.meta === null ? undefined : (item.meta as ManifestEntry)
  for (const result of readInput({ path: item.source, bytes: item.payload, entry }, options)) {
    if ('failure' in result) {
      outcome.failures.push(result.failure)
      continue
    }
    const a = result.article
    if (await known(a.contentHash)) {
      outcome.unchanged++
      continue
    }
    let extraction: Extraction
    try {
      extraction = await extractor.extract({ text: a.text, date: a.date })
    } catch (error) {
      outcome.failures.push({ path: a.path, reason: `extraction failed: ${(error as Error).message}` })
      continue
    }
    const sig = signature(a.text)
    const doc: NewDocument = {
      contentHash: a.contentHash,
      path: a.path,
      url: a.url,
      title: a.title,
      format: a.format,
      date: a.date,
      text: a.text,
      bytes: a.bytes,
      signature: sig,
      bands: bands(sig),
      extractor: `${extractor.name}@${extractor.version}`,
      claims: extraction.claims,
      events: extraction.events,
    }
    outcome.documents.push(doc)
  }
  return outcome
}

/** How many inputs `paths` hold, for a progress bar's total (feed items count as their file). */
export { countInputs } from '../ingest/index.ts'

// Space: each input is checked to fit before it is written, and a full disk at a write names the input.

/** The free bytes on the disk that holds the store at `location`; undefined where Parley cannot tell (a server). */
export type FreeSpaceProbe = (location: string) => number | undefined

export const diskFreeBytes: FreeSpaceProbe = (location) => {
  if (isServerUrl(location)) return undefined
  let at = location
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at)
  const { bavail, bsize } = statfsSync(at)
  return bavail * bsize
}

/**
 * How many bytes the store grows by per byte of input, for the check before each input. Measured on the
 * bundled corpus (cases/ukraine-2025/corpus: 5 articles, 22,107 bytes): `parley ingest` of it into an
 * existing, empty store grew the store's folder by 393,216 bytes (`du -sb` before and after, the same in
 * 3 runs), 17.8 per byte (docs/reliability.md). Big inputs grow it less (three of 2.3 MB: 7.1 per byte);
 * many small ones more (1,000 of 1.9 KB: 132 per byte, most of it WAL), which the reserve below absorbs, as
 * each input is checked against the space then left.
 */
export const STORE_GROWTH_PER_INPUT_BYTE = 18

const MB = 1024 * 1024
const showBytes = (bytes: number) =>
  bytes < MB ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`

/** Whether `bytes` of input fit on the store's disk with the reserve left over. */
function fits(store: Store, probe: FreeSpaceProbe, bytes: number): boolean {
  const free = probe(store.location)
  return free === undefined || free >= needed(bytes)
}

const needed = (bytes: number) =>
  // The space kept free on top is the embedded store's own floor, changed by the same variable.
  Number(process.env.PARLEY_MIN_FREE_MB ?? MIN_FREE_MB) * MB + bytes * STORE_GROWTH_PER_INPUT_BYTE

/** Throws an InputError naming `path` when `bytes` of input (it, and what is written with it) do not fit. */
function checkRoom(store: Store, probe: FreeSpaceProbe, path: string, bytes: number): void {
  const free = probe(store.location)
  if (free === undefined || free >= needed(bytes)) return
  throw new InputError(
    `not enough space for ${path}: the disk holding the store ${store.location} has ${showBytes(free)} free, and ` +
      `${showBytes(bytes)} of input needs about ${showBytes(needed(bytes))} (${STORE_GROWTH_PER_INPUT_BYTE} times its size, ` +
      `and ${showBytes(needed(0))} kept free). Free some space and run again: what was stored so far is kept, and a ` +
      're-run goes on from there.',
  )
}

/** A full disk (Node's ENOSPC, PostgreSQL's SQLSTATE 53100) at any write, as an InputError naming the input. */
function noSpace(error: unknown, store: Store, what: string): unknown {
  const message = String((error as Error | undefined)?.message ?? error)
  if (error instanceof InputError)
    return /no space left/i.test(message) ? new InputError(`${what}: ${message}`) : error
  const code = (error as { code?: unknown } | undefined)?.code
  if (code !== 'ENOSPC' && code !== 'EDQUOT' && code !== '53100' && !/no space left on device/i.test(message))
    return error
  return new InputError(
    `${what}: no space left on the disk holding the store ${store.location} (${message}). What was stored ` +
      'so far is kept: free some space and run again, and a re-run goes on from there.',
  )
}
