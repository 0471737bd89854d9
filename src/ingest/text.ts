// Plain-text articles: leading metadata lines, site chrome, the title.
import { chooseTitle, cleanTitle, hasTemplateMarkup } from './_title.ts'
import { removeChrome } from './boilerplate.ts'
import { parseDateString } from './dates.ts'

/** A header line taken out of the text because its value is not what its key says (`DATE: unknown`). */
export interface DroppedHeader {
  /** The line as written, trimmed. */
  line: string
  key: string
  reason: string
}

export interface TextMetadata {
  url?: string
  date?: string
  title?: string
  /** Header lines whose value was invalid: dropped from the text, and their field left unknown. */
  dropped?: DroppedHeader[]
}

const HEADER = /^(URL|DATE|TITLE|SOURCE|PUBLISHED)\s*:\s*(.*)$/i

type HeaderLine = { field: 'url' | 'date' | 'title'; value: string } | { dropped: string } | 'text'

/**
 * Whether an invalid value still reads as a header's value ("unknown", "32/13/2025", "") rather than as
 * the start of the article ("Date: unknown. Rubio met Lavrov."): no sentence goes on after it, and it
 * has no more words than a written date ("Tuesday, 18 March 2025, 10:00 GMT") or a URL's stand-in
 * ("not available").
 */
function readsAsValue(value: string, maxWords: number): boolean {
  if (value === '') return true
  return !/[.!?]["'”’)]?\s+\S/.test(value) && value.split(/\s+/).length <= maxWords && value.length <= 80
}

/** What one `KEY: value` line at the top holds: a metadata field, an invalid value to drop, or text. */
function readHeaderLine(key: string, value: string): HeaderLine {
  if (key === 'URL' || key === 'SOURCE') {
    if (/^https?:\/\/\S+$/.test(value)) return { field: 'url', value }
    return readsAsValue(value, 4) ? { dropped: value === '' ? 'empty' : 'not a URL' } : 'text'
  }
  if (key === 'DATE' || key === 'PUBLISHED') {
    if (parseDateString(value) !== undefined) return { field: 'date', value }
    return readsAsValue(value, 8) ? { dropped: value === '' ? 'empty' : 'not a date' } : 'text'
  }
  if (value.length > 300) return 'text'
  const title = cleanTitle(value)
  if (title !== undefined) return { field: 'title', value: title }
  return { dropped: value === '' ? 'empty' : 'template markup, not a title' }
}

/**
 * Leading `KEY: value` lines (URL, SOURCE, DATE, PUBLISHED, TITLE) are metadata, not article text: they
 * are taken out of the text so no quote can come from them. A line whose value is invalid is taken out
 * too and listed in `metadata.dropped`, its field left unknown: kept, it would shift every offset.
 */
export function splitHeader(text: string): { metadata: TextMetadata; body: string } {
  const lines = text.split(/\r?\n/)
  const metadata: TextMetadata = {}
  const dropped: DroppedHeader[] = []
  let i = 0
  while (i < lines.length && (lines[i]?.trim() ?? '') === '') i++
  const first = i
  for (; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? ''
    const m = HEADER.exec(line)
    if (m === null) break
    const key = (m[1] ?? '').toUpperCase()
    const read = readHeaderLine(key, (m[2] ?? '').trim())
    if (read === 'text') break
    if ('dropped' in read) dropped.push({ line, key, reason: read.dropped })
    else metadata[read.field] = read.value
  }
  if (i === first) return { metadata: {}, body: text }
  if (dropped.length > 0) metadata.dropped = dropped
  return { metadata, body: lines.slice(i).join('\n') }
}

/**
 * A headline: among the first lines, one of 4–30 words that does not end like a sentence. Template
 * markup in a line is not counted; a line that is all markup is passed over.
 */
export function detectTitle(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, 5)
  for (const raw of lines) {
    const line = hasTemplateMarkup(raw) ? cleanTitle(raw) : raw
    if (line === undefined) continue
    const words = line.split(/\s+/).length
    if (words < 4) continue // section labels such as "Politics" or "INTERNATIONAL"
    if (words > 30 || line.length > 220 || /[.!:;,]$/.test(line)) return undefined
    if (line === line.toLowerCase()) continue
    return line
  }
  return undefined
}

export interface CleanText {
  text: string
  title?: string
  metadata: TextMetadata
  removed: string[]
}

export function cleanPlainText(raw: string): CleanText {
  const { metadata, body } = splitHeader(raw.replace(/^\uFEFF/, ''))
  const { text, removed } = removeChrome(body)
  const title = chooseTitle(metadata.title, detectTitle(text))
  return { text, metadata, removed, ...(title === undefined ? {} : { title }) }
}
