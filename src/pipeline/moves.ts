// What moved since a date, from the store: its claim history read by the moves analysis (src/analysis/moves).
import { type MovesReport, movesSince } from '../analysis/moves/index.ts'
import type { Lexicon } from '../extract/index.ts'
import type { ClaimStore } from '../store/index.ts'

export interface StoredMoves extends MovesReport {
  until: string | null
  /** The window held more claims than were read: the moves stop at the last claim read. */
  truncated: boolean
  /** Claims whose article has no date, which no window can place. */
  undated: number
}

export async function storedMoves(
  store: ClaimStore,
  o: {
    since: string
    until?: string | undefined
    lexicon: Lexicon
    trajectories?: boolean | undefined
    /** At most this many claims of the window are read (default 5,000). */
    limit?: number | undefined
  },
): Promise<StoredMoves> {
  const history = await store.claimHistory({ since: o.since, until: o.until, limit: o.limit })
  return {
    ...movesSince({
      recent: history.recent,
      earlier: history.earlier,
      since: o.since,
      lexicon: o.lexicon,
      trajectories: o.trajectories,
    }),
    until: o.until ?? null,
    truncated: history.truncated,
    undated: history.undated,
  }
}
