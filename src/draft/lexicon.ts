// A scenario's parties and issues as an extraction lexicon, for reading claims against a scenario
// (drafting, updating, and `--scenario` on the extraction commands); and which of a scenario's parties
// and issues a lexicon leaves unnamed, for the commands to warn about.
import { demonymsAmong, type Lexicon, type LexiconIssue } from '../extract/index.ts'
import type { Scenario } from '../scenario/index.ts'

/**
 * A scenario's parties and issues as a lexicon: party names and aliases, issue names, option labels
 * are not used (they describe positions, not the issue). An issue takes the terms of `base` (a lexicon
 * file) for the same id; without them, terms drawn from its name (`termsFromName`). The event types
 * are `base`'s.
 */
export function lexiconFromScenario(s: Scenario, base?: Lexicon): Lexicon {
  const derived = derivedTerms(s.issues, base)
  return {
    actors: s.parties.map((p) => {
      const known = base?.actors.find((a) => a.id === p.id)
      const adjectives = known?.adjectives ?? demonymsAmong(p.aliases)
      const aliases = [p.name, ...p.aliases.filter((x) => !adjectives.includes(x)), ...(known?.aliases ?? [])]
      return { id: p.id, name: p.name, aliases: [...new Set(aliases)], adjectives }
    }),
    issues: s.issues.map((i) => {
      const known = base?.issues.find((x) => x.id === i.id)
      const own = derived.get(i.id) ?? { terms: [i.name.toLowerCase()], weakTerms: [] }
      return {
        id: i.id,
        description: i.description,
        name: i.name,
        terms: known?.terms ?? own.terms,
        weakTerms: known?.weakTerms ?? own.weakTerms,
        options: i.options.map((o) => {
          // The scenario's scale, with the cues of the lexicon's option of the same label or position.
          const cue =
            known?.options?.find((k) => k.label === o.label) ??
            known?.options?.find((k) => k.position === o.position)
          return {
            label: o.label,
            position: o.position,
            cues: cue?.cues ?? [],
            atLeastCues: cue?.atLeastCues ?? [],
            ...(cue?.default ? { default: true } : {}),
            ...(cue?.conditional ? { conditional: true } : {}),
          }
        }),
      }
    }),
    events: base?.events ?? [],
  }
}

type Terms = Pick<LexiconIssue, 'terms' | 'weakTerms'>

/**
 * The terms drawn from the names of the issues that `base` has no terms for. A drawn term that two
 * issues share (or that `base` gives another issue) names neither, and is dropped from both; each
 * keeps its whole name, which is its own.
 */
function derivedTerms(issues: Scenario['issues'], base: Lexicon | undefined): Map<string, Terms> {
  const drawn = new Map<string, Terms>()
  for (const i of issues)
    if (base?.issues.find((x) => x.id === i.id) === undefined) drawn.set(i.id, termsFromName(i.name))
  const owners = new Map<string, Set<string>>()
  const own = (term: string, id: string) => owners.set(term, (owners.get(term) ?? new Set()).add(id))
  for (const [id, t] of drawn) for (const term of [...t.terms, ...t.weakTerms]) own(term, id)
  for (const x of base?.issues ?? [])
    for (const term of [...x.terms, ...x.weakTerms]) own(term.toLowerCase(), x.id)
  const unique = (term: string) => (owners.get(term)?.size ?? 0) <= 1
  const out = new Map<string, Terms>()
  for (const [id, t] of drawn) {
    const name = wholeName(issues.find((i) => i.id === id)?.name ?? id)
    out.set(id, {
      terms: [...new Set([name, ...t.terms.filter(unique)])],
      weakTerms: t.weakTerms.filter((x) => unique(x) && x !== name),
    })
  }
  return out
}

/** Words that join the parts of a name: "Halt on strikes against energy infrastructure". */
const LINKS = new Set(
  'of on in to for with against from by at over between about and or into within under after before during via per'.split(
    ' ',
  ),
)
/** Determiners and vague modifiers, which a name carries but an article need not: "General ceasefire". */
const VAGUE = new Set(
  'a an the its their his her our any all some other general full overall possible proposed new further future current comprehensive complete total final formal broad wider potential eventual'.split(
    ' ',
  ),
)
/** Nouns that head a name but name no issue by themselves: "Release of hostages", "Division of assets". */
const BARE_HEADS = new Set(
  'release return exchange division halt end lifting removal control status question issue terms level role size form extent scope'.split(
    ' ',
  ),
)

/**
 * Terms drawn from an issue's name, for a scenario whose issues no lexicon describes. The name is cut
 * into parts at linking words and punctuation, and vague words are left out. The first part (the head
 * noun phrase) is a term ("General ceasefire" → `ceasefire*`); when it has several words, its last word
 * (the head noun) is a weak term ("Security guarantees" → `security guarantee*`, weak `guarantee*`).
 * A later part is a term when it has several words, else a weak one. A head that names no issue alone
 * ("Release of hostages") gives way to the next part. The last word of a term matches any ending
 * (`termStem`), so plurals and "territorial" match.
 */
export function termsFromName(name: string): Terms {
  const parts = name
    .toLowerCase()
    .split(/[,;:/()–—]|\s+-\s+/)
    .flatMap((piece) => splitAtLinks(piece.trim().split(/\s+/)))
    .map((words) => words.filter((w) => w !== '' && !VAGUE.has(w)))
    .filter((words) => words.length > 0)
  const head = parts[0]
  if (parts.length > 1 && head?.length === 1 && BARE_HEADS.has(head[0] ?? '')) parts.shift()
  const terms: string[] = []
  const weakTerms: string[] = []
  const phrase = (words: string[]) => [...words.slice(0, -1), termStem(words.at(-1) ?? '')].join(' ')
  parts.forEach((words, i) => {
    if (i === 0 || words.length > 1) terms.push(phrase(words))
    else weakTerms.push(phrase(words))
    if (i === 0 && words.length > 1) weakTerms.push(termStem(words.at(-1) ?? ''))
  })
  return { terms: [...new Set(terms)], weakTerms: [...new Set(weakTerms)].filter((t) => !terms.includes(t)) }
}

function splitAtLinks(words: string[]): string[][] {
  const parts: string[][] = [[]]
  for (const word of words) {
    if (LINKS.has(word)) parts.push([])
    else parts.at(-1)?.push(word)
  }
  return parts
}

/**
 * A word as a lexicon term matching its other endings: "guarantees" → `guarantee*`, "territory" →
 * `territor*`. Short words stay whole ("aid" must not match "aides"), as do words in -us, -ss and -is.
 */
export function termStem(word: string): string {
  if (word.length < 5 || !/^\p{L}+$/u.test(word) || /(us|ss|is)$/.test(word)) return word
  if (word.endsWith('ies')) return `${word.slice(0, -3)}*`
  if (/(x|ch|sh)es$/.test(word)) return `${word.slice(0, -2)}*`
  if (word.endsWith('y')) return `${word.slice(0, -1)}*`
  if (word.endsWith('s')) return `${word.slice(0, -1)}*`
  return `${word}*`
}

/** The whole name as a term, as written but in lower case and single spaces. */
function wholeName(name: string): string {
  return name.toLowerCase().trim().replace(/\s+/g, ' ')
}

/** The parties and issues of a scenario that a lexicon does not name, each with its id and name. */
export interface LexiconCoverage {
  parties: { id: string; name: string }[]
  issues: { id: string; name: string }[]
}

/**
 * The scenario's parties and issues that `lexicon` does not name: no party or issue of that id, or an
 * issue with no term or weak term (nothing in an article would name it). Claims by such a party, or
 * about such an issue, are never read; a command prints them as warnings (`coverageWarnings`).
 */
export function lexiconCoverage(lexicon: Lexicon, scenario: Scenario): LexiconCoverage {
  const parties = new Set(lexicon.actors.map((a) => a.id))
  const issues = new Set(
    lexicon.issues.filter((i) => i.terms.length + i.weakTerms.length > 0).map((i) => i.id),
  )
  return {
    parties: scenario.parties.filter((p) => !parties.has(p.id)).map(({ id, name }) => ({ id, name })),
    issues: scenario.issues.filter((i) => !issues.has(i.id)).map(({ id, name }) => ({ id, name })),
  }
}

/** One line per unnamed party or issue, for a command to print. */
export function coverageWarnings(coverage: LexiconCoverage): string[] {
  return [
    ...coverage.parties.map(
      (p) => `the lexicon does not name party "${p.id}" (${p.name}): no claim by it will be read`,
    ),
    ...coverage.issues.map(
      (i) => `the lexicon does not name issue "${i.id}" (${i.name}): no claim about it will be read`,
    ),
  ]
}
