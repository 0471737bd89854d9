// The front half of the chain. Inputs are queued whole in the store, then workers take them from
// the queue, read and extract them, and store each input's articles with its "done" mark in one
// transaction. A broken input is recorded and skipped; the rest goes on. Several workers (processes
// or machines sharing a PostgreSQL server) can drain one queue: none takes an input another holds.
import { hostname } from 'node:os'
import type { Extraction, Extractor } from '../extract/index.ts'
import {
  bands,
  type Failure,
  type ManifestEntry,
  type ReadOptions,
  readInput,
  signature,
  walkInputs,
} from '../ingest/index.ts'
import type { ItemOutcome, NewDocument, QueueInput, QueueItem, Store } from '../store/index.ts'

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
}

export type IngestOptions = WorkerOptions

/** A worker refreshes the store's statistics after this many inputs (see Store.maintain). */
const MAINTAIN_EVERY = 2000
const MAINTAIN_AFTER_QUEUEING = 500

/** How many inputs are queued per statement while walking the paths. */
const ENQUEUE_BATCH = 100

export const defaultWorker = () => `${hostname()}:${process.pid}`

/** Reads the files `paths` name into the queue; unreadable files are recorded as failures. */
export async function enqueuePaths(
  paths: readonly string[],
  options: Pick<WorkerOptions, 'store' | 'maxBytes'>,
): Promise<{ inputs: number; queued: number; failed: Failure[] }> {
  const { store } = options
  const result = { inputs: 0, queued: 0, failed: [] as Failure[] }
  let batch: QueueInput[] = []
  const flush = async () => {
    store.checkSpace()
    result.queued += await store.enqueue(batch)
    batch = []
  }
  for await (const r of walkInputs(paths, options)) {
    if ('failure' in r) {
      result.failed.push(r.failure)
      await store.recordFailure(r.failure.path, r.failure.reason)
      continue
    }
    result.inputs++
    batch.push({ source: r.input.path, payload: r.input.bytes, meta: r.input.entry })
    if (batch.length >= ENQUEUE_BATCH) await flush()
  }
  await flush()
  // Statistics matter once tables are large: after a bulk load, and every MAINTAIN_EVERY inputs worked.
  if (result.queued >= MAINTAIN_AFTER_QUEUEING) await store.maintain()
  return result
}

/** Takes inputs from the queue until none is free, and reports what this worker stored. */
export async function drainQueue(options: WorkerOptions): Promise<IngestReport> {
  const { store, extractor } = options
  const worker = options.worker ?? defaultWorker()
  const report: IngestReport = { added: 0, unchanged: 0, failed: [], claims: 0, events: 0, nearDuplicates: 0 }
  let done = 0
  for (;;) {
    store.checkSpace()
    const batch = await store.work(worker, options.batch ?? 8, (item, known) =>
      readAndExtract(item, known, extractor, options),
    )
    if (batch.length === 0) {
      if (done >= MAINTAIN_EVERY) await store.maintain(true)
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
      options.onProgress?.(++done, item.source)
      if (done % MAINTAIN_EVERY === 0) await store.maintain()
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
