// Claims and events: listing them with filters, the dates the store spans, and stance history
// (history.ts) for the moves analysis.
import type { ExtractedEvent } from '../core/index.ts'
import { type ClaimHistory, claimHistory, type HistoryOptions } from './history.ts'
import { CLAIM_COLUMNS, type ClaimRow, type QuoteRow, quoteOf, toClaim } from './rows.ts'
import type { Sql } from './sql.ts'
import type { StoredClaim } from './types.ts'

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

export interface ClaimStore {
  listClaims(filter?: ClaimFilter): Promise<{ total: number; claims: StoredClaim[] }>
  listEvents(filter?: { documentId?: number; type?: string }): Promise<StoredEvent[]>
  /** The first and last article dates, or nulls in an empty or undated store. */
  dateRange(): Promise<{ first: string | null; last: string | null }>
  /** Claims since a date, with the latest earlier claims of the same party, issue and act. */
  claimHistory(options: HistoryOptions): Promise<ClaimHistory>
}

export function claimStore(sql: Sql): ClaimStore {
  return {
    listClaims: (filter = {}) => listClaims(sql, filter),
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
    dateRange: async () => {
      const [row] = await sql.query<{ first: string | null; last: string | null }>(
        'select min(published)::text as first, max(published)::text as last from documents',
      )
      return { first: row?.first ?? null, last: row?.last ?? null }
    },
    claimHistory: (options) => claimHistory(sql, options),
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

interface EventRow extends QuoteRow {
  type: ExtractedEvent['type']
  participants: string[]
  date: string | null
  initiator: string | null
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
    ...quoteOf(r),
    documentDate: r.published,
    dateEstimated: r.date_estimated,
  }
}
