// An article's date, best source first: its metadata, a dateline at the top, then the latest full
// date the text mentions (an estimate: the article appeared on or after it). With no source it has
// no date; the clock is never read.
import * as chrono from 'chrono-node'

export type DateSource = 'metadata' | 'manifest' | 'dateline' | 'text'

export interface ArticleDate {
  date: string
  source: DateSource
  estimated: boolean
  basis: string
}

export interface DateInputs {
  /** A date from the page, feed or header metadata, as written there. */
  metadata?: string | undefined
  text: string
  /** Resolves dates without a year ("March 18") and bounds the text estimate; never defaults to today. */
  reference?: Date | undefined
}

export function resolveDate({ metadata, text, reference }: DateInputs): ArticleDate | undefined {
  if (metadata !== undefined) {
    const date = parseDateString(metadata)
    if (date !== undefined)
      return { date, source: 'metadata', estimated: false, basis: `metadata: ${metadata}` }
  }
  const dateline = datelineDate(text)
  if (dateline !== undefined) return dateline
  return latestMentionedDate(text, reference)
}

/** A date written in metadata: ISO 8601, RFC 822 (feeds), or plain English. Undefined when unreadable. */
export function parseDateString(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim())
  if (iso) return isDay(iso[0]) ? iso[0] : undefined
  const parsed = Date.parse(value)
  if (!Number.isNaN(parsed) && /\d{4}/.test(value)) return new Date(parsed).toISOString().slice(0, 10)
  const result = chrono.strict.parse(value, new Date(Date.UTC(2000, 0, 1)))[0]
  if (result?.start.isCertain('year') && result.start.isCertain('day')) return dayOf(result.start)
  return undefined
}

/** A full date in the first two lines, as news sites print it ("WASHINGTON, March 18, 2025 —"). */
function datelineDate(text: string): ArticleDate | undefined {
  const top = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 2)
  for (const line of top) {
    const head = line.slice(0, 160)
    const result = chrono.strict.parse(head, new Date(Date.UTC(2000, 0, 1)))[0]
    // Only a date that opens the line, after at most a place ("KYIV, Ukraine,") or "Published on".
    const lead = result ? head.slice(0, result.index) : ''
    const opensLine =
      /^(?:(?:published|updated|posted)(?: on)?:?\s*|\p{Lu}[\p{L} .'’-]{1,40},\s*(?:\p{Lu}[\p{L} .]{1,30},\s*)?)?$/iu.test(
        lead,
      )
    if (result && opensLine && namesDay(result.text) && hasYear(result.text)) {
      return {
        date: dayOf(result.start),
        source: 'dateline',
        estimated: false,
        basis: `dateline: "${result.text}"`,
      }
    }
  }
  return undefined
}

function latestMentionedDate(text: string, reference: Date | undefined): ArticleDate | undefined {
  const results = chrono.strict.parse(text, reference ?? new Date(Date.UTC(2000, 0, 1)))
  let best: { date: string; text: string } | undefined
  for (const r of results) {
    if (!namesDay(r.text)) continue
    if (!hasYear(r.text) && reference === undefined) continue
    const date = dayOf(r.start)
    if (reference !== undefined && date > reference.toISOString().slice(0, 10)) continue
    if (best === undefined || date > best.date) best = { date, text: r.text }
  }
  if (best === undefined) return undefined
  return {
    date: best.date,
    source: 'text',
    estimated: true,
    basis: `the latest full date the text mentions ("${best.text}"); the article appeared on or after it`,
  }
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?'
/**
 * Whether chrono's match names a day as written ("March 18, 2025", "18 March", "2025-03-18"), not a
 * computed one: chrono calls "in a few weeks" certain because it resolves it against its reference.
 */
export function namesDay(text: string, { weekday = false } = {}): boolean {
  const written = new RegExp(
    `\\d{4}-\\d{2}-\\d{2}|\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}`,
    'i',
  )
  const relative = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b/i
  return written.test(text) || (weekday && relative.test(text))
}

const hasYear = (text: string) => /\b(?:19|20)\d{2}\b/.test(text)

function dayOf(component: chrono.ParsedComponents): string {
  const y = component.get('year') ?? 0
  const m = component.get('month') ?? 1
  const d = component.get('day') ?? 1
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function isDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s
}
