import { MATCH_END, MATCH_START, openStore } from '../../store/index.ts'
import { caseOf } from '../_case.ts'
import type { Io } from '../_io.ts'
import { parseCount } from './_options.ts'

export interface SearchCommandOptions {
  case?: string
  db?: string
  limit?: string
  offset?: string
  json?: boolean
}

/** The matched words of a snippet in [brackets], for a terminal. */
export const bracketMatches = (snippet: string) =>
  snippet.replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']').replace(/\s+/g, ' ').trim()

export async function run(query: string, opts: SearchCommandOptions, io: Io): Promise<void> {
  const limit = parseCount('--limit', opts.limit, { min: 1, max: 1000 }) ?? 10
  const offset = parseCount('--offset', opts.offset) ?? 0
  const store = await openStore((await caseOf(opts)).store)
  try {
    const r = await store.search(query, { limit, offset })
    if (opts.json) {
      io.out(JSON.stringify({ ...r, limit, offset }, null, 2))
      return
    }
    io.out(
      `${r.documents.total}${r.documents.capped ? '+' : ''} article${r.documents.total === 1 ? '' : 's'} match “${query}” in ${store.location}`,
    )
    for (const d of r.documents.hits) {
      const date = d.date ? `${d.dateEstimated ? '~' : ''}${d.date}` : 'undated'
      io.out(`  #${d.id} ${date}  ${d.title ?? d.path}\n      ${bracketMatches(d.snippet)}`)
    }
    io.out(`${r.claims.total}${r.claims.capped ? '+' : ''} claim${r.claims.total === 1 ? '' : 's'} match`)
    for (const c of r.claims.hits) {
      const date = c.date ? `${c.dateEstimated ? '~' : ''}${c.date}` : 'undated'
      io.out(
        `  ${date}  ${c.actor} ${c.act} ${c.issue}  “${c.quote}”  (#${c.documentId} ${c.title ?? c.path})`,
      )
    }
  } finally {
    await store.close()
  }
}
