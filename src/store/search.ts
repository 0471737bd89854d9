// Full-text search with PostgreSQL's own text search: a stored tsvector per article (title weighted
// above text) and per claim quote, each with a GIN index, queried in web-search syntax ("…" for a
// phrase, - to exclude, or). The same SQL on PGlite and on a server.
import { CLAIM_COLUMNS, type ClaimRow, toClaim } from './rows.ts'
import type { Sql } from './sql.ts'
import type { StoredClaim } from './types.ts'

export interface SearchOptions {
  /** At most this many articles and this many claims (default 20). */
  limit?: number | undefined
  offset?: number | undefined
}

import { MATCH_END, MATCH_START } from '../core/index.ts'

export { MATCH_END, MATCH_START }

export interface DocumentHit {
  id: number
  path: string
  title: string | null
  date: string | null
  dateEstimated: boolean
  rank: number
  /** A passage with the matched words between MATCH_START and MATCH_END. */
  snippet: string
}

export interface SearchResult {
  query: string
  /** `total` counts matches up to COUNT_CAP; `capped` says there are more. */
  documents: { total: number; capped: boolean; hits: DocumentHit[] }
  claims: { total: number; capped: boolean; hits: StoredClaim[] }
}

export interface SearchStore {
  /** Full-text search (PostgreSQL's english configuration) over article titles and texts, and claim quotes. */
  search(query: string, options?: SearchOptions): Promise<SearchResult>
}

export function searchStore(sql: Sql): SearchStore {
  return { search: (query, options) => search(sql, query, options) }
}

// Ranks are computed for at most this many matches, newest first, so a word in every article stays
// fast; and matches are counted up to COUNT_CAP, past which the total is a lower bound.
const RANK_WINDOW = 200
export const COUNT_CAP = 1000

export async function search(sql: Sql, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const limit = options.limit ?? 20
  const offset = options.offset ?? 0
  const q = "websearch_to_tsquery('english', $1)"
  const count = async (table: 'documents' | 'claims') =>
    (
      await sql.query<{ n: number }>(
        `select count(*)::integer as n from (select 1 from ${table} where search @@ ${q} limit ${COUNT_CAP + 1}) m`,
        [query],
      )
    )[0]?.n ?? 0
  const docCount = await count('documents')
  const docs = await sql.query<{
    id: number
    path: string
    title: string | null
    published: string | null
    date_estimated: boolean
    rank: number
    snippet: string
  }>(
    `with recent as (
       select id, published, search from documents
        where search @@ ${q} order by published desc nulls last, id desc limit ${RANK_WINDOW}
     ), ranked as (
       select id, ts_rank_cd(search, ${q}) as rank from recent
        order by rank desc, published desc nulls last, id desc limit $2 offset $3
     )
     select d.id, d.path, d.title, d.published::text as published, d.date_estimated, r.rank,
            ts_headline('english', d.text, ${q},
              'StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
       from ranked r join documents d on d.id = r.id
      order by r.rank desc, d.published desc nulls last, d.id desc`,
    [query, limit, offset],
  )
  const claimCount = await count('claims')
  const claims = await sql.query<ClaimRow>(
    `with recent as (
       select id, search from claims where search @@ ${q} order by published desc nulls last, id desc limit ${RANK_WINDOW}
     ), ranked as (
       select id, ts_rank_cd(search, ${q}) as rank from recent order by rank desc, id desc limit $2 offset $3
     )
     select ${CLAIM_COLUMNS}
       from ranked r join claims c on c.id = r.id join documents d on d.id = c.document_id
      order by r.rank desc, c.id desc`,
    [query, limit, offset],
  )
  return {
    query,
    documents: {
      total: Math.min(docCount, COUNT_CAP),
      capped: docCount > COUNT_CAP,
      hits: docs.map((d) => ({
        id: d.id,
        path: d.path,
        title: d.title,
        date: d.published,
        dateEstimated: d.date_estimated,
        rank: Number(d.rank),
        snippet: d.snippet,
      })),
    },
    claims: {
      total: Math.min(claimCount, COUNT_CAP),
      capped: claimCount > COUNT_CAP,
      hits: claims.map(toClaim),
    },
  }
}
