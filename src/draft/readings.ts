// Readings: which option of an issue a claim names. A claim's quote is its sentence; the issue's
// option cues (the lexicon's `options`) are looked for in it, and when several options are named the
// one nearest its actor wins ("While the United States has proposed a time-limited framework,
// Zelenskyy has pushed for guarantees lasting decades": Ukraine's is "lasting decades").

import type { Claim, ExtractedEvent } from '../core/index.ts'
import type { LexiconIssue, LexiconOption } from '../extract/index.ts'
import {
  actorMentions,
  type CompiledLexicon,
  negatedInClause,
  phrasePattern,
  wordPattern,
} from '../extract/index.ts'

/** An article as the draft reads it: its claims and events, and how the scenario will cite it. */
export interface DraftArticle {
  /** The source id it gets in a scenario. */
  id: string
  /** The source's `file` field: its path relative to the scenario file. */
  file: string
  title: string
  url?: string | undefined
  date?: { date: string; estimated: boolean; basis?: string | undefined } | undefined
  text: string
  claims: readonly Claim[]
  events: readonly ExtractedEvent[]
  /** Identity of the article's content, to tell new articles from known ones (the store's content hash). */
  contentHash?: string | undefined
}

export interface Reading {
  claim: Claim
  article: DraftArticle
  issue: string
  /** Indexes of the options the claim is read as: one option, or `lo` and every option beyond it. */
  lo: number
  hi: number
  via: 'cue' | 'at_least' | 'default' | 'conditional'
  /** The words that named the option, when a cue did. */
  phrase?: string | undefined
}

export interface CompiledIssue {
  id: string
  options: readonly LexiconOption[]
  cues: { index: number; re: RegExp; atLeast: boolean }[]
  defaultIndex: number | undefined
  conditionalIndex: number | undefined
}

export function compileIssue(issue: LexiconIssue): CompiledIssue {
  const options = issue.options ?? []
  const cues: CompiledIssue['cues'] = []
  options.forEach((o, index) => {
    if (o.cues.length > 0) cues.push({ index, re: phrasePattern(o.cues), atLeast: false })
    if (o.atLeastCues.length > 0) cues.push({ index, re: phrasePattern(o.atLeastCues), atLeast: true })
  })
  const flagged = (key: 'default' | 'conditional') => {
    const i = options.findIndex((o) => o[key] === true)
    return i < 0 ? undefined : i
  }
  return {
    id: issue.id,
    options,
    cues,
    defaultIndex: flagged('default'),
    conditionalIndex: flagged('conditional'),
  }
}

/** Strong wording of a rejection: a red line, not only a position against an option. */
export const STRONG_REJECTION = wordPattern(
  "never|will not|won[’']t|rul(?:es|ed|ing)? out|non-negotiable|under no circumstances|firmly|categorically|flatly|red lines?|unacceptable|cannot accept|can[’']t accept|any",
  'iu',
)

/** What crossing a clause boundary (a comma, a semicolon, a dash) adds to a cue's distance from its actor. */
const CLAUSE_COST = 60
const clauseBreaks = (between: string) => (between.match(/[,;:–—]/g) ?? []).length

/**
 * The option a claim's wording names on `issue`: the cue match nearest to a mention of the claim's
 * actor, preferring matches after it (a subject comes before what it demands) and in the same clause.
 * Undefined when no cue of the issue is in the sentence.
 */
export function namedOption(
  claim: Claim,
  issue: CompiledIssue,
  lexicon: CompiledLexicon,
): Pick<Reading, 'lo' | 'hi' | 'phrase'> | undefined {
  const text = claim.quote
  // The actor's mentions matter only to score a cue that matched: found on the first match.
  let mentions: { start: number; end: number }[] | undefined
  const actorsIn = () => {
    mentions ??= actorMentions(text, lexicon).filter((m) => m.id === claim.actor)
    return mentions
  }
  let best: { score: number; lo: number; hi: number; phrase: string } | undefined
  for (const cue of issue.cues) {
    for (const m of text.matchAll(cue.re)) {
      const start = m.index
      const end = start + m[0].length
      // "will not formally surrender its land" names the option a demand is against, not the one it wants.
      if (claim.act !== 'reject' && negatedInClause(text, start)) continue
      const actors = actorsIn()
      const score =
        actors.length === 0
          ? start
          : actors.reduce(
              (min, a) =>
                Math.min(
                  min,
                  start >= a.end
                    ? start - a.end + CLAUSE_COST * clauseBreaks(text.slice(a.end, start))
                    : 2 * Math.max(0, a.start - end) + CLAUSE_COST * clauseBreaks(text.slice(end, a.start)),
                ),
              Number.POSITIVE_INFINITY,
            )
      if (best === undefined || score < best.score) {
        const hi = cue.atLeast ? issue.options.length - 1 : cue.index
        best = { score, lo: cue.index, hi, phrase: m[0] }
      }
    }
  }
  return best === undefined ? undefined : { lo: best.lo, hi: best.hi, phrase: best.phrase }
}

/**
 * What a claim says about the position of its actor on `issue`, if anything:
 * - a demand, proposal or acceptance on the issue: the option its words name, else the issue's default;
 * - a condition that holds the issue back: the issue's conditional option;
 * - a condition that requires the issue first: the option its words name for it.
 */
export function positionReading(
  claim: Claim,
  article: DraftArticle,
  issue: CompiledIssue,
  lexicon: CompiledLexicon,
): Reading | undefined {
  const position = positionOf(claim, issue, lexicon)
  return position === undefined ? undefined : { claim, article, issue: issue.id, ...position }
}

/** positionReading without the article: the options a claim's words put its actor at on `issue`. */
export function positionOf(
  claim: Claim,
  issue: CompiledIssue,
  lexicon: CompiledLexicon,
): Pick<Reading, 'lo' | 'hi' | 'via' | 'phrase'> | undefined {
  if (claim.act === 'reject') return undefined
  if (claim.act === 'condition') {
    if (claim.issue === issue.id && issue.conditionalIndex !== undefined)
      return { lo: issue.conditionalIndex, hi: issue.conditionalIndex, via: 'conditional' }
    if (claim.condition_issue !== issue.id) return undefined
    const named = namedOption(claim, issue, lexicon)
    return named === undefined ? undefined : { ...named, via: named.lo === named.hi ? 'cue' : 'at_least' }
  }
  if (claim.issue !== issue.id) return undefined
  const named = namedOption(claim, issue, lexicon)
  if (named !== undefined) return { ...named, via: named.lo === named.hi ? 'cue' : 'at_least' }
  if (issue.defaultIndex === undefined) return undefined
  return { lo: issue.defaultIndex, hi: issue.defaultIndex, via: 'default' }
}

/** The options a rejection on `issue` rules out, when its words name one. */
export function rejectionReading(
  claim: Claim,
  article: DraftArticle,
  issue: CompiledIssue,
  lexicon: CompiledLexicon,
): (Reading & { strong: boolean }) | undefined {
  if (claim.act !== 'reject' || claim.issue !== issue.id) return undefined
  const named = namedOption(claim, issue, lexicon)
  if (named === undefined) return undefined
  return {
    claim,
    article,
    issue: issue.id,
    ...named,
    via: named.lo === named.hi ? 'cue' : 'at_least',
    strong: STRONG_REJECTION.test(claim.quote),
  }
}
