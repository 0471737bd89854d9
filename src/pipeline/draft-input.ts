// The articles a draft or an update reads, with their claims and events: from a store (a PGlite
// directory or a postgres:// URL), or from article files extracted on the fly.
import { existsSync } from 'node:fs'
import { basename, extname, join, relative, resolve } from 'node:path'
import type { DraftArticle } from '../draft/index.ts'
import type { Extractor } from '../extract/index.ts'
import { type Failure, type ReadOptions, readArticles } from '../ingest/index.ts'
import { type ClaimStore, type DocumentStore, isServerUrl, openStore } from '../store/index.ts'

/** Whether `from` names a store rather than article files. */
export function isStoreLocation(from: string): boolean {
  return isServerUrl(from) || existsSync(join(from, 'PG_VERSION'))
}

export interface ArticlesFrom {
  articles: DraftArticle[]
  failures: Failure[]
}

/**
 * Reads the articles at `from` (a store, or files and directories), their `file` fields made relative
 * to `scenarioDir`, where the drafted or updated scenario will be written.
 */
export async function draftArticles(
  from: readonly string[],
  options: {
    extractor: Extractor
    scenarioDir: string
    read?: ReadOptions
    onProgress?: (done: number) => void
    /** Source ids already in use (an updated scenario's): new articles get others. */
    takenIds?: ReadonlySet<string>
  },
): Promise<ArticlesFrom> {
  const raw: Omit<DraftArticle, 'id'>[] = []
  const failures: Failure[] = []
  const fileOf = relativeTo(options.scenarioDir)
  for (const location of from) {
    if (isStoreLocation(location)) {
      const store = await openStore(location)
      try {
        raw.push(...(await storedArticles(store, fileOf, (n) => options.onProgress?.(raw.length + n))))
      } finally {
        await store.close()
      }
      continue
    }
    for await (const r of readArticles([location], options.read ?? {})) {
      if ('failure' in r) {
        failures.push(r.failure)
        continue
      }
      const a = r.article
      const x = await options.extractor.extract({ text: a.text, date: a.date })
      raw.push({
        file: fileOf(a.path),
        title: a.title ?? basename(a.path),
        url: a.url,
        ...(a.date === undefined ? {} : { date: a.date }),
        text: a.text,
        claims: x.claims,
        events: x.events,
        contentHash: a.contentHash,
      })
      options.onProgress?.(raw.length)
    }
  }
  return { articles: withSourceIds(raw, options.takenIds), failures }
}

/** The articles of an open store, with their claims and events; `fileOf` maps a stored path to a source `file`. */
export async function storedArticles(
  store: DocumentStore & ClaimStore,
  fileOf: (path: string) => string,
  onProgress?: (done: number) => void,
): Promise<Omit<DraftArticle, 'id'>[]> {
  const out: Omit<DraftArticle, 'id'>[] = []
  for (const d of await store.listDocuments()) {
    const full = await store.getDocument(d.id)
    const { claims } = await store.listClaims({ documentId: d.id, limit: 1_000_000 })
    const events = await store.listEvents({ documentId: d.id })
    out.push({
      file: fileOf(d.path),
      title: d.title ?? basename(d.path),
      url: d.url ?? undefined,
      ...(d.date === null
        ? {}
        : { date: { date: d.date, estimated: d.dateEstimated, basis: d.dateBasis ?? undefined } }),
      text: full?.text ?? '',
      claims: claims.map(({ id, documentId, path, title, date, dateEstimated, ...c }) => c),
      events: events.map(({ id, documentId, path, title, documentDate, dateEstimated, ...e }) => e),
      contentHash: full?.contentHash,
    })
    onProgress?.(out.length)
  }
  return out
}

/** The content hashes of a scenario's source files, read as ingest reads them: known articles are not new. */
export async function sourceHashes(files: readonly string[]): Promise<Set<string>> {
  const hashes = new Set<string>()
  for await (const r of readArticles(files)) if ('article' in r) hashes.add(r.article.contentHash)
  return hashes
}

/** A stored path as a source `file` relative to the scenario's directory. */
export const relativeTo = (scenarioDir: string) => (path: string) =>
  relative(scenarioDir, resolve(path.replace(/#\d+$/, '')))

/**
 * Source ids from file names: the part before the first "_" ("001_fe0d….txt" → "001") when that is
 * unique, else the whole stem; feed items add their number.
 */
export function withSourceIds(
  articles: readonly Omit<DraftArticle, 'id'>[],
  taken: ReadonlySet<string> = new Set(),
): DraftArticle[] {
  const stem = (file: string) =>
    basename(file, extname(file))
      .replace(/[^A-Za-z0-9_.-]/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '') || 'source'
  const short = articles.map((a) => stem(a.file).split('_')[0] ?? stem(a.file))
  const counts = new Map<string, number>()
  for (const s of short) counts.set(s, (counts.get(s) ?? 0) + 1)
  const used = new Set(taken)
  return articles.map((a, i) => {
    let id = (counts.get(short[i] ?? '') ?? 0) === 1 ? (short[i] as string) : stem(a.file)
    for (let n = 2; used.has(id); n++) id = `${stem(a.file)}-${n}`
    used.add(id)
    return { ...a, id }
  })
}
