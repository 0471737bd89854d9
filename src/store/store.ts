// The store: documents, their claims and events, and links between near-duplicates. One SQL
// implementation over two engines (PGlite embedded, PostgreSQL through pg), in parts: each concern's
// narrow interface and its implementation live in its file (documents, claims, queue, search, watch),
// and sqlStore composes them into the one Store.
import { type ClaimStore, claimStore } from './claims.ts'
import { type DocumentStore, documentStore } from './documents.ts'
import { migrate } from './migrations.ts'
import { maintain, type QueueStore, queueStore } from './queue.ts'
import { type SearchStore, searchStore } from './search.ts'
import type { Sql } from './sql.ts'
import { type FeedStore, feedStore } from './watch.ts'

export interface Counts {
  documents: number
  claims: number
  events: number
  links: number
  failures: number
}

/** What is left of the store once its concerns are taken out: where it is, its size, its upkeep. */
export interface AdminStore {
  /** Where the store lives: a directory, or a postgres:// URL without its password. */
  readonly location: string
  /**
   * Vacuums the queue and refreshes the planner's statistics; workers call it now and then. `full` also
   * vacuums the stored tables (a worker does that once it finds the queue empty).
   */
  maintain(full?: boolean): Promise<void>
  /**
   * Throws an InputError before a write when the disk is nearly full (embedded store). PGlite does not fail on
   * a full disk: it spins. So Parley stops while there is room, and what was stored stays readable.
   */
  checkSpace(): void
  counts(): Promise<Counts>
  close(): Promise<void>
}

export type Store = DocumentStore & ClaimStore & QueueStore & SearchStore & FeedStore & AdminStore

export async function sqlStore(sql: Sql, location: string): Promise<Store> {
  await migrate(sql)
  return {
    ...documentStore(sql),
    ...claimStore(sql),
    ...queueStore(sql),
    ...searchStore(sql),
    ...feedStore(sql),
    ...adminStore(sql, location),
  }
}

function adminStore(sql: Sql, location: string): AdminStore {
  return {
    location,
    maintain: (full) => maintain(sql, full),
    checkSpace: () => sql.checkSpace?.(),
    counts: async () => {
      const [row] = await sql.query<Record<keyof Counts, number>>(
        `select (select count(*) from documents)::integer as documents, (select count(*) from claims)::integer as claims,
                (select count(*) from events)::integer as events, (select count(*) from document_links)::integer as links,
                (select count(*) from ingest_failures)::integer as failures`,
      )
      return row as Counts
    },
    close: () => sql.close(),
  }
}
