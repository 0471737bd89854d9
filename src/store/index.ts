export type { ClaimHistory, HistoryOptions } from './history.ts'
export { MIGRATIONS, migrate } from './migrations.ts'
export { DEFAULT_STORE, isServerUrl, openStore, storeLocation } from './open.ts'
export { isStoreUnavailable, openPg, redact } from './pg.ts'
export { openPglite } from './pglite.ts'
export {
  type ItemOutcome,
  inputHash,
  MAX_ATTEMPTS,
  type QueueCounts,
  type QueueInput,
  type QueueItem,
  type WorkDone,
} from './queue.ts'
export { type DocumentHit, MATCH_END, MATCH_START, type SearchOptions, type SearchResult } from './search.ts'
export type { Sql } from './sql.ts'
export {
  type AddResult,
  type ClaimFilter,
  type Counts,
  type DocumentLink,
  type DocumentSummary,
  NEAR_DUPLICATE,
  type NewDocument,
  type RecentDocument,
  type Store,
  type StoredClaim,
  type StoredDocument,
  type StoredEvent,
  sqlStore,
} from './store.ts'
export type { FeedState, PageToFetch, WatchCounts } from './watch.ts'
