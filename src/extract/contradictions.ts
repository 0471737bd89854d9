// Conflicting statements across sources, each with both quotes:
// - stance: the same party accepts and rejects the same issue;
// - figure: two sources give different figures for the same quantity. The quantity read here is
//   how long the war or conflict has lasted ("nearly three years of full-scale war", "now approaching
//   its fourth year"), the figure news reports most often disagree on.
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
}
const NUMBER = `(\\d+|${Object.keys(CARDINALS).join('|')})`
const ORDINAL = `(${Object.keys(ORDINALS).join('|')}|\\d+(?:st|nd|rd|th))`
const WAR = '(?:war|conflict|invasion|fighting)'

/** Mentions of how long the war has lasted, as the number of years the text states. */
export function warLengthMentions(
  text: string,
): { years: number; start: number; end: number; quote: string }[] {
  const found: { years: number; start: number; end: number; quote: string }[] = []
  const cardinal = new RegExp(
    `\\b(?:nearly|almost|more than|over|about|some|roughly)?\\s*${NUMBER}\\s+years?\\s+(?:of|into)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}${WAR}\\b`,
    'gi',
  )
  const ordinal = new RegExp(
    `\\b${WAR}[^.]{0,60}?\\b(?:approaching|entering|entered|in|into|now in)\\s+its\\s+${ORDINAL}\\s+year\\b`,
    'gi',
  )
  for (const m of text.matchAll(cardinal)) {
    const n = m[1]?.toLowerCase() ?? ''
    found.push({
      years: /^\d+$/.test(n) ? Number(n) : (CARDINALS[n] ?? Number.NaN),
      start: m.index,
      end: m.index + m[0].length,
      quote: m[0].trim(),
    })
  }
  for (const m of text.matchAll(ordinal)) {
    const n = m[1]?.toLowerCase() ?? ''
    found.push({
      years: ORDINALS[n] ?? Number.parseInt(n, 10),
      start: m.index,
      end: m.index + m[0].length,
      quote: m[0],
    })
  }
  return found.filter((f) => Number.isFinite(f.years))
}

function figureContradictions(documents: readonly SourceDocument[]): Contradiction[] {
  const mentions = documents.flatMap((d) => warLengthMentions(d.text).map((m) => ({ d, m })))
  const out: Contradiction[] = []
  for (let i = 0; i < mentions.length; i++) {
    for (let j = i + 1; j < mentions.length; j++) {
      const x = mentions[i]
      const y = mentions[j]
      if (x === undefined || y === undefined || x.d.document === y.d.document || x.m.years === y.m.years)
        continue
      out.push({
        kind: 'figure',
        subject: 'length of the war',
        explanation: `the length of the war is given as "${x.m.quote}" in ${x.d.document} and as "${y.m.quote}" in ${y.d.document}; the stated figures (${x.m.years} and ${y.m.years} years) differ`,
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
