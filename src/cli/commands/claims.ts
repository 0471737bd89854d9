import { openStore } from '../../store/index.ts'
import { caseOf } from '../_case.ts'
import type { Io } from '../_io.ts'
import { parseCount } from './_options.ts'

export interface ClaimsCommandOptions {
  case?: string
  db?: string
  party?: string
  issue?: string
  act?: string
  limit?: string
  offset?: string
  json?: boolean
}

export async function run(opts: ClaimsCommandOptions, io: Io): Promise<void> {
  const limit = parseCount('--limit', opts.limit, { min: 1, max: 100_000 }) ?? 100
  const offset = parseCount('--offset', opts.offset) ?? 0
  const store = await openStore((await caseOf(opts)).store)
  try {
    const page = await store.listClaims({
      party: opts.party,
      issue: opts.issue,
      act: opts.act,
      limit,
      offset,
    })
    if (opts.json) {
      io.out(JSON.stringify({ total: page.total, limit, offset, claims: page.claims }, null, 2))
      return
    }
    io.out(
      `${page.total} claims${page.total > page.claims.length ? ` (showing ${offset + 1}–${offset + page.claims.length})` : ''} in ${store.location}`,
    )
    for (const c of page.claims) {
      const date = c.date ? `${c.dateEstimated ? '~' : ''}${c.date}` : 'undated'
      const cond = c.condition_issue
        ? ` after ${c.condition_issue}${c.min_days ? ` (≥ ${c.min_days} days)` : ''}`
        : ''
      io.out(`${date}  ${c.actor} ${c.act} ${c.issue}${cond}  “${c.quote}”  (${c.title ?? c.path})`)
    }
  } finally {
    await store.close()
  }
}
