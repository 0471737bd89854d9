// One poll of `parley watch`: each feed fetched (conditionally, unless it is backing off after
// failures), the new pages it links to remembered, the pages whose time has come fetched politely
// and queued, then the queue worked. A fault is logged and retried later with backoff; a page that
// keeps failing, or cannot succeed (404, too large), is recorded as a failure with its reason.
import { backoff, decodeArticle, type Fetched, fetchPolitely, HostGate, readFeed } from '../ingest/index.ts'
import type { WatchCounts } from '../store/index.ts'
import { drainQueue, type IngestReport, type WorkerOptions } from './ingest.ts'

export interface WatchOptions extends WorkerOptions {
  timeoutMs: number
  maxBytes: number
  /** Least time between two requests to one host. */
  hostDelayMs: number
  userAgent: string
  /** First wait after a fault; it doubles with each further fault, up to retryMaxMs. */
  retryBaseMs: number
  retryMaxMs: number
  /** A page is given up after this many faults. */
  maxPageAttempts: number
  /** Pages fetched per poll at most (default 500); the rest wait for the next poll. */
  pagesPerPoll?: number
  log?: (line: string) => void
  now?: () => Date
  /** The per-host delay across polls: pass the same gate to each poll of a watch. */
  gate?: HostGate
}

export interface FeedPoll {
  url: string
  status: 'fetched' | 'not_modified' | 'backing_off' | 'error'
  newPages: number
  reason?: string
  retryAt?: string
}

export interface PollReport {
  feeds: FeedPoll[]
  pages: { fetched: number; retrying: number; failed: { url: string; reason: string }[] }
  ingest: IngestReport
  watch: WatchCounts
}

export async function pollOnce(feeds: readonly string[], o: WatchOptions): Promise<PollReport> {
  const { store } = o
  const now = o.now ?? (() => new Date())
  const log = o.log ?? (() => {})
  const gate = o.gate ?? new HostGate(o.hostDelayMs)
  const get = async (
    url: string,
    validators: { etag?: string | null; lastModified?: string | null } = {},
  ) => {
    await gate.wait(url)
    return fetchPolitely(url, {
      timeoutMs: o.timeoutMs,
      maxBytes: o.maxBytes,
      userAgent: o.userAgent,
      ...validators,
    })
  }

  const polled: FeedPoll[] = []
  for (const url of feeds) {
    const state = await store.watch.feed(url)
    if (state.nextPollAt !== null && new Date(state.nextPollAt) > now()) {
      polled.push({ url, status: 'backing_off', newPages: 0, retryAt: state.nextPollAt })
      continue
    }
    const fetched = await get(url, state)
    const outcome = fetched.status === 'ok' ? itemsOf(fetched) : undefined
    if (fetched.status === 'error' || (outcome !== undefined && 'reason' in outcome)) {
      const reason = fetched.status === 'error' ? fetched.reason : (outcome as { reason: string }).reason
      const failures = state.failures + 1
      const retryAt = new Date(now().getTime() + backoff(failures, o.retryBaseMs, o.retryMaxMs)).toISOString()
      await store.watch.saveFeed({ ...state, failures, nextPollAt: retryAt, status: reason }, now())
      log(`feed ${url}: ${reason}; fault ${failures}, next try at ${retryAt}`)
      polled.push({ url, status: 'error', newPages: 0, reason, retryAt })
      continue
    }
    if (fetched.status === 'not_modified') {
      await store.watch.saveFeed({ ...state, failures: 0, nextPollAt: null, status: 'not modified' }, now())
      polled.push({ url, status: 'not_modified', newPages: 0 })
      continue
    }
    const items = (outcome as { items: { url: string; title?: string; date?: string }[] }).items
    const newPages = await store.watch.addPages(
      items.map((i) => ({ url: i.url, feedUrl: url, title: i.title, published: i.date })),
    )
    const ok = fetched as Extract<Fetched, { status: 'ok' }>
    await store.watch.saveFeed(
      { url, etag: ok.etag, lastModified: ok.lastModified, failures: 0, nextPollAt: null, status: 'ok' },
      now(),
    )
    log(`feed ${url}: ${items.length} items, ${newPages} new`)
    polled.push({ url, status: 'fetched', newPages })
  }

  const pages: PollReport['pages'] = { fetched: 0, retrying: 0, failed: [] }
  for (const page of await store.watch.duePages(now(), o.pagesPerPoll ?? 500)) {
    const fetched = await get(page.url)
    if (fetched.status === 'ok') {
      // Queued before it is marked: a crash in between fetches it again, and the queue knows the bytes.
      await store.enqueue([
        {
          source: page.url,
          payload: fetched.body,
          meta: {
            file: page.url,
            url: page.url,
            ...(page.title ? { title: page.title } : {}),
            ...(page.published ? { date: page.published } : {}),
          },
        },
      ])
      await store.watch.markPage(page.url, { status: 'fetched' })
      pages.fetched++
      continue
    }
    const reason = fetched.status === 'error' ? fetched.reason : 'HTTP 304 to an unconditional request'
    const attempts = page.attempts + 1
    if (fetched.status === 'error' && fetched.retryable && attempts < o.maxPageAttempts) {
      const retryAt = new Date(now().getTime() + backoff(attempts, o.retryBaseMs, o.retryMaxMs))
      await store.watch.markPage(page.url, { status: 'pending', error: reason, nextTryAt: retryAt })
      log(
        `page ${page.url}: ${reason}; fault ${attempts} of ${o.maxPageAttempts}, next try at ${retryAt.toISOString()}`,
      )
      pages.retrying++
    } else {
      await store.watch.markPage(page.url, { status: 'failed', error: reason })
      await store.recordFailure(page.url, reason)
      log(`page ${page.url}: ${reason}; given up`)
      pages.failed.push({ url: page.url, reason })
    }
  }
  const ingest = await drainQueue(o)
  return { feeds: polled, pages, ingest, watch: await store.watch.counts() }
}

/** The linked items of a fetched feed, or why it cannot be read. */
function itemsOf(
  fetched: Extract<Fetched, { status: 'ok' }>,
): { items: { url: string; title?: string; date?: string }[] } | { reason: string } {
  const decoded = decodeArticle(fetched.body, fetched.body.byteLength + 1)
  if (!decoded.ok) return { reason: decoded.reason }
  const feed = readFeed(decoded.text)
  if (!feed.ok) return { reason: feed.reason }
  const items = []
  for (const item of feed.items)
    if (item.url !== undefined && /^https?:\/\//i.test(item.url))
      items.push({
        url: item.url,
        ...(item.title ? { title: item.title } : {}),
        ...(item.date ? { date: item.date } : {}),
      })
  return { items }
}
