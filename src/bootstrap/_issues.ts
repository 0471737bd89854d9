// Issues over all the articles: the noun-phrase units that act cues govern, merged. A unit counts
// where a cue governs it ("agreed to cut *tariffs*", "only if the *fishing quotas* …"). The best
// unit, by sentences then articles (its synonyms' included), seeds an issue and takes every unit
// that contains it ("tariff" takes "tariff rate" and "reciprocal tariff"), that is its synonym
// ("talks", "negotiations"), or that mostly occurs beside it, in its phrase or one joined to it by
// a preposition ("magnets" of "rare earth magnets", "pause" of "a pause in tariffs"). A unit that
// mostly occurs inside a longer one seeds nothing ("earth" in "rare earth"); nor does the case's
// topic word, the modifier of most articles' phrases ("trade" in "trade talks", "trade war").
import type { Act } from '../core/index.ts'
import { synonymsOf } from './_generic.ts'
import { cueScope, nounPhrases, type Unit } from './_phrases.ts'
import { issueId, pickExamples } from './_proposal.ts'
import type { TaggedSentence } from './_sentence.ts'
import type { ProposedIssue } from './types.ts'

interface UnitTotals {
  key: string
  words: string[]
  surfaces: Map<string, number>
  /** Phrases it occurs in (indices into the list of all phrases). */
  phrases: number[]
  heads: number
  /** Occurrences whose last word is a common noun. */
  nouns: number
  /** Sentences it occurs in, tied or not. */
  sentences: Set<number>
  articles: Set<number>
  /** Sentences where a cue governs it, with the act of the first such cue. */
  tied: Map<number, Act>
  /** Articles of those sentences. */
  tiedArticles: Set<number>
}

export function readIssues(
  sentences: readonly TaggedSentence[],
  named: readonly Uint8Array[],
  articleNames: readonly string[],
  minCount: number,
  maxIssues: number,
): ProposedIssue[] {
  const { units, groupUnits } = collectUnits(sentences, named)
  const subsumed = new Set([...units.values()].filter((u) => isSubsumed(u, units)).map((u) => u.key))
  const seeds = seedOrder(units, subsumed, new Set(sentences.map((s) => s.article)).size, minCount)
  const taken = new Set<string>()
  const issues: ProposedIssue[] = []
  for (const seed of seeds) {
    if (taken.has(seed.key)) continue
    const members = [
      seed,
      ...[...units.values()].filter((u) => !taken.has(u.key) && u !== seed && belongs(u, seed, groupUnits)),
    ]
    for (const m of members) taken.add(m.key)
    // A term is a unit named twice, or tied to an act once: a phrase written once says little.
    const recurs = (m: UnitTotals) => m.phrases.length >= 2 || m.tied.size > 0
    const issue = toIssue(
      members.filter((m) => m === seed || (isTerm(m) && !subsumed.has(m.key) && recurs(m))),
      members,
      sentences,
      articleNames,
    )
    if (issue.count >= minCount) issues.push(issue)
  }
  return issues
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.mentions - a.mentions ||
        b.articles - a.articles ||
        a.name.localeCompare(b.name),
    )
    .slice(0, maxIssues)
}

/** Every unit of every noun phrase, with where a cue governs it; per phrase, the units of its group. */
function collectUnits(
  sentences: readonly TaggedSentence[],
  named: readonly Uint8Array[],
): { units: Map<string, UnitTotals>; groupUnits: string[][] } {
  const units = new Map<string, UnitTotals>()
  const groupUnits: string[][] = []
  sentences.forEach((s, si) => {
    const phrases = nounPhrases(s, named[si] as Uint8Array)
    const scopes = s.cues.flatMap((cue) => cueScope(s, cue).map((range) => ({ ...range, act: cue.act })))
    const groups = new Map<number, string[]>()
    for (const phrase of phrases) {
      const cue = scopes.find((r) => r.first <= phrase.last && phrase.first <= r.last)
      const keys = groups.get(phrase.group) ?? []
      groups.set(phrase.group, keys)
      for (const unit of phrase.units) {
        const u = totalsOf(units, unit)
        u.surfaces.set(unit.surface, (u.surfaces.get(unit.surface) ?? 0) + 1)
        u.phrases.push(groupUnits.length)
        if (unit.head) u.heads++
        if (unit.noun) u.nouns++
        u.sentences.add(si)
        u.articles.add(s.article)
        if (cue !== undefined && !u.tied.has(si)) {
          u.tied.set(si, cue.act)
          u.tiedArticles.add(s.article)
        }
        keys.push(unit.key)
      }
      // Every phrase of a group sees the same list, filled as the group's phrases are read.
      groupUnits.push(keys)
    }
  })
  return { units, groupUnits }
}

function totalsOf(units: Map<string, UnitTotals>, unit: Unit): UnitTotals {
  let u = units.get(unit.key)
  if (u === undefined) {
    u = {
      key: unit.key,
      words: unit.key.split(' '),
      surfaces: new Map(),
      phrases: [],
      heads: 0,
      nouns: 0,
      sentences: new Set(),
      articles: new Set(),
      tied: new Map(),
      tiedArticles: new Set(),
    }
    units.set(unit.key, u)
  }
  return u
}

/** The sentences and articles where a cue governs the unit or one of its synonyms. */
function tiedWithSynonyms(
  u: UnitTotals,
  units: Map<string, UnitTotals>,
): { sentences: number; articles: number } {
  const sentences = new Set(u.tied.keys())
  const articles = new Set(u.tiedArticles)
  for (const key of synonymsOf(u.key)) {
    const v = units.get(key)
    if (v === undefined || v === u) continue
    for (const si of v.tied.keys()) sentences.add(si)
    for (const a of v.tiedArticles) articles.add(a)
  }
  return { sentences: sentences.size, articles: articles.size }
}

/**
 * Mostly inside a longer unit: "earth" in "rare earth", "List restrictions" in "Entity List
 * restrictions". A unit named once gives no such evidence ("tariff rates" in "new tariff rates").
 */
function isSubsumed(u: UnitTotals, units: Map<string, UnitTotals>): boolean {
  if (u.phrases.length < 2) return false
  for (const v of units.values()) {
    if (
      v.words.length > u.words.length &&
      contains(v.words, u.words) &&
      v.phrases.length >= 0.75 * u.phrases.length
    )
      return true
  }
  return false
}

/** The units that may seed an issue, best first. */
function seedOrder(
  units: Map<string, UnitTotals>,
  subsumed: Set<string>,
  articleCount: number,
  minCount: number,
): UnitTotals[] {
  const all = [...units.values()]
  const tied = new Map(all.map((u) => [u, tiedWithSynonyms(u, units)]))
  const seeds = all.filter((u) => {
    if ((tied.get(u)?.sentences ?? 0) < minCount || !isTerm(u) || subsumed.has(u.key)) return false
    // The topic: a modifier in most articles, rarely a head ("trade" of a trade negotiation).
    const topic =
      u.words.length === 1 &&
      articleCount >= 3 &&
      u.articles.size >= (2 / 3) * articleCount &&
      u.heads < u.phrases.length / 3
    return !topic
  })
  const score = (u: UnitTotals) => tied.get(u) ?? { sentences: 0, articles: 0 }
  // Among synonyms, which share a score, the most used seeds the issue and names it.
  return seeds.sort(
    (a, b) =>
      score(b).sentences - score(a).sentences ||
      score(b).articles - score(a).articles ||
      b.tied.size - a.tied.size ||
      b.phrases.length - a.phrases.length ||
      b.words.length - a.words.length,
  )
}

/** Whether `inner` occurs in `outer` as a run of words. */
function contains(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, k) => outer[i + k] === w)) return true
  }
  return false
}

/**
 * A unit that ends a noun phrase somewhere ("rare earths"; not "lower fishing"), or a common noun
 * that modifies others ("fentanyl" in "fentanyl tariffs"; not "Second" in "April Second Tariff").
 */
const isTerm = (u: UnitTotals) => u.heads > 0 || (u.words.length === 1 && u.nouns > u.phrases.length / 2)

function belongs(u: UnitTotals, seed: UnitTotals, groupUnits: readonly string[][]): boolean {
  const synonyms = synonymsOf(seed.key)
  if (synonyms.some((syn) => contains(u.words, syn.split(' ')))) return true
  // A unit named once says too little to be merged by company alone.
  if (u.phrases.length < 2) return false
  const together = u.phrases.filter((p) => groupUnits[p]?.includes(seed.key)).length
  return together >= 0.5 * u.phrases.length
}

/** The issue of a seed (`terms[0]`): its terms, and the sentences of all its members. */
function toIssue(
  termUnits: UnitTotals[],
  members: UnitTotals[],
  sentences: readonly TaggedSentence[],
  articleNames: readonly string[],
): ProposedIssue {
  const seed = termUnits[0] as UnitTotals
  const tied = new Map<number, Act>()
  for (const m of members) for (const [si, act] of m.tied) if (!tied.has(si)) tied.set(si, act)
  const acts: Partial<Record<Act, number>> = {}
  for (const act of tied.values()) acts[act] = (acts[act] ?? 0) + 1
  // Each term once, in lower case where the text has it so ("talks", not a headline's "Talks").
  const surfaces = new Map<string, { surface: string; n: number }>()
  for (const m of termUnits) {
    for (const [surface, n] of m.surfaces) {
      const key = surface.toLowerCase()
      const known = surfaces.get(key)
      const written = known === undefined || surface === key ? surface : known.surface
      surfaces.set(key, { surface: written, n: (known?.n ?? 0) + n })
    }
  }
  const byCount = [...surfaces.values()].sort((a, b) => b.n - a.n).map((x) => x.surface)
  const seedSurface =
    byCount.find((x) => [...seed.surfaces.keys()].some((k) => k.toLowerCase() === x.toLowerCase())) ??
    seed.key
  const terms = [seedSurface, ...byCount]
  const bySeed = [...seed.tied.keys()].sort((a, b) => a - b)
  const others = [...tied.keys()].filter((si) => !seed.tied.has(si)).sort((a, b) => a - b)
  return {
    id: issueId(seedSurface),
    name: seedSurface.charAt(0).toUpperCase() + seedSurface.slice(1),
    terms: [...new Set(terms)].slice(0, 10),
    count: tied.size,
    mentions: new Set(members.flatMap((m) => [...m.sentences])).size,
    articles: new Set([...tied.keys()].map((si) => sentences[si]?.article)).size,
    acts,
    examples: pickExamples([...bySeed, ...others], sentences, articleNames),
  }
}
