// The front half of the chain: read each input, extract its claims and events, store it, one
// transaction per article. A broken input is recorded and skipped; the rest goes on.
import type { Extractor } from '../extract/extractor.ts'
import type { Extraction } from '../extract/types.ts'
import { bands, type Failure, type ReadOptions, readArticles, signature } from '../ingest/index.ts'
import type { Store } from '../store/index.ts'

export interface IngestReport {
  added: number
  /** Already in the store (same content hash): nothing written. */
  unchanged: number
  failed: Failure[]
  claims: number
  events: number
  nearDuplicates: number
}

export interface IngestOptions extends ReadOptions {
  store: Store
  extractor: Extractor
  /** Called after each input, for a progress display. */
  onProgress?: (done: number, path: string) => void
}

export async function ingestPaths(paths: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const { store, extractor } = options
  const report: IngestReport = { added: 0, unchanged: 0, failed: [], claims: 0, events: 0, nearDuplicates: 0 }
  let done = 0
  for await (const result of readArticles(paths, options)) {
    done++
    if ('failure' in result) {
      report.failed.push(result.failure)
      await store.recordFailure(result.failure.path, result.failure.reason)
    } else {
      const a = result.article
      if (await store.hasDocument(a.contentHash)) report.unchanged++
      else {
        let extraction: Extraction
        try {
          extraction = await extractor.extract({ text: a.text, date: a.date })
        } catch (error) {
          const failure = { path: a.path, reason: `extraction failed: ${(error as Error).message}` }
          report.failed.push(failure)
          await store.recordFailure(failure.path, failure.reason)
          options.onProgress?.(done, a.path)
          continue
        }
        const sig = signature(a.text)
        const r = await store.addDocument({
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
        })
        if (r.added) {
          report.added++
          report.claims += extraction.claims.length
          report.events += extraction.events.length
          report.nearDuplicates += r.links.length
        } else report.unchanged++
      }
    }
    options.onProgress?.(done, 'failure' in result ? result.failure.path : result.article.path)
  }
  return report
}

/** How many inputs `paths` hold, for a progress bar's total (feed items count as their file). */
export { countInputs } from '../ingest/index.ts'
