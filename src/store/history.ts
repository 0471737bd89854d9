// Stance history from the store: the claims dated in a window, and for each party, issue and act
// they touch, the latest earlier claims, which the moves analysis compares them with.
// claims.published (the article's date, copied at insert) and its index keep this fast at scale.
import { CLAIM_COLUMNS, type ClaimRow, toClaim } from './rows.ts'
import type { Sql } from './sql.ts'
import type { StoredClaim } from './types.ts'

export interface HistoryOptions {
  /** First day, inclusive (YYYY-MM-DD). */
  since: string
  /** Last day, inclusive; default: no end. */
  until?: string | undefined
  /** Earlier claims kept per party, issue and act (default 20). */
  window?: number | undefined
  /** At most this many claims in the window (default 5,000), the earliest first. */
  limit?: number | undefined
}

export interface ClaimHistory {
  /** Claims dated from `since` to `until`, in date order. */
  recent: StoredClaim[]
  /** True when the window held more claims than `limit`. */
  truncated: boolean
  /** For each party, issue and act in `recent`: the latest earlier claims, in date order. */
  earlier: StoredClaim[]
  /** Claims whose article has no date: they cannot be placed before or after `since`. */
  undated: number
}

export async function claimHistory(sql: Sql, o: HistoryOptions): Promise<ClaimHistory> {
  const limit = o.limit ?? 5000
  const rows = await sql.query<ClaimRow>(
    `select ${CLAIM_COLUMNS} from claims c join documents d on d.id = c.document_id
      where c.published >= $1::date and ($2::date is null or c.published <= $2::date)
      order by c.published, c.document_id, c.start_offset, c.id limit $3`,
    [o.since, o.until ?? null, limit + 1],
  )
  const recent = rows.slice(0, limit).map(toClaim)
  const keys = new Map<string, { actor: string; issue: string; act: string }>()
  for (const c of recent) keys.set(`${c.actor}\0${c.issue}\0${c.act}`, c)
  const earlierRows =
    keys.size === 0
      ? []
      : await sql.query<ClaimRow>(
          `select e.* from unnest($1::text[], $2::text[], $3::text[]) as k(actor, issue, act)
             cross join lateral (
               select ${CLAIM_COLUMNS} from claims c join documents d on d.id = c.document_id
                where c.actor = k.actor and c.issue = k.issue and c.act = k.act and c.published < $4::date
                order by c.published desc, c.id desc limit $5
             ) e
            order by e.published, e.id`,
          [
            [...keys.values()].map((k) => k.actor),
            [...keys.values()].map((k) => k.issue),
            [...keys.values()].map((k) => k.act),
            o.since,
            o.window ?? 20,
          ],
        )
  const [undated] = await sql.query<{ n: number }>(
    'select count(*)::integer as n from claims where published is null',
  )
  return {
    recent,
    truncated: rows.length > limit,
    earlier: earlierRows.map(toClaim),
    undated: undated?.n ?? 0,
  }
}
