// The names in one sentence: gazetteer forms (countries, organisations, their demonyms and capitals),
// titles ("U.S. Trade Representative", "Commerce Ministry spokesman") and proper-noun runs ("He Lifeng",
// "Ministry of Commerce"). Which run is a person or an organisation is decided over all the articles
// (_parties.ts); this file only reads the sentence.
import { isNewsOrganisation, type KnownForm, knownForm, LONGEST_FORM_WORDS } from './_gazetteer.ts'
import type { TaggedSentence, WordRange } from './_sentence.ts'
import { LOCATIVE, NAME_CONNECTORS, NOT_NAMES, TITLE_HEADS, TITLE_MODIFIERS } from './_titles.ts'
import type { Token } from './_tokens.ts'

export interface NameSpan extends WordRange {
  surface: string
  /** The country or organisation of a gazetteer form. */
  known?: KnownForm
  /** A capital after "in", "at", "to": a place, not its government. */
  locative: boolean
  /** A news organisation or platform ("Reuters", "Truth Social"): a source, never a party. */
  news?: true
}

export interface SentenceNames {
  names: NameSpan[]
  /** Per word: the index of its name in `names`, or -1. */
  nameAt: Int32Array
  /** Per word: whether it belongs to a title ("Vice Premier", "trade representative"). */
  title: Uint8Array
}

const isApostropheS = (t: Token | undefined) => t !== undefined && /^['’]s$/i.test(t.text)

/** An acronym or a word in capitals longer than five letters is shouting ("POISONS"), not a name. */
const nameLike = (t: Token) => t.cap && !(t.allCaps && t.text.replace(/\./g, '').length > 5)

export function readNames(s: TaggedSentence): SentenceNames {
  const n = s.tokens.length
  const nameAt = new Int32Array(n).fill(-1)
  const title = new Uint8Array(n)
  const names: NameSpan[] = []
  const surface = (first: number, last: number) =>
    s.text.slice(s.tokens[first]?.start ?? 0, s.tokens[last]?.end ?? 0)
  const push = (span: NameSpan) => {
    for (let k = span.first; k <= span.last; k++) nameAt[k] = names.length
    names.push(span)
  }
  markKnown(s, surface, push)
  markTitles(s.tokens, title, nameAt)
  if (!s.titleCase) markRuns(s, surface, push, nameAt, title)
  names.sort((a, b) => a.first - b.first)
  nameAt.fill(-1)
  names.forEach((span, i) => {
    for (let k = span.first; k <= span.last; k++) nameAt[k] = i
  })
  return { names, nameAt, title }
}

/** Gazetteer forms, longest first; a form inside a longer name ("Bank of China", "Michael Jordan") is not one. */
function markKnown(
  s: TaggedSentence,
  surface: (first: number, last: number) => string,
  push: (span: NameSpan) => void,
): void {
  const t = s.tokens
  for (let i = 0; i < t.length; i++) {
    const first = t[i] as Token
    if (!nameLike(first) && !first.allCaps) continue
    for (let j = Math.min(t.length - 1, i + LONGEST_FORM_WORDS * 2); j >= i; j--) {
      const form = surface(i, j)
      const known = knownForm(form)
      const news = known === undefined && isNewsOrganisation(form)
      if (known === undefined && !news) continue
      if (insideLongerName(t, i, j, known)) break
      const before = t[i - 1]
      const locative =
        known?.role === 'capital' && before !== undefined && LOCATIVE.has(before.lower) && !before.cap
      push({ first: i, last: j, surface: form, ...(known ? { known } : { news: true }), locative })
      i = j
      break
    }
  }
}

function insideLongerName(t: readonly Token[], i: number, j: number, known: KnownForm | undefined): boolean {
  const before = t[i - 1]
  const after = t[j + 1]
  const capBefore =
    before !== undefined &&
    nameLike(before) &&
    !TITLE_HEADS.has(before.lower) &&
    !NOT_NAMES.has(before.text) &&
    (i > 1 || before.pos === 'PROPN')
  // "Bank of China", "Ministry of the Interior": "of" (and "of the") after a name joins it.
  const of = before?.lower === 'the' && t[i - 2]?.lower === 'of' ? i - 2 : before?.lower === 'of' ? i - 1 : -1
  const ofBefore = of > 0 && nameLike(t[of - 1] as Token) && !NOT_NAMES.has((t[of - 1] as Token).text)
  if (capBefore || ofBefore) return true
  // A capital is a place name only on its own: "Sofia Petrova" is a person.
  if (known?.role === 'capital' && after !== undefined && nameLike(after) && !after.joined) return true
  return false
}

/**
 * Title heads ("President", "spokesman") and the modifiers before them ("Vice", "trade"), so that
 * "Chinese Vice Premier He Lifeng" reads as a demonym, a title and a name.
 */
function markTitles(t: readonly Token[], title: Uint8Array, nameAt: Int32Array): void {
  for (let i = 0; i < t.length; i++) {
    const token = t[i] as Token
    if (nameAt[i] !== -1 || !TITLE_HEADS.has(token.lower)) continue
    title[i] = 1
    // "Secretary-General": a hyphenated second word belongs to the title.
    if (t[i + 1]?.text === '-' && t[i + 1]?.joined && t[i + 2]?.joined) {
      title[i + 1] = 1
      title[i + 2] = 1
    }
    for (let k = i - 1; k >= 0; k--) {
      const m = t[k] as Token
      if (nameAt[k] !== -1 || !(TITLE_MODIFIERS.has(m.lower) || TITLE_HEADS.has(m.lower))) break
      // "Ministry of Commerce spokesperson": a word after "of" ends a name, not a title.
      if (t[k - 1]?.lower === 'of') break
      title[k] = 1
    }
  }
}

/** Runs of capitalised words outside gazetteer forms and titles, with "of", "al-" or "-myung" inside. */
function markRuns(
  s: TaggedSentence,
  surface: (first: number, last: number) => string,
  push: (span: NameSpan) => void,
  nameAt: Int32Array,
  title: Uint8Array,
): void {
  const t = s.tokens
  const free = (k: number) => nameAt[k] === -1 && title[k] === 0
  const opens = (k: number) => {
    const token = t[k] as Token
    if (!free(k) || !nameLike(token)) return false
    // The first word of a sentence is capitalised anyway: only a proper noun opens a name there.
    const initial = k === 0 || /^[“"'‘(•\-–—]$/.test(t[k - 1]?.text ?? '')
    if (initial && token.pos !== 'PROPN') return false
    if (!NOT_NAMES.has(token.text)) return true
    // "He" inside a sentence, before a name, is a family name: "Vice Premier He Lifeng".
    const next = t[k + 1]
    return !initial && token.pos === 'PRON' && next !== undefined && !next.joined && continues(k + 1)
  }
  const continues = (k: number) => {
    const token = t[k] as Token
    return free(k) && nameLike(token) && !NOT_NAMES.has(token.text) && !isApostropheS(token)
  }
  let i = 0
  while (i < t.length) {
    if (!opens(i)) {
      i++
      continue
    }
    let j = i
    for (;;) {
      const next = t[j + 1]
      if (next === undefined) break
      if (continues(j + 1) && !next.joined) {
        j++
        continue
      }
      // "Lee Jae-myung", "Mohammed al-Thani": a hyphen inside a name; "US-China" is two names.
      if (next.text === '-' && next.joined && t[j + 2]?.joined && free(j + 2)) {
        const after = t[j + 2] as Token
        const lowerPart = !after.cap && (after.pos === 'NOUN' || after.pos === 'PROPN')
        const afterConnector = NAME_CONNECTORS.has((t[j] as Token).lower) && after.cap
        if (lowerPart || afterConnector) {
          j += 2
          continue
        }
      }
      if (NAME_CONNECTORS.has(next.lower) && !next.cap && t[j + 2] !== undefined) {
        if (continues(j + 2) && !t[j + 2]?.joined) {
          j += 2
          continue
        }
        // "Mohammed bin Abdulrahman al-Thani": a connector hyphenated to the next name.
        const hyphen = t[j + 2] as Token
        if (hyphen.text === '-' && hyphen.joined && t[j + 3]?.joined && continues(j + 3)) {
          j += 3
          continue
        }
      }
      break
    }
    // A lone initial ("S." of a "U.S." that the sentence splitter cut) is no name.
    if (j > i || /\p{L}{2}/u.test((t[i] as Token).text))
      push({ first: i, last: j, surface: surface(i, j), locative: false })
    i = j + 1
  }
}
