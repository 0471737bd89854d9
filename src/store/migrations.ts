// The schema, as numbered migrations applied in order; the same SQL on PGlite and on a server.
import type { Sql } from './sql.ts'

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'documents, claims, events, near-duplicate index',
    sql: `
      create table documents (
        id integer generated always as identity primary key,
        content_hash text not null unique,
        path text not null,
        url text,
        title text,
        format text not null,
        published date,
        date_source text,
        date_estimated boolean not null default false,
        date_basis text,
        text text not null,
        bytes integer not null,
        signature bytea not null,
        extractor text not null,
        ingested_at timestamptz not null default now()
      );
      create table claims (
        id integer generated always as identity primary key,
        document_id integer not null references documents(id) on delete cascade,
        actor text not null,
        act text not null,
        issue text not null,
        condition_issue text,
        min_days integer,
        hedge text,
        quote text not null,
        start_offset integer not null,
        end_offset integer not null
      );
      create index claims_actor_issue on claims (actor, issue);
      create index claims_document on claims (document_id);
      create table events (
        id integer generated always as identity primary key,
        document_id integer not null references documents(id) on delete cascade,
        type text not null,
        participants text[] not null,
        date date,
        initiator text,
        hedge text,
        quote text not null,
        start_offset integer not null,
        end_offset integer not null
      );
      create index events_document on events (document_id);
      create table document_bands (
        band smallint not null,
        hash integer not null,
        document_id integer not null references documents(id) on delete cascade
      );
      create index document_bands_key on document_bands (band, hash);
      create table document_links (
        a integer not null references documents(id) on delete cascade,
        b integer not null references documents(id) on delete cascade,
        kind text not null,
        similarity real not null,
        primary key (a, b, kind)
      );
      create table ingest_failures (
        path text not null,
        reason text not null,
        seen_at timestamptz not null default now(),
        primary key (path, reason)
      );
    `,
  },
  {
    version: 2,
    name: 'ingest queue for concurrent workers, full-text search, watched feeds',
    sql: `
      create table ingest_queue (
        id bigint generated always as identity primary key,
        source text not null,
        payload bytea,
        meta jsonb,
        input_hash text not null unique,
        status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
        attempts integer not null default 0,
        worker text,
        result text,
        enqueued_at timestamptz not null default now(),
        finished_at timestamptz
      );
      create index ingest_queue_pending on ingest_queue (id) where status = 'pending';
      alter table documents add column search tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
      ) stored;
      create index documents_search on documents using gin (search);
      alter table claims add column search tsvector generated always as (to_tsvector('english', quote)) stored;
      create index claims_search on claims using gin (search);
      create index documents_published on documents (published);
      alter table claims add column published date;
      update claims c set published = d.published from documents d where d.id = c.document_id;
      create index claims_history on claims (actor, issue, act, published);
      create table watched_feeds (
        url text primary key,
        etag text,
        last_modified text,
        polled_at timestamptz,
        status text,
        failures integer not null default 0,
        next_poll_at timestamptz
      );
      create table watched_pages (
        url text primary key,
        feed_url text not null,
        status text not null default 'pending' check (status in ('pending', 'fetched', 'failed')),
        attempts integer not null default 0,
        next_try_at timestamptz not null default now(),
        last_error text,
        title text,
        published text,
        seen_at timestamptz not null default now()
      );
      create index watched_pages_due on watched_pages (next_try_at) where status = 'pending'
    `,
  },
  {
    version: 3,
    name: 'indexes for the claims list, claims by date and the newest documents',
    sql: `
      create index claims_by_date on claims (published, document_id, start_offset, id);
      create index claims_condition_issue on claims (condition_issue) where condition_issue is not null;
      create index documents_newest on documents (published desc nulls last, id desc)
    `,
  },
  {
    version: 4,
    name: 'the newest claims first, for search',
    sql: 'create index claims_newest on claims (published desc nulls last, id desc)',
  },
]

/** Applies the migrations not applied yet, each in its own transaction; safe when several processes start together. */
export async function migrate(sql: Sql): Promise<number> {
  await sql.query(
    'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
  )
  let applied = 0
  for (const m of MIGRATIONS) {
    const done = await sql.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(7411)')
      const existing = await tx.query('select 1 from schema_migrations where version = $1', [m.version])
      if (existing.length > 0) return false
      for (const statement of m.sql
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== ''))
        await tx.query(statement)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name])
      return true
    })
    if (done) applied++
  }
  return applied
}
