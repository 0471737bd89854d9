import { InputError } from '../../core/index.ts'
import { DEFAULT_MAX_BYTES, HostGate } from '../../ingest/index.ts'
import { type PollReport, pollOnce } from '../../pipeline/index.ts'
import { openStore } from '../../store/index.ts'
import { caseOf, noteBundled } from '../_case.ts'
import { type ExtractionOptions, makeExtractor, parseReferenceDate, resolveLexicon } from '../_extraction.ts'
import type { Io } from '../_io.ts'
import { parseCount, parseDuration, parseMegabytes } from './_options.ts'

export interface WatchCommandOptions extends ExtractionOptions {
  db?: string
  every?: string
  once?: boolean
  delay?: string
  timeout?: string
  maxMb?: string
  attempts?: string
  retry?: string
  referenceDate?: string
  json?: boolean
}

export async function run(
  given: string[],
  opts: WatchCommandOptions,
  io: Io,
  version: string,
): Promise<void> {
  const every = parseDuration('--every', opts.every) ?? 15 * 60_000
  const inCase = await caseOf(opts)
  const extractor = makeExtractor(
    opts.extractor,
    await resolveLexicon(opts, inCase, io),
    inCase.case.eventTypes,
  )
  if (given.length === 0) noteBundled(inCase, 'its feeds', io)
  const feeds = given.length > 0 ? given : inCase.case.feeds
  if (feeds.length === 0)
    throw new InputError(`no feed to watch: give feed URLs, or list them under feeds: in ${inCase.case.file}`)
  // Offered with the other extraction options: dates without a year resolve against it, as in ingest.
  const reference = parseReferenceDate(opts.referenceDate)
  const options = {
    extractor,
    ...(reference === undefined ? {} : { reference }),
    timeoutMs: parseDuration('--timeout', opts.timeout) ?? 20_000,
    maxBytes: parseMegabytes('--max-mb', opts.maxMb) ?? DEFAULT_MAX_BYTES,
    hostDelayMs: parseDuration('--delay', opts.delay) ?? 2_000,
    userAgent: `parley/${version} (negotiation-analysis feed reader)`,
    retryBaseMs: parseDuration('--retry', opts.retry) ?? 60_000,
    retryMaxMs: Math.max(every, 60 * 60_000),
    maxPageAttempts: parseCount('--attempts', opts.attempts, { min: 1, max: 100 }) ?? 5,
    gate: undefined as HostGate | undefined,
    log: (line: string) => io.err(`${new Date().toISOString().slice(0, 19)}Z ${line}`),
  }
  options.gate = new HostGate(options.hostDelayMs)
  const store = await openStore(inCase.store)
  const stop = new AbortController()
  const onSignal = () => stop.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    for (;;) {
      const report = await pollOnce(feeds, { ...options, store })
      io.out(opts.json ? JSON.stringify(report) : summary(report))
      if (opts.once || stop.signal.aborted) return
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, every)
        stop.signal.addEventListener('abort', () => {
          clearTimeout(timer)
          resolve()
        })
      })
      if (stop.signal.aborted) return
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await store.close()
  }
}

function summary(r: PollReport): string {
  const feeds = r.feeds
    .map((f) => `${f.status.replace('_', ' ')}${f.reason ? ` (${f.reason})` : ''}`)
    .join(', ')
  return (
    `${new Date().toISOString().slice(0, 19)}Z feeds: ${feeds}; pages: ${r.pages.fetched} fetched, ${r.pages.retrying} to retry, ` +
    `${r.pages.failed.length} given up; ingested ${r.ingest.added} new article${r.ingest.added === 1 ? '' : 's'} ` +
    `(${r.ingest.claims} claims, ${r.ingest.events} events), ${r.ingest.failed.length} skipped; ` +
    `watching ${r.watch.feeds} feeds, ${r.watch.fetched} pages fetched, ${r.watch.pending} pending, ${r.watch.failed} failed`
  )
}
