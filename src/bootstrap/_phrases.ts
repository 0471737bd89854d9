// Noun phrases of a sentence and the words that an act cue governs. A noun phrase is a run of
// adjectives, nouns and unnamed proper nouns ending in a noun ("reciprocal tariff rates", "Entity
// List"); the names of parties, people and news sources break it. Its units are the runs of one to
// three of its words that end in a noun: "reciprocal tariff rates" gives "rate", "tariff",
// "tariff rate", "reciprocal tariff" and "reciprocal tariff rate".
import { GENERIC_NOUNS } from './_generic.ts'
import type { Cue, TaggedSentence, WordRange } from './_sentence.ts'
import { LOCATIVE, NOT_NAMES } from './_titles.ts'
import type { Token } from './_tokens.ts'

export interface Unit {
  /** Lemmas joined by a space: "rare earth", "tariff rate". */
  key: string
  /** As written, in lower case except proper nouns: "rare-earth", "TikTok". */
  surface: string
  /** The unit ends the phrase: "tariff" in "reciprocal tariffs", not in "tariff rates". */
  head: boolean
  /** Its last word is a common noun, not a proper one. */
  noun: boolean
}

export interface Phrase extends WordRange {
  units: Unit[]
  /**
   * Phrases joined by a preposition share a group: "a *pause* in *tariffs*", "*restrictions* on *rare
   * earth magnets*". The units of a group are related, for merging (_issues.ts).
   */
  group: number
}

const NOUNISH = new Set(['NOUN', 'PROPN'])
const CLAUSE_END = /^[;:()?!.—–]$/
const CLAUSE_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'because'])
const MAX_SCOPE_WORDS = 24

const contentWord = (t: Token) =>
  (NOUNISH.has(t.pos) || t.pos === 'ADJ') && /^\p{L}[\p{L}'’]*$/u.test(t.text) && !NOT_NAMES.has(t.text)

/** The noun phrases of a sentence; `named` marks the words of names, which are never in one. */
export function nounPhrases(s: TaggedSentence, named: Uint8Array): Phrase[] {
  const t = s.tokens
  const phrases: Phrase[] = []
  let i = 0
  while (i < t.length) {
    if (named[i] === 1 || !contentWord(t[i] as Token)) {
      i++
      continue
    }
    let j = i
    // A hyphen inside a word keeps the phrase: "rare-earth magnets".
    while (j + 1 < t.length) {
      const next = t[j + 1] as Token
      if (named[j + 1] !== 1 && contentWord(next)) j++
      else if (
        next.text === '-' &&
        next.joined &&
        t[j + 2]?.joined &&
        named[j + 2] !== 1 &&
        contentWord(t[j + 2] as Token)
      )
        j += 2
      else break
    }
    const words = t.slice(i, j + 1).filter((w) => w.text !== '-')
    while (words.length > 0 && !NOUNISH.has((words[words.length - 1] as Token).pos)) words.pop()
    const placeOnly = words.every((w) => w.pos === 'PROPN') && LOCATIVE.has(t[i - 1]?.lower ?? '')
    if (words.length > 0 && !placeOnly) {
      const previous = phrases[phrases.length - 1]
      const joined = previous !== undefined && joinedByPreposition(t, previous.last, i)
      const group = previous === undefined ? 0 : joined ? previous.group : previous.group + 1
      phrases.push({ first: i, last: j, units: unitsOf(s.text, words), group })
    }
    i = j + 1
  }
  return phrases
}

const LINKS = new Set(['of', 'on', 'in', 'for', 'over', 'against', 'about', 'around', 'regarding'])
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'all', 'any', 'his', 'her', 'our'])

/** Whether the words between two phrases are a preposition and at most a determiner: "pause *in the* tariffs". */
function joinedByPreposition(t: readonly Token[], last: number, next: number): boolean {
  const between = t.slice(last + 1, next)
  if (between.length === 0 || between.length > 2 || !LINKS.has(between[0]?.lower ?? '')) return false
  return between.length === 1 || DETERMINERS.has(between[1]?.lower ?? '')
}

/**
 * A word's lemma: wink's, with the plurals it leaves alone ("ceasefires", "TARIFFS", "Talks" in a
 * headline) made singular; a name with a capital inside it as written ("TikTok").
 */
function lemmaOf(w: Token): string {
  if (w.pos === 'PROPN' && /\p{Ll}\p{Lu}/u.test(w.text)) return w.lower
  const lemma = w.pos === 'PROPN' ? w.lower : w.lemma
  if (lemma !== w.lower || !/s$/.test(lemma) || /(?:ss|us|is)$/.test(lemma) || lemma.length < 4) return lemma
  if (/ies$/.test(lemma)) return `${lemma.slice(0, -3)}y`
  if (/(?:ses|xes|zes|ches|shes)$/.test(lemma)) return lemma.slice(0, -2)
  return lemma.slice(0, -1)
}

function unitsOf(text: string, words: Token[]): Unit[] {
  const units: Unit[] = []
  const written = (w: Token) => (w.pos === 'PROPN' && w.cap ? w.text : w.lower)
  // A word hyphenated to the one before it is not cut from it: no "term truce" in "short-term truce".
  const hyphenated = (k: number) =>
    k > 0 && k < words.length && text.slice((words[k - 1] as Token).end, (words[k] as Token).start) === '-'
  for (let end = 0; end < words.length; end++) {
    const last = words[end] as Token
    if (!NOUNISH.has(last.pos) || hyphenated(end + 1)) continue
    for (let start = Math.max(0, end - 2); start <= end; start++) {
      if (hyphenated(start)) continue
      const part = words.slice(start, end + 1)
      if (part.every((w) => GENERIC_NOUNS.has(lemmaOf(w)) || w.pos === 'ADJ')) continue
      if (part.length === 1 && (lemmaOf(last).length < 3 || GENERIC_NOUNS.has(lemmaOf(last)))) continue
      // Words as written, joined as in the text: "rare-earth magnets" keeps its hyphen.
      const surface = part
        .map(
          (w, k) =>
            (k === 0 ? '' : text.slice((part[k - 1] as Token).end, w.start) === '-' ? '-' : ' ') + written(w),
        )
        .join('')
      units.push({
        key: part.map(lemmaOf).join(' '),
        surface,
        head: end === words.length - 1,
        noun: last.pos === 'NOUN',
      })
    }
  }
  return units
}

/** The words an act cue governs: its object and complement, or both sides of a condition marker. */
export function cueScope(s: TaggedSentence, cue: Cue): WordRange[] {
  const t = s.tokens
  const forward = (from: number): WordRange => {
    let last = from - 1
    for (let k = from; k < t.length && k < from + MAX_SCOPE_WORDS; k++) {
      const w = t[k] as Token
      if (CLAUSE_END.test(w.text) || CLAUSE_WORDS.has(w.lower)) break
      if (s.reporting.some((r) => r.first === k)) break
      last = k
    }
    return { first: from, last }
  }
  const backward = (from: number): WordRange => {
    let first = from + 1
    for (let k = from; k >= 0 && k > from - 12; k--) {
      const w = t[k] as Token
      if (CLAUSE_END.test(w.text) || CLAUSE_WORDS.has(w.lower) || w.text === ',') break
      first = k
    }
    return { first, last: from }
  }
  if (cue.form === 'condition') return [backward(cue.first - 1), forward(cue.last + 1)]
  if (cue.form !== 'noun') return [forward(cue.last + 1)]
  // A noun cue: its modifiers ("the fishing proposal") …
  const scopes: WordRange[] = []
  let first = cue.first
  while (first > 0 && contentWord(t[first - 1] as Token) && first > cue.first - 3) first--
  if (first < cue.first) scopes.push({ first, last: cue.first - 1 })
  // and its clause: "an agreement *to reduce tariffs*", "the plan *includes a pause on tariffs*".
  scopes.push(forward(cue.last + 1))
  return scopes
}
