import { InputError } from '../../core/index.ts'
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
      const failures = queued.failed.length
      if (opts.json)
        io.out(JSON.stringify({ store: store.location, ...queued, failures, queue: counts }, null, 2))
      else {
        io.out(
          `queued ${queued.queued} new input${queued.queued === 1 ? '' : 's'} of ${queued.inputs} in ${store.location}; ` +
            `${counts.pending} pending; ${failures} failed`,
        )
        for (const f of queued.failed) io.out(`  skipped ${f.path}: ${f.reason}`)
      }
      if (queued.inputs === 0 && failures > 0) throw nothingSucceeded(queued.failed, 'queued')
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
    const failures = report.failed.length
    if (opts.json) io.out(JSON.stringify({ store: store.location, ...report, failures }, null, 2))
    else {
      io.out(
        `ingested ${report.added} new article${report.added === 1 ? '' : 's'} into ${store.location} ` +
          `(${report.claims} claims, ${report.events} events, ${report.nearDuplicates} near-duplicate links); ` +
          `${report.unchanged} already stored; ${failures} failed`,
      )
      for (const f of report.failed) io.out(`  skipped ${f.path}: ${f.reason}`)
    }
    // Success is an input stored or found stored already; a run in which every input failed is exit 1.
    if (report.added === 0 && report.unchanged === 0 && failures > 0)
      throw nothingSucceeded(report.failed, 'ingested')
  } finally {
    await store.close()
  }
}

/** The exit-1 error of a run in which every input failed, naming them (the report lists them all). */
function nothingSucceeded(
  failed: readonly { path: string; reason: string }[],
  verb: 'queued' | 'ingested',
): InputError {
  const shown = failed.slice(0, 3).map((f) => `\n  ${f.path}: ${f.reason}`)
  const more = failed.length > 3 ? `\n  and ${failed.length - 3} more` : ''
  return new InputError(
    `none of the inputs could be ${verb}: ${failed.length} failed${shown.join('')}${more}`,
  )
}
