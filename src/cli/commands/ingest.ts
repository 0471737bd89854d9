import { countInputs, ingestPaths } from '../../pipeline/index.ts'
import { openStore, storeLocation } from '../../store/index.ts'
import { type ExtractionOptions, makeExtractor, resolveLexicon } from '../_extraction.ts'
import type { Io } from '../_io.ts'
import { progressBar } from '../_progress.ts'
import { parseMegabytes, parseReferenceDate } from './_options.ts'

export interface IngestCommandOptions extends ExtractionOptions {
  db?: string
  json?: boolean
  maxMb?: string
  referenceDate?: string
}

export async function run(paths: string[], opts: IngestCommandOptions, io: Io): Promise<void> {
  const extractor = makeExtractor(opts.extractor, await resolveLexicon(opts))
  const reference = parseReferenceDate(opts.referenceDate)
  const maxBytes = parseMegabytes('--max-mb', opts.maxMb)
  const store = await openStore(storeLocation(opts.db))
  try {
    const bar = progressBar(await countInputs(paths), 'ingest')
    const report = await ingestPaths(paths, {
      store,
      extractor,
      ...(reference ? { reference } : {}),
      ...(maxBytes ? { maxBytes } : {}),
      onProgress: (done) => bar.update(done),
    })
    bar.stop()
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
