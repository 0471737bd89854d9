// Plain-text articles: leading metadata lines, site chrome, the title.
import { removeChrome } from './boilerplate.ts'
import { parseDateString } from './dates.ts'

export interface TextMetadata {
  url?: string
  date?: string
  title?: string
}

const HEADER = /^(URL|DATE|TITLE|SOURCE|PUBLISHED)\s*:\s*(.*)$/i

/**
 * Leading `KEY: value` lines (URL, DATE, TITLE, PUBLISHED) are metadata, not article text: they are
 * taken out of the text so no quote can come from them.
 */
export function splitHeader(text: string): { metadata: TextMetadata; body: string } {
  const lines = text.split(/\r?\n/)
  const metadata: TextMetadata = {}
  let i = 0
  while (i < lines.length && (lines[i]?.trim() ?? '') === '') i++
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]?.trim() ?? '')
    if (m === null) break
    const key = (m[1] ?? '').toUpperCase()
    const value = (m[2] ?? '').trim()
    // A header line must hold what its key says; "Date: unknown. Rubio met …" is article text.
    if ((key === 'URL' || key === 'SOURCE') && !/^https?:\/\/\S+$/.test(value)) break
    if ((key === 'DATE' || key === 'PUBLISHED') && parseDateString(value) === undefined) break
    if (key === 'TITLE' && (value === '' || value.length > 300)) break
    if (key === 'URL' || key === 'SOURCE') metadata.url = value
    else if (key === 'DATE' || key === 'PUBLISHED') metadata.date = value
    else if (key === 'TITLE') metadata.title = value
  }
  if (i === 0 || Object.keys(metadata).length === 0) return { metadata: {}, body: text }
  return { metadata, body: lines.slice(i).join('\n') }
}

/** A headline: among the first lines, one of 4–30 words that does not end like a sentence. */
export function detectTitle(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, 5)
  for (const line of lines) {
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
  const title = metadata.title ?? detectTitle(text)
  return { text, metadata, removed, ...(title === undefined ? {} : { title }) }
}
