// What `parley watch` remembers between polls: per feed, its validators (ETag, Last-Modified) and
// its backoff; per page linked from a feed, whether it was fetched, and when to try again.
import type { Sql } from './sql.ts'

export interface FeedState {
  url: string
  etag: string | null
  lastModified: string | null
  failures: number
  /** Not polled before this time (ISO), after failures. */
  nextPollAt: string | null
  status: string | null
}

export interface PageToFetch {
  url: string
  feedUrl: string
  title: string | null
  published: string | null
  attempts: number
}

export interface WatchCounts {
  feeds: number
  pending: number
  fetched: number
  failed: number
}

/** A page a feed links to, as the feed names it. */
export interface LinkedPage {
  url: string
  feedUrl: string
  title?: string | undefined
  published?: string | undefined
}

/** What became of fetching a page, and when to try it again. */
export interface PageChange {
  status: 'pending' | 'fetched' | 'failed'
  error?: string | undefined
  nextTryAt?: Date | undefined
}

export interface FeedStore {
  /** What `parley watch` remembers between polls. */
  watch: {
    feed(url: string): Promise<FeedState>
    saveFeed(state: FeedState, polledAt: Date): Promise<void>
    addPages(pages: readonly LinkedPage[]): Promise<number>
    duePages(now: Date, limit: number): Promise<PageToFetch[]>
    markPage(url: string, change: PageChange): Promise<void>
    counts(): Promise<WatchCounts>
  }
}

export function feedStore(sql: Sql): FeedStore {
  return {
    watch: {
      feed: (url) => feedState(sql, url),
      saveFeed: (state, polledAt) => saveFeedState(sql, state, polledAt),
      addPages: (pages) => addPages(sql, pages),
      duePages: (now, limit) => duePages(sql, now, limit),
      markPage: (url, change) => markPage(sql, url, change),
      counts: () => watchCounts(sql),
    },
  }
}

export async function feedState(sql: Sql, url: string): Promise<FeedState> {
  const [row] = await sql.query<{
    etag: string | null
    last_modified: string | null
    failures: number
    next_poll_at: string | null
    status: string | null
  }>(
    `select etag, last_modified, failures, to_char(next_poll_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as next_poll_at, status
       from watched_feeds where url = $1`,
    [url],
  )
  return {
    url,
    etag: row?.etag ?? null,
    lastModified: row?.last_modified ?? null,
    failures: row?.failures ?? 0,
    nextPollAt: row?.next_poll_at ?? null,
    status: row?.status ?? null,
  }
}

export async function saveFeedState(sql: Sql, s: FeedState, polledAt: Date): Promise<void> {
  await sql.query(
    `insert into watched_feeds (url, etag, last_modified, polled_at, status, failures, next_poll_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (url) do update set etag = $2, last_modified = $3, polled_at = $4, status = $5, failures = $6,
                                     next_poll_at = $7`,
    [s.url, s.etag, s.lastModified, polledAt.toISOString(), s.status, s.failures, s.nextPollAt],
  )
}

/** Remembers pages linked from a feed; returns how many were new. */
export async function addPages(sql: Sql, pages: readonly LinkedPage[]): Promise<number> {
  if (pages.length === 0) return 0
  const rows = await sql.query(
    `insert into watched_pages (url, feed_url, title, published)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])
     on conflict (url) do nothing returning url`,
    [
      pages.map((p) => p.url),
      pages.map((p) => p.feedUrl),
      pages.map((p) => p.title ?? null),
      pages.map((p) => p.published ?? null),
    ],
  )
  return rows.length
}

/** Pages not fetched yet whose time has come, oldest first. */
export async function duePages(sql: Sql, now: Date, limit: number): Promise<PageToFetch[]> {
  return sql.query<PageToFetch>(
    `select url, feed_url as "feedUrl", title, published, attempts from watched_pages
      where status = 'pending' and next_try_at <= $1 order by seen_at, url limit $2`,
    [now.toISOString(), limit],
  )
}

export async function markPage(sql: Sql, url: string, change: PageChange): Promise<void> {
  await sql.query(
    `update watched_pages set status = $2, last_error = $3, attempts = attempts + case when $2 = 'fetched' then 0 else 1 end,
            next_try_at = coalesce($4::timestamptz, next_try_at)
      where url = $1`,
    [url, change.status, change.error ?? null, change.nextTryAt?.toISOString() ?? null],
  )
}

export async function watchCounts(sql: Sql): Promise<WatchCounts> {
  const [row] = await sql.query<WatchCounts>(
    `select (select count(*) from watched_feeds)::integer as feeds,
            (select count(*) from watched_pages where status = 'pending')::integer as pending,
            (select count(*) from watched_pages where status = 'fetched')::integer as fetched,
            (select count(*) from watched_pages where status = 'failed')::integer as failed`,
  )
  return row as WatchCounts
}
