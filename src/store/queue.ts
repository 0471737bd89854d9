// The ingest queue: inputs are enqueued whole (bytes and metadata), and workers, in one process or
// many, on one machine or several, take them with SELECT … FOR UPDATE SKIP LOCKED. An input's
// documents and its "done" mark are written in the transaction that holds its row lock, so a worker
// that dies releases its inputs untouched and no input is ingested twice.
import { createHash } from 'node:crypto'
import { addDocument, recordFailure } from './documents.ts'
import type { Sql } from './sql.ts'
import type { AddResult, NewDocument } from './types.ts'

export interface QueueInput {
  /** A path or URL, as reports name it. */
  source: string
  payload: Uint8Array
  /** Metadata known before reading: a manifest entry, or a feed item's title, link and date. */
  meta?: Record<string, unknown> | undefined
}

export interface QueueItem extends Required<Omit<QueueInput, 'meta'>> {
  id: number
  meta: Record<string, unknown> | null
  attempts: number
}

/** What a worker made of one input: documents to store, and the reasons parts of it were skipped. */
export interface ItemOutcome {
  documents: NewDocument[]
  failures: { path: string; reason: string }[]
  /** Articles already stored (same content hash), not extracted again. */
  unchanged: number
}

export interface WorkDone {
  item: QueueItem
  outcome: ItemOutcome
  added: AddResult[]
}

export interface QueueCounts {
  pending: number
  done: number
  failed: number
}

export interface QueueStore {
  /** Queues inputs for the workers; returns how many were new to the queue. */
  enqueue(inputs: readonly QueueInput[]): Promise<number>
  /** Takes up to `limit` queued inputs no other worker holds, and stores what `handle` makes of them. */
  work(
    worker: string,
    limit: number,
    handle: (item: QueueItem, known: (contentHash: string) => Promise<boolean>) => Promise<ItemOutcome>,
  ): Promise<WorkDone[]>
  queueCounts(): Promise<QueueCounts>
}

export function queueStore(sql: Sql): QueueStore {
  return {
    enqueue: (inputs) => enqueue(sql, inputs),
    work: (worker, limit, handle) => work(sql, worker, limit, handle),
    queueCounts: () => queueCounts(sql),
  }
}

/** An input whose handling threw this many times is marked failed rather than retried again. */
export const MAX_ATTEMPTS = 3

export function inputHash(source: string, payload: Uint8Array): string {
  return createHash('sha256').update(source).update('\0').update(payload).digest('hex')
}

/**
 * Adds inputs to the queue. The same source with the same bytes is queued once; one that failed
 * before is queued again. Returns how many were new to the queue.
 */
export async function enqueue(sql: Sql, inputs: readonly QueueInput[]): Promise<number> {
  if (inputs.length === 0) return 0
  const rows = await sql.query<{ id: number }>(
    `insert into ingest_queue (source, payload, meta, input_hash)
     select q.source, decode(q.payload, 'hex'), q.meta::jsonb, q.hash
       from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as q(source, payload, meta, hash)
     on conflict (input_hash) do update set status = 'pending', attempts = 0, result = null
       where ingest_queue.status = 'failed'
     returning id`,
    [
      inputs.map((i) => i.source),
      inputs.map((i) =>
        Buffer.from(i.payload.buffer, i.payload.byteOffset, i.payload.byteLength).toString('hex'),
      ),
      inputs.map((i) => (i.meta === undefined ? null : JSON.stringify(i.meta))),
      inputs.map((i) => inputHash(i.source, i.payload)),
    ],
  )
  return rows.length
}

/**
 * Takes up to `limit` pending inputs nobody else holds, hands each to `handle`, and stores what it
 * made, all in one transaction. Returns nothing when the queue has no free input. When `handle` or
 * a write throws, the whole batch is rolled back and its inputs count one more attempt.
 */
export async function work(
  sql: Sql,
  worker: string,
  limit: number,
  handle: (item: QueueItem, known: (contentHash: string) => Promise<boolean>) => Promise<ItemOutcome>,
): Promise<WorkDone[]> {
  let taken: number[] = []
  try {
    return await sql.transaction(async (tx) => {
      // Fresh inputs in batches; an input that was in a batch that failed is retried alone, so one
      // poisonous input cannot use up the attempts of the others.
      // The ids are locked and ordered alone, so no plan ever sorts the payloads of the whole queue.
      const take = (where: string, n: number) =>
        tx.query<QueueRow>(
          `with picked as (
             select id from ingest_queue where status = 'pending' and ${where}
              order by id limit $1 for update skip locked
           )
           select q.id, q.source, q.payload, q.meta, q.attempts from ingest_queue q join picked using (id) order by q.id`,
          [n],
        )
      let rows = await take('attempts = 0', limit)
      if (rows.length === 0) rows = await take('attempts > 0', 1)
      const items = rows.map((r) => ({ ...r, id: Number(r.id), payload: new Uint8Array(r.payload) }))
      taken = items.map((i) => i.id)
      const known = async (hash: string) =>
        (await tx.query('select 1 from documents where content_hash = $1', [hash])).length > 0
      const done: WorkDone[] = []
      for (const item of items) {
        const outcome = await handle(item, known)
        const added: AddResult[] = []
        for (const doc of outcome.documents) added.push(await addDocument(tx, doc))
        for (const f of outcome.failures) await recordFailure(tx, f.path, f.reason)
        const failed =
          outcome.documents.length === 0 && outcome.unchanged === 0 && outcome.failures.length > 0
        await tx.query(
          `update ingest_queue set status = $2, worker = $3, result = $4, finished_at = now(),
                  payload = case when $2 = 'done' then null else payload end
            where id = $1`,
          [
            item.id,
            failed ? 'failed' : 'done',
            worker,
            failed
              ? outcome.failures.map((f) => f.reason).join('; ')
              : `${added.filter((a) => a.added).length} added, ${outcome.failures.length} skipped`,
          ],
        )
        done.push({ item, outcome, added })
      }
      return done
    })
  } catch (error) {
    if (taken.length > 0)
      await sql
        .query(
          `update ingest_queue set attempts = attempts + 1, result = $2,
                status = case when attempts + 1 >= $3 then 'failed' else status end
          where id = any($1::bigint[]) and status = 'pending'`,
          [taken, `failed while ingesting: ${(error as Error).message}`, MAX_ATTEMPTS],
        )
        .catch(() => {}) // the server is gone: the inputs stay pending as they were
    throw error
  }
}

interface QueueRow {
  id: number
  source: string
  payload: Uint8Array
  meta: Record<string, unknown> | null
  attempts: number
}

export async function queueCounts(sql: Sql): Promise<QueueCounts> {
  const rows = await sql.query<{ status: keyof QueueCounts; n: number }>(
    'select status, count(*)::integer as n from ingest_queue group by status',
  )
  const counts: QueueCounts = { pending: 0, done: 0, failed: 0 }
  for (const r of rows) counts[r.status] = r.n
  return counts
}

/**
 * Keeps the planner's statistics current and the queue free of dead rows. PGlite runs no autovacuum,
 * and a server's may lag a bulk load: without statistics, taking work scans the whole queue.
 * `full` also vacuums the stored tables, which marks their pages all-visible so that counts read an
 * index. It is done once a worker finds the queue empty, not during a bulk load: vacuuming every 2,000
 * inputs made a 100,000-article ingest about 30% slower (10,000 inputs took 3.4–3.8 min instead of 2.8
 * between 10,000 and 40,000 articles), likely because a vacuum reads each GIN index in full.
 */
export async function maintain(sql: Sql, full = false): Promise<void> {
  await sql.query('vacuum (analyze) ingest_queue')
  await sql.query(
    `${full ? 'vacuum (analyze)' : 'analyze'} documents, claims, events, document_bands, document_links`,
  )
}
