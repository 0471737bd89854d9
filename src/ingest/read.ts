// From paths (files and directories) to cleaned articles, or to the reason each input was skipped.
// One broken input never stops the rest.
import { createHash } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { z } from 'zod'
import { BoundedReadError, readBounded, readErrorReason } from '../locate/index.ts'
import { chooseTitle } from './_title.ts'
import { type ArticleDate, parseDateString, resolveDate } from './dates.ts'
import { DEFAULT_MAX_BYTES, decodeArticle } from './decode.ts'
import { looksLikeFeed, readFeed } from './feed.ts'
import { readHtml } from './html.ts'
import { cleanPlainText, type DroppedHeader } from './text.ts'

export interface Article {
  /** Where it came from: the file path, or `path#N` for the N-th item of a feed. */
  path: string
  format: 'text' | 'html' | 'feed'
  url?: string
  title?: string
  /** The cleaned text: the article's own words, site chrome removed. Offsets refer to it. */
  text: string
  /** sha256 of the cleaned text with whitespace collapsed: the article's identity in the store. */
  contentHash: string
  date?: ArticleDate
  bytes: number
}

export interface Failure {
  path: string
  reason: string
}

export type ReadResult = { article: Article } | { failure: Failure }

export interface ReadOptions {
  maxBytes?: number
  /** Resolves dates without a year; never defaults to today. */
  reference?: Date
}

/** A corpus manifest: per-file titles and (estimated) dates, as in cases/ukraine-2025/corpus/manifest.json. */
const Manifest = z.object({
  articles: z.array(
    z.object({
      file: z.string(),
      title: z.string().optional(),
      url: z.string().optional(),
      date: z.string().optional(),
      date_estimate: z.string().optional(),
      date_basis: z.string().optional(),
    }),
  ),
})
export type ManifestEntry = z.infer<typeof Manifest>['articles'][number]

/** One input file, read whole: its bytes and, from a directory's manifest, its metadata. */
export interface Input {
  path: string
  bytes: Uint8Array
  entry?: ManifestEntry | undefined
}

export type WalkResult = { input: Input } | { failure: Failure }

export async function* readArticles(
  paths: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  for await (const r of walkInputs(paths, options)) {
    if ('failure' in r) yield r
    else yield* readInput(r.input, options)
  }
}

/** The files `paths` name (directories walked in name order, manifests applied), each read whole. */
export async function* walkInputs(
  paths: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<WalkResult> {
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>
    try {
      info = await stat(path)
    } catch (error) {
      yield { failure: { path, reason: `cannot read: ${(error as Error).message}` } }
      continue
    }
    if (info.isDirectory()) yield* walkDirectory(path, options)
    else yield readWhole(path, options, undefined)
  }
}

async function* walkDirectory(dir: string, options: ReadOptions): AsyncGenerator<WalkResult> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))
  let manifest = new Map<string, ManifestEntry>()
  if (entries.some((e) => e.name === 'manifest.json')) {
    const loaded = await readManifest(join(dir, 'manifest.json'), options)
    if ('failure' in loaded) yield loaded
    else manifest = loaded.entries
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'manifest.json' || /^readme(\.\w+)?$/i.test(entry.name))
      continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walkDirectory(path, options)
    // A FIFO, a socket or a device in the folder is reported as refused (readWhole says which); a
    // symbolic link in a folder is not followed, as before.
    else if (!entry.isSymbolicLink()) yield await readWhole(path, options, manifest.get(entry.name))
  }
}

async function readManifest(
  path: string,
  options: ReadOptions,
): Promise<{ entries: Map<string, ManifestEntry> } | { failure: Failure }> {
  try {
    const bytes = await readBounded(path, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES })
    const parsed = Manifest.safeParse(JSON.parse(bytes.toString('utf8')))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return {
        failure: { path, reason: `not a corpus manifest: ${issue?.path.join('.')}: ${issue?.message}` },
      }
    }
    return { entries: new Map(parsed.data.articles.map((a) => [a.file, a])) }
  } catch (error) {
    return { failure: { path, reason: `not a corpus manifest: ${readErrorReason(error)}` } }
  }
}

/**
 * One input, read only if it is a regular file and never past the limit (--max-mb, 5 MB by default):
 * a device, a FIFO or a socket is refused at once, with its kind as the reason.
 */
async function readWhole(
  path: string,
  options: ReadOptions,
  entry: ManifestEntry | undefined,
): Promise<WalkResult> {
  try {
    const bytes = await readBounded(path, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES })
    return { input: { path, bytes, ...(entry ? { entry } : {}) } }
  } catch (error) {
    if (error instanceof BoundedReadError && error.kind !== 'cannot-read')
      return { failure: { path, reason: error.reason } }
    return { failure: { path, reason: `cannot read: ${(error as Error).message}` } }
  }
}

export function tooLarge(size: number, maxBytes: number): string {
  return `too large: ${(size / 1024 / 1024).toFixed(1)} MB (the limit is ${(maxBytes / 1024 / 1024).toFixed(1)} MB)`
}

/**
 * The articles in one input: one for a page or a text, one per item for a feed, or why not. Never throws:
 * an input that breaks a reader is reported as a failure with the reader's message, and the rest goes on.
 */
export function* readInput(input: Input, options: ReadOptions = {}): Generator<ReadResult> {
  try {
    yield* readOne(input, options)
  } catch (error) {
    yield { failure: { path: input.path, reason: `could not be read: ${(error as Error).message}` } }
  }
}

function* readOne(input: Input, options: ReadOptions): Generator<ReadResult> {
  const { path, bytes, entry } = input
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.length > maxBytes) {
    yield { failure: { path, reason: tooLarge(bytes.length, maxBytes) } }
    return
  }
  const decoded = decodeArticle(bytes, maxBytes)
  if (!decoded.ok) {
    yield { failure: { path, reason: decoded.reason } }
    return
  }
  const ext = extname(path).toLowerCase()
  const head = decoded.text.slice(0, 2048).toLowerCase()
  if (['.xml', '.rss', '.atom'].includes(ext) || looksLikeFeed(decoded.text)) {
    const feed = readFeed(decoded.text)
    if (!feed.ok) {
      yield { failure: { path, reason: feed.reason } }
      return
    }
    if (feed.items.length === 0) yield { failure: { path, reason: 'the feed has no items' } }
    for (const [i, item] of feed.items.entries()) {
      const itemPath = `${path}#${i + 1}`
      if ('skipped' in item) yield { failure: { path: itemPath, reason: item.skipped } }
      else
        yield finish(itemPath, 'feed', item.text, bytes.length, { ...item, metadataDate: item.date }, options)
    }
    return
  }
  if (
    ['.html', '.htm', '.xhtml'].includes(ext) ||
    head.includes('<!doctype html') ||
    head.includes('<html')
  ) {
    const html = readHtml(decoded.text)
    if ('reason' in html) yield { failure: { path, reason: html.reason } }
    else
      yield finish(
        path,
        'html',
        html.text,
        bytes.length,
        {
          title: chooseTitle(html.title, entry?.title),
          url: html.url ?? entry?.url,
          metadataDate: html.date ?? entry?.date,
        },
        options,
      )
    return
  }
  const clean = cleanPlainText(decoded.text)
  const manifestDate = entry?.date ?? entry?.date_estimate
  if (entry !== undefined && manifestDate !== undefined) {
    const date = parseDateString(manifestDate)
    if (date !== undefined) {
      const estimated = entry.date === undefined
      const basis = entry.date_basis ? `manifest: ${entry.date_basis}` : 'manifest'
      yield finish(
        path,
        'text',
        clean.text,
        bytes.length,
        {
          title: chooseTitle(entry.title, clean.title),
          url: entry.url ?? clean.metadata.url,
          fixedDate: { date, source: 'manifest', estimated, basis },
        },
        options,
      )
      return
    }
  }
  yield finish(
    path,
    'text',
    clean.text,
    bytes.length,
    {
      title: chooseTitle(entry?.title, clean.title),
      url: entry?.url ?? clean.metadata.url,
      metadataDate: clean.metadata.date,
      droppedDate: clean.metadata.dropped?.find((d) => d.key === 'DATE' || d.key === 'PUBLISHED'),
    },
    options,
  )
}

function finish(
  path: string,
  format: Article['format'],
  text: string,
  bytes: number,
  meta: {
    title?: string | undefined
    url?: string | undefined
    metadataDate?: string | undefined
    fixedDate?: ArticleDate
    /** A date header line dropped as invalid: named in the basis of the date found instead. */
    droppedDate?: DroppedHeader | undefined
  },
  options: ReadOptions,
): ReadResult {
  const trimmed = text.trim()
  if (trimmed.length < 80)
    return { failure: { path, reason: `too short to be an article (${trimmed.length} characters of text)` } }
  // Prose has spaces: a run this long is data (base64, a minified script), and the sentence and
  // mention matchers slow down with the square of a token's length.
  const run = /\S{1000,}/.exec(trimmed)
  if (run !== null)
    return { failure: { path, reason: `not prose: ${run[0].length} characters without a space` } }
  if (!looksEnglish(trimmed))
    return { failure: { path, reason: 'not English: the extractor reads English text only' } }
  const date =
    meta.fixedDate ??
    withDroppedHeader(
      resolveDate({ metadata: meta.metadataDate, text: trimmed, reference: options.reference }),
      meta.droppedDate,
    )
  return {
    article: {
      path,
      format,
      text: trimmed,
      contentHash: contentHash(trimmed),
      bytes,
      ...(meta.title ? { title: meta.title } : {}),
      ...(meta.url ? { url: meta.url } : {}),
      ...(date ? { date } : {}),
    },
  }
}

/** The date, its basis saying which header line was dropped, so a person sees why it is not the header's. */
function withDroppedHeader(
  date: ArticleDate | undefined,
  dropped: DroppedHeader | undefined,
): ArticleDate | undefined {
  if (date === undefined || dropped === undefined || date.source === 'metadata') return date
  return {
    ...date,
    basis: `${date.basis} (the header line "${dropped.line}" was dropped: ${dropped.reason})`,
  }
}

/** The number of files `paths` hold (directories walked as readArticles walks them). */
export async function countInputs(paths: readonly string[]): Promise<number> {
  let n = 0
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => undefined)
    if (info === undefined || !info.isDirectory()) {
      n++
      return
    }
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (
        entry.name.startsWith('.') ||
        entry.name === 'manifest.json' ||
        /^readme(\.\w+)?$/i.test(entry.name)
      )
        continue
      if (entry.isDirectory()) await walk(join(path, entry.name))
      else if (!entry.isSymbolicLink()) n++
    }
  }
  for (const p of paths) await walk(p)
  return n
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex')
}

const ENGLISH = new Set(
  'the of and to in a is that for on with as was by it has have are be from at an said will not this his its their'.split(
    ' ',
  ),
)

/** English prose has many of these function words; other languages and scripts have almost none. */
export function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
  if (words.length < 20) return true
  let hits = 0
  for (const w of words) if (ENGLISH.has(w)) hits++
  return hits / words.length >= 0.08
}
