// Where the lexicon's parties and issues are named in a sentence.
import { eventTypesFor } from './event-types.ts'
import type { Lexicon } from './lexicon.ts'
import { escapeRegExp, wordPattern } from './words.ts'

export interface Mention {
  id: string
  start: number
  end: number
  /** An actor named by an adjective before a noun ("Russian officials"). */
  adjective?: boolean
  /** An issue named by a weak term only. */
  weak?: boolean
  /** A pronoun or epithet ("he", "the group") resolved to a party. */
  pronoun?: boolean
  /** "Both sides": the second party this mention stands for. */
  group?: string
}

/** Nouns after which an adjective names its party: "Russian officials", "Ukrainian President". */
const AGENT_NOUNS =
  '(?:officials?|leaders?|leadership|government|authorities|forces|troops|military|army|navy|air force|president|prime minister|foreign minister|defen[cs]e minister|defen[cs]e ministry|ministry|minister|side|delegations?|negotiators?|mediators?|representatives?|envoys?|spokes(?:man|woman|person)|diplomats?|counterparts?|drones?|missiles?|strikes?|attacks?|artillery|troops)'

export interface CompiledLexicon {
  lexicon: Lexicon
  actors: { id: string; re: RegExp; adjective: boolean }[]
  issues: { id: string; re: RegExp; weak: boolean }[]
  /** The event types looked for (eventTypesFor), and the cues of those the lexicon defines. */
  eventTypes: ReadonlySet<string>
  eventCues: { type: string; re: RegExp }[]
}

/** A lexicon term as a regular expression body: a trailing * matches any word ending. */
const term = (t: string) => escapeRegExp(t.replace(/\*$/, '')) + (t.endsWith('*') ? '[\\p{L}-]*' : '')

/**
 * Lexicon phrases as one case-insensitive pattern on word boundaries. A phrase may hold "…" for a gap
 * of up to four words ("withdraw … from the Donbas"), and any of its words may end in * for any ending.
 */
export function phrasePattern(phrases: readonly string[]): RegExp {
  const words = (part: string) =>
    part
      .trim()
      .split(/\s+/)
      .map((word) => term(word))
      .join('\\s+')
  const body = phrases.map((p) => p.split('…').map(words).join("(?:[\\s,]+[\\p{L}\\p{N}’'-]+){0,4}?[\\s,]+"))
  return wordPattern(body.join('|'), 'giu')
}

export function compileLexicon(lexicon: Lexicon, eventTypes?: readonly string[]): CompiledLexicon {
  const types = new Set(eventTypesFor(lexicon, eventTypes))
  return {
    lexicon,
    eventTypes: types,
    eventCues: lexicon.events
      .filter((e) => e.cues.length > 0 && types.has(e.type))
      .map((e) => ({ type: e.type, re: phrasePattern(e.cues) })),
    actors: lexicon.actors.flatMap((a) => [
      ...(a.aliases.length > 0
        ? [{ id: a.id, adjective: false, re: wordPattern(a.aliases.map(escapeRegExp).join('|'), 'gu') }]
        : []),
      ...(a.adjectives.length > 0
        ? [
            {
              id: a.id,
              adjective: true,
              re: wordPattern(
                `(?:${a.adjectives.map(escapeRegExp).join('|')})(?=(?:[\\s-]+[\\p{L}.-]+){0,4}?[\\s-]+${AGENT_NOUNS}(?![\\p{L}]))`,
                'giu',
              ),
            },
          ]
        : []),
    ]),
    issues: lexicon.issues.flatMap((i) => [
      ...(i.terms.length > 0
        ? [{ id: i.id, weak: false, re: wordPattern(i.terms.map(term).join('|'), 'giu') }]
        : []),
      ...(i.weakTerms.length > 0
        ? [{ id: i.id, weak: true, re: wordPattern(i.weakTerms.map(term).join('|'), 'giu') }]
        : []),
    ]),
  }
}

/** Actor mentions, longest first where they overlap; "NATO allies" (member states) is not NATO. */
export function actorMentions(sentence: string, lex: CompiledLexicon): Mention[] {
  const found: Mention[] = []
  for (const { id, re, adjective } of lex.actors) {
    for (const m of sentence.matchAll(re)) {
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 20)
      if (!adjective && /^\s+(allies|members|member states|countries|capitals)\b/.test(after)) continue
      found.push({
        id,
        start: m.index,
        end: m.index + m[0].length,
        ...(adjective ? { adjective: true } : {}),
      })
    }
  }
  return longestFirst(found)
}

export function issueMentions(sentence: string, lex: CompiledLexicon): Mention[] {
  const found: Mention[] = []
  for (const { id, re, weak } of lex.issues) {
    for (const m of sentence.matchAll(re))
      found.push({ id, start: m.index, end: m.index + m[0].length, ...(weak ? { weak: true } : {}) })
  }
  return longestFirst(found)
}

function longestFirst(mentions: Mention[]): Mention[] {
  mentions.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
  const kept: Mention[] = []
  for (const m of mentions) {
    const last = kept[kept.length - 1]
    if (last !== undefined && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) kept[kept.length - 1] = m
      continue
    }
    kept.push(m)
  }
  return kept
}

const PREPOSITIONS = new Set(
  'in on to with against of from for between about over towards toward into at across by near within than after before regarding like including among under onto upon around behind beyond'.split(
    ' ',
  ),
)
/**
 * Whether the mentions `a` (first) and `b` are members of one list: "A and B", "A, B", "Arlandian President
 * Mira Holt and Borvian leader Strand", "Arland and the rebel movement Borvia".
 */
export function coordinated(text: string, a: Mention, b: Mention): boolean {
  const gap = text.slice(a.end, b.start)
  return LIST_GAP.test(gap) && !VERB_IN_GAP.test(gap)
}
const LIST_GAP = /^[’'s]*(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?:the\s+)?(?:[\p{L}.’'-]+\s+){0,4}$/u
const VERB_IN_GAP =
  /\b(?:\p{Ll}+ed|said|says|has|have|is|are|was|were|will|would|who|which|that|with|in|on|for|to)\b/u

/** Agent nouns after which "from X" names X as the subject: "negotiators from Arland and Borvia". */
const FROM_AGENTS =
  /^(?:officials|delegations?|negotiators|representatives|envoys|leaders|diplomats|ministers|teams?)$/i

const PLACE_COMMA = "(?:in|at|near)\\s+\\p{Lu}[\\p{L}.’'-]*(?:\\s+\\p{Lu}[\\p{L}.’'-]*)*,\\s*$"
const APPOSITION = new RegExp(`\\b${PLACE_COMMA}`, 'iu')
const FRONTED = new RegExp(`(?:^|[,;:]\\s*)${PLACE_COMMA}`, 'iu')

/** Prepositions that also open a clause ("after Arland tabled …"). */
const CONJUNCTIONS = new Set(['after', 'before', 'since', 'until', 'like'])
const FINITE_VERB =
  /^\s+(?:\p{Ll}+ly\s+)?(?:has|have|had|was|were|is|are|will|would|could|did|does|made|said|says|\p{Ll}+ed)\b/u
const DATE_WORD =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4})$/
const SKIPPABLE =
  /^(the|a|an|and|former|then|its|his|her|their|top|chief|senior|special|\p{Lu}[\p{L}.’'-]*|\d+)$/u
const TITLE_NOUNS =
  /^(president|leader|leaders|government|minister|officials?|people|citizens|prime|secretary|chancellor|king|parliament|foreign|defen[cs]e|state)$/i

/**
 * Whether a mention sits in a prepositional phrase ("with Russian President Vladimir Putin", "in
 * Ukraine"), so it is not the subject. Names, titles and determiners between the preposition and the
 * mention are skipped; "of" after a title ("the President of the United States") does not count.
 */
export function isPrepositional(sentence: string, mention: Mention): boolean {
  const words = sentence
    .slice(Math.max(0, mention.start - 60), mention.start)
    .split(/\s+/)
    .filter((x) => x !== '')
  for (let i = words.length - 1; i >= 0; i--) {
    const word = (words[i] ?? '').replace(/[,;:]$/, '')
    const lower = word.toLowerCase()
    if (words[i]?.endsWith(',') && i === words.length - 1) {
      // "talks in Castel, Borvia's capital": a place's apposition stays in its phrase; a fronted "In
      // Castel, Holt …" opens the clause instead.
      const before = sentence.slice(0, mention.start)
      return APPOSITION.test(before) && !FRONTED.test(before)
    }
    // A comma ends a phrase: "In June, Arland and Borvia …" leaves both outside "In June".
    if (words[i]?.endsWith(',')) return false
    if (PREPOSITIONS.has(lower)) {
      if (lower === 'of' && TITLE_NOUNS.test((words[i - 1] ?? '').replace(/[,;:]$/, ''))) continue
      if (lower === 'from' && FROM_AGENTS.test(words[i - 1] ?? '')) return false
      // "once Arland had set its terms": a conjunction before a clause, whose subject the mention is.
      if (CONJUNCTIONS.has(lower) && FINITE_VERB.test(sentence.slice(mention.end, mention.end + 30)))
        return false
      return true
    }
    // "On 2 May Borvia …": a date ends the phrase before it.
    if (DATE_WORD.test(word)) return false
    if (SKIPPABLE.test(word) || TITLE_NOUNS.test(word)) continue
    return false
  }
  return false
}
