// Claim rows as the SQL returns them, and the mapping to StoredClaim: listing, recent documents,
// search and claim history all select the same columns and read them the same way.
import type { Claim } from '../core/index.ts'
import type { StoredClaim } from './types.ts'

/** The columns toClaim reads, from `claims c join documents d`. */
export const CLAIM_COLUMNS = `c.id, c.document_id, c.actor, c.act, c.issue, c.condition_issue, c.min_days, c.hedge, c.quote,
       c.start_offset, c.end_offset, d.path, d.title, d.published::text as published, d.date_estimated`

/** The columns that claim and event rows share: their ids, hedge, quote and article. */
export interface QuoteRow {
  id: number
  document_id: number
  hedge: string | null
  quote: string
  start_offset: number
  end_offset: number
  path: string
  title: string | null
  published: string | null
  date_estimated: boolean
}

export interface ClaimRow extends QuoteRow {
  actor: string
  act: Claim['act']
  issue: string
  condition_issue: string | null
  min_days: number | null
}

/** A claim's or an event's quote, where it sits in its article, and the article. */
export function quoteOf(r: QuoteRow): {
  quote: string
  start: number
  end: number
  path: string
  title: string | null
} {
  return { quote: r.quote, start: r.start_offset, end: r.end_offset, path: r.path, title: r.title }
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
    ...quoteOf(r),
    date: r.published,
    dateEstimated: r.date_estimated,
  }
}
