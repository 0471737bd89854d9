// Conflicting statements across sources, each with both quotes:
// - stance: the same party accepts and rejects the same issue;
// - figure: two sources give figures for the same quantity that cannot both be true. The quantity read
//   here is how long the war or conflict has lasted ("nearly three years of full-scale war", "now
//   approaching its fourth year"), the figure news reports most often disagree on. Each figure is read
//   as a range, so that two phrasings of the same length (those two) do not conflict.
// Pure: it reads claims and texts, not files.
import type { Claim } from '../core/index.ts'

export interface Statement {
  document: string
  quote: string
  start: number
  end: number
}

export interface Contradiction {
  kind: 'stance' | 'figure'
  /** What the two statements disagree on, in words. */
  subject: string
  explanation: string
  a: Statement
  b: Statement
}

export interface SourceDocument {
  /** A path or id naming the document. */
  document: string
  text: string
  claims: Claim[]
}

export function findContradictions(documents: readonly SourceDocument[]): Contradiction[] {
  return [...stanceContradictions(documents), ...figureContradictions(documents)]
}

function stanceContradictions(documents: readonly SourceDocument[]): Contradiction[] {
  const out: Contradiction[] = []
  const accepts = documents.flatMap((d) => d.claims.filter((c) => c.act === 'accept').map((c) => ({ d, c })))
  const rejects = documents.flatMap((d) => d.claims.filter((c) => c.act === 'reject').map((c) => ({ d, c })))
  const seen = new Set<string>()
  for (const a of accepts) {
    for (const r of rejects) {
      if (a.c.actor !== r.c.actor || a.c.issue !== r.c.issue) continue
      const key = `${a.c.actor}/${a.c.issue}/${a.d.document}/${r.d.document}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({
        kind: 'stance',
        subject: `${a.c.actor} on ${a.c.issue}`,
        explanation: `${a.c.actor} is reported as accepting ${a.c.issue} in ${a.d.document} and as rejecting it in ${r.d.document}`,
        a: statement(a.d.document, a.c),
        b: statement(r.d.document, r.c),
      })
    }
  }
  return out
}

const CARDINALS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
}
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
}
const DIGITS = '\\d{1,3}(?:,\\d{3})+|\\d+'
const NUMBER = `(${DIGITS}|${Object.keys(CARDINALS).join('|')})`
const ORDINAL = `(${Object.keys(ORDINALS).join('|')}|(?:${DIGITS})(?:st|nd|rd|th))`
const UNIT = '(year|month|day)'
const WAR = '(?:war|conflict|invasion|fighting)'
/** Up to two words between "of the" and the war: "of full-scale war", "of Russia's invasion". */
const WAR_AFTER_OF = `(?:the\\s+)?(?:[\\w'’-]+\\s+){0,2}${WAR}\\b`
const QUALIFIER =
  '(nearly|almost|just\\s+under|more\\s+than|just\\s+over|over|at\\s+least|about|around|some|roughly|approximately)'
const STAGE = '(approaching|nearing|entering|entered|enters|in|into)'

// Durations are ranges. Each phrase reads as the interval of elapsed time it allows, in years, and two
// statements conflict only when their intervals are disjoint. With N the figure and u its unit (a year,
// a month or a day):
// - "in/into its Nth u", "in the Nth u of the war": more than N−1 and at most N units have passed;
// - "approaching/nearing its Nth u": N−1 units have nearly passed, [N−1 − short, N−1];
// - "entering/entered its Nth u": around N−1 units, [N−1 − short, N−1 + short];
// - "nearly/almost/just under N u": [N − short, N);
// - "more than/over/just over N u": (N, N + step); "at least N u": [N, N + step);
// - "about/around/some/roughly N u": [N − about, N + about];
// - plain "N u": [N − about, N + step), since writers both round ("three years" for two years and eight
//   months) and truncate ("two years" for two years and ten months).
// Each tolerance is in units, widened to a fraction of the figure for large round ones ("1,000 days").

/** How far short of N "nearly N" may fall, in units. */
const NEARLY_SHORT = 0.25
/** How far either side of N "about N" and a plain rounded N may lie, in units. */
const ABOUT_WIDTH = 0.5
/** How far past N "more than N" and a plain truncated N may reach, in units. */
const MORE_STEP = 1
/** Large round figures are loose by this fraction of the figure, when that is wider than the tolerance. */
const ROUND_FRACTION = 0.05
/** Bounds this close (in years) are the same bound: months and days convert inexactly. */
const EPSILON = 1e-9

const YEARS_PER: Record<string, number> = { year: 1, month: 1 / 12, day: 1 / 365.25 }

/** An interval of elapsed time, in years; an open end excludes its bound. */
export interface DurationRange {
  lo: number
  hi: number
  loOpen: boolean
  hiOpen: boolean
}

export interface WarLengthMention {
  /** The figure the text states, in years ("its fourth year": 4; "nine months": 0.75). */
  years: number
  /** The elapsed time the phrase allows. */
  range: DurationRange
  start: number
  end: number
  quote: string
}

/** The tolerance t (in units) for the figure n, widened for large figures. */
const slack = (n: number, t: number) => Math.max(t, ROUND_FRACTION * n)

/** The elapsed time, in units, that a cardinal figure with its qualifier allows. */
function cardinalRange(n: number, qualifier: string): DurationRange {
  const q = qualifier.toLowerCase().replace(/\s+/g, ' ')
  const short = slack(n, NEARLY_SHORT)
  const about = slack(n, ABOUT_WIDTH)
  const step = slack(n, MORE_STEP)
  if (q === 'nearly' || q === 'almost' || q === 'just under')
    return { lo: n - short, hi: n, loOpen: false, hiOpen: true }
  if (q === 'more than' || q === 'over' || q === 'just over')
    return { lo: n, hi: n + step, loOpen: true, hiOpen: true }
  if (q === 'at least') return { lo: n, hi: n + step, loOpen: false, hiOpen: true }
  if (q !== '') return { lo: n - about, hi: n + about, loOpen: false, hiOpen: false }
  return { lo: n - about, hi: n + step, loOpen: false, hiOpen: true }
}

/** The elapsed time, in units, that "<stage> its Nth unit" allows. */
function ordinalRange(n: number, stage: string): DurationRange {
  const done = n - 1
  const short = slack(done, NEARLY_SHORT)
  const s = stage.toLowerCase()
  if (s === 'approaching' || s === 'nearing')
    return { lo: done - short, hi: done, loOpen: false, hiOpen: false }
  if (s === 'entering' || s === 'entered' || s === 'enters')
    return { lo: done - short, hi: done + short, loOpen: false, hiOpen: false }
  return { lo: done, hi: n, loOpen: true, hiOpen: false }
}

function parseNumber(word: string, table: Record<string, number>): number {
  const w = word.toLowerCase()
  return table[w] ?? Number.parseInt(w.replace(/,/g, ''), 10)
}

/** Mentions of how long the war has lasted, each with the range of elapsed time it states. */
export function warLengthRanges(text: string): WarLengthMention[] {
  const found: WarLengthMention[] = []
  const add = (m: RegExpMatchArray, n: number, unit: string | undefined, range: DurationRange) => {
    const k = YEARS_PER[unit?.toLowerCase() ?? ''] ?? Number.NaN
    const inYears = { ...range, lo: Math.max(0, range.lo * k), hi: range.hi * k }
    found.push({
      years: n * k,
      range: inYears,
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      quote: m[0],
    })
  }
  const cardinal = new RegExp(
    `\\b(?:${QUALIFIER}\\s+)?${NUMBER}\\s+${UNIT}s?\\s+(?:of|into)\\s+${WAR_AFTER_OF}`,
    'gi',
  )
  for (const m of text.matchAll(cardinal)) {
    const n = parseNumber(m[2] ?? '', CARDINALS)
    add(m, n, m[3], cardinalRange(n, m[1] ?? ''))
  }
  // "the war, now approaching its fourth year" and "in the second year of the war".
  const ordinals = [
    new RegExp(`\\b${WAR}\\b[^.]{0,60}?\\b${STAGE}\\s+its\\s+${ORDINAL}\\s+${UNIT}\\b`, 'gi'),
    new RegExp(`\\b${STAGE}\\s+the\\s+${ORDINAL}\\s+${UNIT}\\s+of\\s+${WAR_AFTER_OF}`, 'gi'),
  ]
  for (const m of ordinals.flatMap((re) => [...text.matchAll(re)])) {
    const n = parseNumber(m[2] ?? '', ORDINALS)
    add(m, n, m[3], ordinalRange(n, m[1] ?? ''))
  }
  // A phrase read by two patterns counts once, in its longest reading.
  const sorted = found
    .filter((f) => Number.isFinite(f.years) && f.years > 0)
    .sort((x, y) => x.start - y.start || y.end - x.end)
  return sorted.filter((f, i) => sorted.slice(0, i).every((g) => g.end <= f.start))
}

/** Mentions of how long the war has lasted, as the number of years the text states. */
export function warLengthMentions(
  text: string,
): { years: number; start: number; end: number; quote: string }[] {
  return warLengthRanges(text).map(({ years, start, end, quote }) => ({ years, start, end, quote }))
}

/** Whether two ranges share no point: one ends before the other starts, or they touch at an open end. */
export function disjoint(a: DurationRange, b: DurationRange): boolean {
  const before = (x: DurationRange, y: DurationRange) =>
    x.hi < y.lo - EPSILON || (Math.abs(x.hi - y.lo) <= EPSILON && (x.hiOpen || y.loOpen))
  return before(a, b) || before(b, a)
}

function describeRange(r: DurationRange): string {
  const f = (x: number) => String(Number(x.toFixed(2)))
  return `${r.loOpen ? 'over ' : ''}${f(r.lo)} to ${r.hiOpen ? 'under ' : ''}${f(r.hi)} years`
}

function figureContradictions(documents: readonly SourceDocument[]): Contradiction[] {
  const mentions = documents.flatMap((d) => warLengthRanges(d.text).map((m) => ({ d, m })))
  const out: Contradiction[] = []
  for (let i = 0; i < mentions.length; i++) {
    for (let j = i + 1; j < mentions.length; j++) {
      const x = mentions[i]
      const y = mentions[j]
      if (x === undefined || y === undefined || x.d.document === y.d.document) continue
      if (!disjoint(x.m.range, y.m.range)) continue
      out.push({
        kind: 'figure',
        subject: 'length of the war',
        explanation: `the length of the war is given as "${x.m.quote}" in ${x.d.document} (${describeRange(x.m.range)}) and as "${y.m.quote}" in ${y.d.document} (${describeRange(y.m.range)}); the two ranges do not overlap`,
        a: { document: x.d.document, quote: x.m.quote, start: x.m.start, end: x.m.end },
        b: { document: y.d.document, quote: y.m.quote, start: y.m.start, end: y.m.end },
      })
    }
  }
  return out
}

function statement(document: string, c: Claim): Statement {
  return { document, quote: c.quote, start: c.start, end: c.end }
}
