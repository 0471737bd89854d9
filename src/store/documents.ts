// Documents: adding one with its claims, events and near-duplicate links, reading them back, the
// links between near-duplicates, and the inputs that could not be ingested.
import { CLAIM_COLUMNS, type ClaimRow, toClaim } from './rows.ts'
import type { Sql } from './sql.ts'
import type { AddResult, DocumentLink, NewDocument, StoredClaim } from './types.ts'

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

export interface DocumentStore {
  /** Adds a document with its claims, events and near-duplicate links, in one transaction. */
  addDocument(doc: NewDocument): Promise<AddResult>
  hasDocument(contentHash: string): Promise<boolean>
  /** Records an input that could not be ingested, so it is not lost from view. */
  recordFailure(path: string, reason: string): Promise<void>
  listDocuments(): Promise<DocumentSummary[]>
  getDocument(id: number): Promise<StoredDocument | undefined>
  /** The `limit` newest articles (by date, then id) with their texts and claims, in id order. */
  recentDocuments(limit: number): Promise<RecentDocument[]>
  listLinks(): Promise<DocumentLink[]>
  listFailures(): Promise<{ path: string; reason: string }[]>
}

/** Two documents are near-duplicates at this estimated Jaccard similarity of their 5-word shingles. */
export const NEAR_DUPLICATE = 0.5

/** At most this many earlier documents are compared with a new one: those sharing the most LSH bands. */
export const MAX_CANDIDATES = 32

export function documentStore(sql: Sql): DocumentStore {
  return {
    addDocument: (doc) => sql.transaction((tx) => addDocument(tx, doc)),
    hasDocument: async (hash) =>
      (await sql.query('select 1 from documents where content_hash = $1', [hash])).length > 0,
    recordFailure: (path, reason) => recordFailure(sql, path, reason),
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
    recentDocuments: (limit) => recentDocuments(sql, limit),
    listLinks: async () =>
      (await sql.query<DocumentLink>('select a, b, kind, similarity from document_links order by a, b')).map(
        (l) => ({
          ...l,
          similarity: Number(l.similarity),
        }),
      ),
    listFailures: () => sql.query('select path, reason from ingest_failures order by path, reason'),
  }
}

async function recentDocuments(sql: Sql, limit: number): Promise<RecentDocument[]> {
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

/** Records an input that could not be ingested, so it is not lost from view. */
export async function recordFailure(sql: Sql, path: string, reason: string): Promise<void> {
  await sql.query(
    'insert into ingest_failures (path, reason) values ($1, $2) on conflict (path, reason) do update set seen_at = now()',
    [path, reason],
  )
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
