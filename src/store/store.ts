// The store: documents, their claims and events, and links between near-duplicates. One interface,
// one SQL implementation over two engines (PGlite embedded, PostgreSQL through pg).

import type { Claim, ExtractedEvent } from '../core/index.ts'
import type { ArticleDate } from '../ingest/index.ts'
import { type ClaimHistory, claimHistory, type HistoryOptions } from './history.ts'
import { migrate } from './migrations.ts'
import {
  enqueue,
  type ItemOutcome,
  maintain,
  type QueueCounts,
  type QueueInput,
  type QueueItem,
  queueCounts,
  recordFailure,
  type WorkDone,
  work,
} from './queue.ts'
import { type SearchOptions, type SearchResult, search } from './search.ts'
import type { Sql } from './sql.ts'
import {
  addPages,
  duePages,
  type FeedState,
  feedState,
  markPage,
  type PageToFetch,
  saveFeedState,
  type WatchCounts,
  watchCounts,
} from './watch.ts'

export interface NewDocument {
  contentHash: string
  path: string
  url?: string | undefined
  title?: string | undefined
  format: 'text' | 'html' | 'feed'
  date?: ArticleDate | undefined
  text: string
  bytes: number
  /** MinHash signature and its LSH band keys (src/ingest/minhash.ts). */
  signature: Uint32Array
  bands: number[]
  extractor: string
  claims: Claim[]
  events: ExtractedEvent[]
}

export interface DocumentLink {
  a: number
  b: number
  kind: 'near_duplicate'
  similarity: number
}

export interface AddResult {
  id: number
  /** False when a document with the same content hash was already stored: nothing was written. */
  added: boolean
  links: DocumentLink[]
}

export interface DocumentSummary {
  id: number
  path: string
  url: string | null
  title: string | null
  format: string
  date: string | null
  dateSource: string | null
  dateEstimated: boolean
  dateBasis: string | null
  bytes: number
  claims: number
  events: number
  extractor: string
}

export interface StoredDocument extends DocumentSummary {
  text: string
  contentHash: string
}

export interface RecentDocument {
  id: number
  path: string
  title: string | null
  text: string
  claims: StoredClaim[]
}

export interface StoredClaim extends Claim {
  id: number
  documentId: number
  path: string
  title: string | null
  date: string | null
  dateEstimated: boolean
}

export interface StoredEvent extends ExtractedEvent {
  id: number
  documentId: number
  path: string
  title: string | null
  documentDate: string | null
  dateEstimated: boolean
}

export interface ClaimFilter {
  party?: string | undefined
  issue?: string | undefined
  act?: string | undefined
  documentId?: number | undefined
  limit?: number | undefined
  offset?: number | undefined
}

export interface Counts {
  documents: number
  claims: number
  events: number
  links: number
  failures: number
}

export interface Store {
  /** Where the store lives: a directory, or a postgres:// URL without its password. */
  readonly location: string
  /** Adds a document with its claims, events and near-duplicate links, in one transaction. */
  addDocument(doc: NewDocument): Promise<AddResult>
  hasDocument(contentHash: string): Promise<boolean>
  /** Records an input that could not be ingested, so it is not lost from view. */
  recordFailure(path: string, reason: string): Promise<void>
  listDocuments(): Promise<DocumentSummary[]>
  getDocument(id: number): Promise<StoredDocument | undefined>
  listClaims(filter?: ClaimFilter): Promise<{ total: number; claims: StoredClaim[] }>
  /** The `limit` newest articles (by date, then id) with their texts and claims, in id order. */
  recentDocuments(limit: number): Promise<RecentDocument[]>
  listEvents(filter?: { documentId?: number; type?: string }): Promise<StoredEvent[]>
  listLinks(): Promise<DocumentLink[]>
  listFailures(): Promise<{ path: string; reason: string }[]>
  /** Queues inputs for the workers; returns how many were new to the queue. */
  enqueue(inputs: readonly QueueInput[]): Promise<number>
  /** Takes up to `limit` queued inputs no other worker holds, and stores what `handle` makes of them. */
  work(
    worker: string,
    limit: number,
    handle: (item: QueueItem, known: (contentHash: string) => Promise<boolean>) => Promise<ItemOutcome>,
  ): Promise<WorkDone[]>
  queueCounts(): Promise<QueueCounts>
  /**
   * Vacuums the queue and refreshes the planner's statistics; workers call it now and then. `full` also
   * vacuums the stored tables (a worker does that once it finds the queue empty).
   */
  maintain(full?: boolean): Promise<void>
  /**
   * Throws an InputError before a write when the disk is nearly full (embedded store). PGlite does not fail on
   * a full disk: it spins. So Parley stops while there is room, and what was stored stays readable.
   */
  checkSpace(): void
  /** Full-text search (PostgreSQL's english configuration) over article titles and texts, and claim quotes. */
  search(query: string, options?: SearchOptions): Promise<SearchResult>
  /** What `parley watch` remembers between polls. */
  watch: {
    feed(url: string): Promise<FeedState>
    saveFeed(state: FeedState, polledAt: Date): Promise<void>
    addPages(pages: Parameters<typeof addPages>[1]): Promise<number>
    duePages(now: Date, limit: number): Promise<PageToFetch[]>
    markPage(url: string, change: Parameters<typeof markPage>[2]): Promise<void>
    counts(): Promise<WatchCounts>
  }
  /** The first and last article dates, or nulls in an empty or undated store. */
  dateRange(): Promise<{ first: string | null; last: string | null }>
  /** Claims since a date, with the latest earlier claims of the same party, issue and act. */
  claimHistory(options: HistoryOptions): Promise<ClaimHistory>
  counts(): Promise<Counts>
  close(): Promise<void>
}

/** Two documents are near-duplicates at this estimated Jaccard similarity of their 5-word shingles. */
export const NEAR_DUPLICATE = 0.5

/** At most this many earlier documents are compared with a new one: those sharing the most LSH bands. */
export const MAX_CANDIDATES = 32

export async function sqlStore(sql: Sql, location: string): Promise<Store> {
  await migrate(sql)
  return {
    location,
    addDocument: (doc) => sql.transaction((tx) => addDocument(tx, doc)),
    hasDocument: async (hash) =>
      (await sql.query('select 1 from documents where content_hash = $1', [hash])).length > 0,
    recordFailure: (path, reason) => recordFailure(sql, path, reason),
    enqueue: (inputs) => enqueue(sql, inputs),
    work: (worker, limit, handle) => work(sql, addDocument, worker, limit, handle),
    queueCounts: () => queueCounts(sql),
    maintain: (full) => maintain(sql, full),
    checkSpace: () => sql.checkSpace?.(),
    search: (query, options) => search(sql, query, options),
    claimHistory: (options) => claimHistory(sql, options),
    watch: {
      feed: (url) => feedState(sql, url),
      saveFeed: (state, polledAt) => saveFeedState(sql, state, polledAt),
      addPages: (pages) => addPages(sql, pages),
      duePages: (now, limit) => duePages(sql, now, limit),
      markPage: (url, change) => markPage(sql, url, change),
      counts: () => watchCounts(sql),
    },
    dateRange: async () => {
      const [row] = await sql.query<{ first: string | null; last: string | null }>(
        'select min(published)::text as first, max(published)::text as last from documents',
      )
      return { first: row?.first ?? null, last: row?.last ?? null }
    },
    listDocuments: async () =>
      (await sql.query<DocumentRow>(`${DOCUMENT_SELECT} order by d.id`)).map(toSummary),
    getDocument: async (id) => {
      const [row] = await sql.query<DocumentRow & { text: string; content_hash: string }>(
        `${DOCUMENT_SELECT.replace('select ', 'select d.text, d.content_hash, ')} where d.id = $1`,
        [id],
      )
      return row === undefined
        ? undefined
        : { ...toSummary(row), text: row.text, contentHash: row.content_hash }
    },
    listClaims: (filter = {}) => listClaims(sql, filter),
    recentDocuments: async (limit) => {
      const docs = await sql.query<{ id: number; path: string; title: string | null; text: string }>(
        `select id, path, title, text from (
           select id, path, title, text from documents order by published desc nulls last, id desc limit $1
         ) r order by id`,
        [limit],
      )
      const claims = (
        await sql.query<ClaimRow>(
          `select ${CLAIM_COLUMNS} from claims c join documents d on d.id = c.document_id
            where c.document_id = any($1::integer[]) order by c.document_id, c.start_offset, c.id`,
          [docs.map((d) => d.id)],
        )
      ).map(toClaim)
      const byDocument = new Map<number, StoredClaim[]>()
      for (const c of claims) byDocument.set(c.documentId, [...(byDocument.get(c.documentId) ?? []), c])
      return docs.map((d) => ({ ...d, claims: byDocument.get(d.id) ?? [] }))
    },
    listEvents: async (filter = {}) => {
      const rows = await sql.query<EventRow>(
        `select e.id, e.document_id, e.type, e.participants, e.date::text as date, e.initiator, e.hedge, e.quote,
                e.start_offset, e.end_offset, d.path, d.title, d.published::text as published, d.date_estimated
           from events e join documents d on d.id = e.document_id
          where ($1::integer is null or e.document_id = $1) and ($2::text is null or e.type = $2)
          order by coalesce(e.date, d.published) nulls last, e.id`,
        [filter.documentId ?? null, filter.type ?? null],
      )
      return rows.map(toEvent)
    },
    listLinks: async () =>
      (await sql.query<DocumentLink>('select a, b, kind, similarity from document_links order by a, b')).map(
        (l) => ({
          ...l,
          similarity: Number(l.similarity),
        }),
      ),
    listFailures: () => sql.query('select path, reason from ingest_failures order by path, reason'),
    counts: async () => {
      const [row] = await sql.query<Record<keyof Counts, number>>(
        `select (select count(*) from documents)::integer as documents, (select count(*) from claims)::integer as claims,
                (select count(*) from events)::integer as events, (select count(*) from document_links)::integer as links,
                (select count(*) from ingest_failures)::integer as failures`,
      )
      return row as Counts
    },
    close: () => sql.close(),
  }
}

export async function addDocument(tx: Sql, doc: NewDocument): Promise<AddResult> {
  const inserted = await tx.query<{ id: number }>(
    `insert into documents (content_hash, path, url, title, format, published, date_source, date_estimated, date_basis,
                            text, bytes, signature, extractor)
     values ($1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11, $12, $13)
     on conflict (content_hash) do nothing
     returning id`,
    [
      doc.contentHash,
      doc.path,
      doc.url ?? null,
      doc.title ?? null,
      doc.format,
      doc.date?.date ?? null,
      doc.date?.source ?? null,
      doc.date?.estimated ?? false,
      doc.date?.basis ?? null,
      doc.text,
      doc.bytes,
      new Uint8Array(doc.signature.buffer, doc.signature.byteOffset, doc.signature.byteLength),
      doc.extractor,
    ],
  )
  const id = inserted[0]?.id
  if (id === undefined) {
    const [existing] = await tx.query<{ id: number }>('select id from documents where content_hash = $1', [
      doc.contentHash,
    ])
    return { id: existing?.id ?? -1, added: false, links: [] }
  }
  const c = doc.claims
  if (c.length > 0) {
    await tx.query(
      `insert into claims (document_id, published, actor, act, issue, condition_issue, min_days, hedge, quote, start_offset, end_offset)
       select $1, $11::date, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::text[], $8::text[], $9::integer[], $10::integer[])`,
      [
        id,
        c.map((x) => x.actor),
        c.map((x) => x.act),
        c.map((x) => x.issue),
        c.map((x) => x.condition_issue ?? null),
        c.map((x) => x.min_days ?? null),
        c.map((x) => x.hedge ?? null),
        c.map((x) => x.quote),
        c.map((x) => x.start),
        c.map((x) => x.end),
        doc.date?.date ?? null,
      ],
    )
  }
  for (const e of doc.events) {
    await tx.query(
      `insert into events (document_id, type, participants, date, initiator, hedge, quote, start_offset, end_offset)
       values ($1, $2, $3, $4::date, $5, $6, $7, $8, $9)`,
      [id, e.type, e.participants, e.date, e.initiator ?? null, e.hedge ?? null, e.quote, e.start, e.end],
    )
  }
  const bandIds = doc.bands.map((_, i) => i)
  // The candidates sharing the most bands, at most MAX_CANDIDATES: sharing more bands means a higher
  // similarity, and a text that recurs in many articles (an outlet's footer, a wire paragraph)
  // cannot make each insert compare with thousands.
  const candidates = await tx.query<{ id: number; signature: Uint8Array }>(
    `select d.id, d.signature from (
       select b.document_id, count(*) as shared from document_bands b
         join unnest($1::smallint[], $2::integer[]) as q(band, hash) on b.band = q.band and b.hash = q.hash
        group by b.document_id order by shared desc, b.document_id limit $3
     ) c join documents d on d.id = c.document_id`,
    [bandIds, doc.bands, MAX_CANDIDATES],
  )
  await tx.query(
    'insert into document_bands (band, hash, document_id) select q.band, q.hash, $3 from unnest($1::smallint[], $2::integer[]) as q(band, hash)',
    [bandIds, doc.bands, id],
  )
  const links: DocumentLink[] = []
  for (const candidate of candidates) {
    const other = new Uint32Array(new Uint8Array(candidate.signature).buffer)
    const similarity = sameShare(doc.signature, other)
    if (similarity < NEAR_DUPLICATE) continue
    const link: DocumentLink = {
      a: Math.min(id, candidate.id),
      b: Math.max(id, candidate.id),
      kind: 'near_duplicate',
      similarity,
    }
    await tx.query(
      'insert into document_links (a, b, kind, similarity) values ($1, $2, $3, $4) on conflict do nothing',
      [link.a, link.b, link.kind, link.similarity],
    )
    links.push(link)
  }
  return { id, added: true, links }
}

function sameShare(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

interface DocumentRow {
  id: number
  path: string
  url: string | null
  title: string | null
  format: string
  published: string | null
  date_source: string | null
  date_estimated: boolean
  date_basis: string | null
  bytes: number
  claims: number
  events: number
  extractor: string
}

const DOCUMENT_SELECT = `select d.id, d.path, d.url, d.title, d.format, d.published::text as published, d.date_source, d.date_estimated,
       d.date_basis, d.bytes, d.extractor,
       (select count(*) from claims c where c.document_id = d.id)::integer as claims,
       (select count(*) from events e where e.document_id = d.id)::integer as events
  from documents d`

function toSummary(r: DocumentRow): DocumentSummary {
  return {
    id: r.id,
    path: r.path,
    url: r.url,
    title: r.title,
    format: r.format,
    date: r.published,
    dateSource: r.date_source,
    dateEstimated: r.date_estimated,
    dateBasis: r.date_basis,
    bytes: r.bytes,
    claims: r.claims,
    events: r.events,
    extractor: r.extractor,
  }
}

export async function listClaims(
  sql: Sql,
  f: ClaimFilter,
): Promise<{ total: number; claims: StoredClaim[] }> {
  // Only the filters given go into the WHERE clause (as parameters), so each query can use its index.
  const params: unknown[] = []
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  const base: string[] = []
  if (f.party !== undefined) base.push(`c.actor = ${param(f.party)}`)
  if (f.act !== undefined) base.push(`c.act = ${param(f.act)}`)
  if (f.documentId !== undefined) base.push(`c.document_id = ${param(f.documentId)}::integer`)
  const issue = f.issue === undefined ? undefined : param(f.issue)
  const whereOf = (c: string[]) => (c.length === 0 ? '' : `where ${c.join(' and ')}`)
  const where = whereOf(
    issue === undefined ? base : [...base, `(c.issue = ${issue} or c.condition_issue = ${issue})`],
  )
  // A claim is on an issue as its issue or as the other issue of its condition. Counted as two disjoint
  // parts, each can read an index alone (claims_actor_issue, claims_condition_issue) instead of
  // fetching every matching row from the table (docs/performance.md has the figures).
  const countOf = (...c: string[]) => `(select count(*) from claims c ${whereOf([...base, ...c])})`
  const [count] = await sql.query<{ n: number }>(
    issue === undefined
      ? `select ${countOf()}::integer as n`
      : `select (${countOf(`c.issue = ${issue}`)} + ${countOf(`c.condition_issue = ${issue}`, `c.issue <> ${issue}`)})::integer as n`,
    params,
  )
  const rows = await sql.query<ClaimRow>(
    `select ${CLAIM_COLUMNS}
       from claims c join documents d on d.id = c.document_id ${where}
      order by c.published nulls last, c.document_id, c.start_offset, c.id
      limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, f.limit ?? 1000, f.offset ?? 0],
  )
  return { total: count?.n ?? 0, claims: rows.map(toClaim) }
}

/** The columns toClaim reads, from `claims c join documents d`. */
export const CLAIM_COLUMNS = `c.id, c.document_id, c.actor, c.act, c.issue, c.condition_issue, c.min_days, c.hedge, c.quote,
       c.start_offset, c.end_offset, d.path, d.title, d.published::text as published, d.date_estimated`

export interface ClaimRow {
  id: number
  document_id: number
  actor: string
  act: Claim['act']
  issue: string
  condition_issue: string | null
  min_days: number | null
  hedge: string | null
  quote: string
  start_offset: number
  end_offset: number
  path: string
  title: string | null
  published: string | null
  date_estimated: boolean
}

export function toClaim(r: ClaimRow): StoredClaim {
  return {
    id: r.id,
    documentId: r.document_id,
    actor: r.actor,
    act: r.act,
    issue: r.issue,
    ...(r.condition_issue === null ? {} : { condition_issue: r.condition_issue }),
    ...(r.min_days === null ? {} : { min_days: r.min_days }),
    ...(r.hedge === null ? {} : { hedge: r.hedge }),
    quote: r.quote,
    start: r.start_offset,
    end: r.end_offset,
    path: r.path,
    title: r.title,
    date: r.published,
    dateEstimated: r.date_estimated,
  }
}

interface EventRow {
  id: number
  document_id: number
  type: ExtractedEvent['type']
  participants: string[]
  date: string | null
  initiator: string | null
  hedge: string | null
  quote: string
  start_offset: number
  end_offset: number
  path: string
  title: string | null
  published: string | null
  date_estimated: boolean
}

function toEvent(r: EventRow): StoredEvent {
  return {
    id: r.id,
    documentId: r.document_id,
    type: r.type,
    participants: r.participants,
    date: r.date,
    ...(r.initiator === null ? {} : { initiator: r.initiator }),
    ...(r.hedge === null ? {} : { hedge: r.hedge }),
    quote: r.quote,
    start: r.start_offset,
    end: r.end_offset,
    path: r.path,
    title: r.title,
    documentDate: r.published,
    dateEstimated: r.date_estimated,
  }
}
