export { MIGRATIONS, migrate } from './migrations.ts'
export { DEFAULT_STORE, isServerUrl, openStore, storeLocation } from './open.ts'
export { openPg, redact } from './pg.ts'
export { openPglite } from './pglite.ts'
export type { Sql } from './sql.ts'
export {
  type AddResult,
  type ClaimFilter,
  type Counts,
  type DocumentLink,
  type DocumentSummary,
  NEAR_DUPLICATE,
  type NewDocument,
  type Store,
  type StoredClaim,
  type StoredDocument,
  type StoredEvent,
  sqlStore,
} from './store.ts'
