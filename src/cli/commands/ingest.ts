import { drainQueue, enqueuePaths } from '../../pipeline/index.ts'
import { openStore } from '../../store/index.ts'
import { caseOf } from '../_case.ts'
import { type ExtractionOptions, makeExtractor, parseReferenceDate, resolveLexicon } from '../_extraction.ts'
import type { Io } from '../_io.ts'
import { progressBar } from '../_progress.ts'
import { parseCount, parseMegabytes } from './_options.ts'

export interface IngestCommandOptions extends ExtractionOptions {
  db?: string
  json?: boolean
  maxMb?: string
  referenceDate?: string
  queueOnly?: boolean
  worker?: string
  batch?: string
}

export async function run(paths: string[], opts: IngestCommandOptions, io: Io): Promise<void> {
  const inCase = await caseOf(opts, paths)
  const extractor = makeExtractor(
    opts.extractor,
    await resolveLexicon(opts, inCase, io),
    inCase.case.eventTypes,
  )
  const reference = parseReferenceDate(opts.referenceDate)
  const maxBytes = parseMegabytes('--max-mb', opts.maxMb)
  const batch = parseCount('--batch', opts.batch, { min: 1, max: 1000 })
  const store = await openStore(inCase.store)
  try {
    const queued = await enqueuePaths(paths, { store, ...(maxBytes ? { maxBytes } : {}) })
    if (opts.queueOnly) {
      const counts = await store.queueCounts()
      if (opts.json) io.out(JSON.stringify({ store: store.location, ...queued, queue: counts }, null, 2))
      else {
        io.out(
          `queued ${queued.queued} new input${queued.queued === 1 ? '' : 's'} of ${queued.inputs} in ${store.location}; ` +
            `${counts.pending} pending; ${queued.failed.length} unreadable`,
        )
        for (const f of queued.failed) io.out(`  skipped ${f.path}: ${f.reason}`)
      }
      return
    }
    const bar = progressBar((await store.queueCounts()).pending, 'ingest')
    const worked = await drainQueue({
      store,
      extractor,
      ...(reference ? { reference } : {}),
      ...(maxBytes ? { maxBytes } : {}),
      ...(opts.worker ? { worker: opts.worker } : {}),
      ...(batch ? { batch } : {}),
      onProgress: (done) => bar.update(done),
    })
    bar.stop()
    const report = {
      ...worked,
      unchanged: worked.unchanged + (queued.inputs - queued.queued),
      failed: [...queued.failed, ...worked.failed],
    }
    if (opts.json) {
      io.out(JSON.stringify({ store: store.location, ...report }, null, 2))
      return
    }
    io.out(
      `ingested ${report.added} new article${report.added === 1 ? '' : 's'} into ${store.location} ` +
        `(${report.claims} claims, ${report.events} events, ${report.nearDuplicates} near-duplicate links); ` +
        `${report.unchanged} already stored; ${report.failed.length} skipped`,
    )
    for (const f of report.failed) io.out(`  skipped ${f.path}: ${f.reason}`)
  } finally {
    await store.close()
  }
}
