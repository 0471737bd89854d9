export type { ClaimFilter, ClaimStore, StoredEvent } from './claims.ts'
export {
  type DocumentStore,
  type DocumentSummary,
  NEAR_DUPLICATE,
  type RecentDocument,
  type StoredDocument,
} from './documents.ts'
export type { ClaimHistory, HistoryOptions } from './history.ts'
export { MIGRATIONS, migrate } from './migrations.ts'
export { isServerUrl, openStore } from './open.ts'
export { isStoreUnavailable, openPg, redact } from './pg.ts'
export { MIN_FREE_MB, openPglite } from './pglite.ts'
export {
  type ItemOutcome,
  inputHash,
  MAX_ATTEMPTS,
  type QueueCounts,
  type QueueInput,
  type QueueItem,
  type QueueStore,
  type WorkDone,
} from './queue.ts'
export {
  type DocumentHit,
  MATCH_END,
  MATCH_START,
  type SearchOptions,
  type SearchResult,
  type SearchStore,
} from './search.ts'
export type { Sql } from './sql.ts'
export { type AdminStore, type Counts, type Store, sqlStore } from './store.ts'
export type { AddResult, DocumentLink, NewDocument, StoredClaim } from './types.ts'
export type { FeedState, FeedStore, LinkedPage, PageChange, PageToFetch, WatchCounts } from './watch.ts'
