// What a sentence owes to the sentences before it, read as a diplomatic report is written:
// - pronouns and epithets ("he", "the group", "the envoy") stand for the party last named as a subject;
//   "both sides", "the two leaders" for the last two parties;
// - a quotation belongs to the speaker its frame names ("X said: “…", "“…,” X said"), also across the
//   sentences it runs over;
// - a proposal's terms belong to its owner: once "X presented a proposal" or "X's plan" is read, a sentence
//   that describes the terms ("The proposal calls for …", "Under the plan, …", "It offers …", "Terms
//   include …") is X's proposal on every issue it names, not an act of the parties it names;
// - the terms of a joint agreement ("Under the deal, A will …") are the accepts of the parties to it.
import { REPORTING } from './_cues.ts'
import type { Mention } from './mentions.ts'
import { wordPattern } from './words.ts'

/** What the reading carries from one sentence to the next, within one article. */
export interface Discourse {
  /** Parties named as subjects, the most recent first. */
  recent: string[]
  /** Parties named at all, the most recent first: "both leaders" are the last two. */
  named: string[]
  /** The owners of the proposal being described, and how many sentences ago it was last named. */
  proposal?: { owners: string[]; age: number } | undefined
  /** The parties to the agreement being described. */
  agreement?: { parties: string[]; age: number } | undefined
  /** The speaker of a quotation that is still open at the end of the previous sentence. */
  quoteSpeaker?: string | undefined
  /** Whether a quotation is open at the end of the previous sentence. */
  inQuote: boolean
}

export const newDiscourse = (): Discourse => ({ recent: [], named: [], inQuote: false })

/** How many sentences a proposal or agreement stays the topic without being named again. */
const TOPIC_SPAN = 4

/** Subject pronouns and epithets that stand for one party. */
const PRONOUN = wordPattern(
  "(?:he|she|they)|the (?:country[’']s (?:top diplomat|leader|president)|official|minister|president|prime minister|envoy|leader|spokes(?:man|woman|person)|diplomat|administration|government|group|movement|militant group|terror group|organi[sz]ation|country)",
  'giu',
)
/** Plural epithets that stand for the last two parties. */
const BOTH = wordPattern(
  '(?:both|the two) (?:sides|leaders|parties|countries|governments|delegations|presidents|men|nations|teams|economies|heads of state)|the (?:leaders|countries|sides)|each side',
  'giu',
)
/**
 * "it" is read as a party only as the subject right after a reporting verb and its object: "Borvia said it
 * was ready", "Borvia told Arland it would wait".
 */
const IT_AFTER_REPORT = /^\s*(?:(?:the\s+)?\p{Lu}[\p{L}.’'-]*\s+){0,3}(?:that\s+)?it\b/u

/**
 * Mentions for the pronouns and epithets of `text`, resolved to parties: the nearest party named before
 * it in the sentence outside a prepositional phrase, else the most recent subject of the article. "Both
 * sides" gives one mention for each of the last two parties.
 */
export function pronounMentions(
  text: string,
  actors: Mention[],
  discourse: Discourse,
  isPrepositional: (m: Mention) => boolean,
  quoted: readonly [number, number][] = [],
): Mention[] {
  const out: Mention[] = []
  // A pronoun outside a quotation does not stand for a party named inside it ("“…,” the minister said").
  const span = (at: number) => quoted.findIndex(([a, b]) => a <= at && at < b)
  const resolve = (at: number) =>
    actors.filter((a) => a.end <= at && !isPrepositional(a) && span(a.start) === span(at)).pop()?.id ??
    discourse.recent[0]
  for (const m of text.matchAll(PRONOUN)) {
    if (actors.some((a) => a.start <= m.index && m.index < a.end)) continue
    // "said on Friday he …": a pronoun object ("told him") is not matched, only these subject forms.
    const id = resolve(m.index)
    if (id !== undefined) out.push({ id, start: m.index, end: m.index + m[0].length, pronoun: true })
  }
  for (const r of text.matchAll(REPORTING)) {
    const after = r.index + r[0].length
    const it = IT_AFTER_REPORT.exec(text.slice(after))
    if (it === null) continue
    const id = actors.filter((a) => a.end <= r.index && !isPrepositional(a)).pop()?.id
    const start = after + it[0].length - 2
    if (id !== undefined) out.push({ id, start, end: start + 2, pronoun: true })
  }
  REPORTING.lastIndex = 0
  for (const m of text.matchAll(BOTH)) {
    const [a, b] = discourse.named
    if (a === undefined || b === undefined) continue
    out.push({ id: b, start: m.index, end: m.index + m[0].length, pronoun: true, group: a })
  }
  return out
}

const OPENERS = '“"'
const CLOSERS = '”"'

/** Whether a quotation is open at the end of `text`, given whether one was open at its start. */
export function quoteOpenAfter(text: string, openBefore: boolean): boolean {
  let open = openBefore
  for (const ch of continuing(text, openBefore)) {
    if (ch === '"') open = !open
    else if (OPENERS.includes(ch)) open = true
    else if (CLOSERS.includes(ch)) open = false
  }
  return open
}

/**
 * `text` without the quotation mark that reopens a quotation still open: a quotation that runs over
 * paragraphs opens each of them again ("… interests.\n\n“We urge …”).
 */
function continuing(text: string, openBefore: boolean): string {
  return openBefore && /^\s*[“"]/.test(text) ? text.replace(/^\s*[“"]/, '') : text
}

/** The parts of `text` inside quotation marks, as [start, end) spans; `openBefore` opens the first. */
export function quotedSpans(text: string, openBefore: boolean): [number, number][] {
  const spans: [number, number][] = []
  const skip = text.length - continuing(text, openBefore).length
  let from = openBefore ? skip : -1
  for (let i = skip; i < text.length; i++) {
    const ch = text[i] ?? ''
    const opening = ch === '“' || (ch === '"' && from < 0)
    const closing = ch === '”' || (ch === '"' && from >= 0)
    if (opening && from < 0) from = i + 1
    else if (closing && from >= 0) {
      spans.push([from, i])
      from = -1
    }
  }
  if (from >= 0) spans.push([from, text.length])
  return spans
}

const PROPOSAL_NOUNS =
  'proposals?|plans?|offers?|framework|initiative|memorandum|document|draft|roadmap|blueprint|package|ceasefire plan|peace plan|counter-?proposal'
const AGREEMENT_NOUNS = 'deal|agreement|accord|truce deal|ceasefire deal|understanding'

/** A proposal named as a noun phrase: "a new proposal", "the 20-point plan", "its latest offer". */
export const PROPOSAL_PHRASE = new RegExp(
  `(?<![\\p{L}])(?:a|an|the|its|their|his|her|this|that|[\\p{L}.]+[’']s)\\s+(?:[\\p{L}\\d.-]+\\s+){0,3}?(?:${PROPOSAL_NOUNS})(?![\\p{L}])(?!\\s+to\\s)|(?<![\\p{L}])(?:a|an|the|its|their|his|her|this|that|[\\p{L}.]+[’']s)\\s+(?:[\\p{L}\\d.-]+\\s+){0,3}?(?:proposal|plan|offer)(?=\\s+to\\s)`,
  'giu',
)

/** Verbs by which a party makes a document its proposal: "presented", "sent", "handed over". */
export const DELIVERY = wordPattern(
  'present(?:s|ed|ing)?|deliver(?:s|ed|ing)?|sen[dt]s?|sending|submit(?:s|ted|ting)?|hand(?:s|ed|ing)? over|unveil(?:s|ed|ing)?|tabl(?:e|es|ed|ing)|put(?:s)? forward|announc(?:e|es|ed|ing)|outlin(?:e|es|ed|ing)|laid out|lay(?:s)? out|drew up|drawn up|circulat(?:e|es|ed|ing)',
)

/** What a sentence that describes terms starts with. */
const TERMS_OPENER = new RegExp(
  [
    `^(?:under|as part of|according to|in) (?:the|this|that|its|their|his|her) (?:[\\p{L}\\d-]+ ){0,3}?(?<noun>${PROPOSAL_NOUNS}|${AGREEMENT_NOUNS}|terms)\\b`,
    `^(?:the|this|that|its|their|his|her) (?:[\\p{L}\\d-]+ ){0,3}?(?<noun2>${PROPOSAL_NOUNS}|${AGREEMENT_NOUNS}|terms|text)\\s+(?:also\\s+)?(?:calls? for|includes?|would|will|seeks?|envisages?|provides? for|offers?|proposes?|contains?|sets? out|requires?|stipulates?|foresees?|outlines?|involves?)\\b`,
    `^(?:it|they)\\s+(?:also\\s+)?(?:calls? for|includes?|seeks?|envisages?|provides? for|offers?|proposes?|contains?|sets? out|requires?|stipulates?|foresees?|outlines?)\\b`,
    '^(?:the |its )?(?:key |main )?terms (?:include|are|call for)\\b',
  ].join('|'),
  'iu',
)

/** How a sentence reads against the proposal or agreement in view: its terms, or neither. */
export function termsOf(
  text: string,
  discourse: Discourse,
): { owners: string[]; act: 'propose' | 'accept' } | undefined {
  const m = TERMS_OPENER.exec(text.trimStart().replace(/^[“"]/, ''))
  if (m === null) return undefined
  const noun = (m.groups?.noun ?? m.groups?.noun2 ?? '').toLowerCase()
  const agreementNoun = new RegExp(`^(?:${AGREEMENT_NOUNS})$`, 'i').test(noun)
  if (agreementNoun && discourse.agreement !== undefined)
    return { owners: discourse.agreement.parties, act: 'accept' }
  if (discourse.proposal !== undefined && (!agreementNoun || discourse.agreement === undefined))
    return { owners: discourse.proposal.owners, act: 'propose' }
  return undefined
}

/** A sentence later: topics age and lapse after TOPIC_SPAN sentences without being named. */
export function ageDiscourse(d: Discourse): void {
  if (d.proposal !== undefined && ++d.proposal.age > TOPIC_SPAN) d.proposal = undefined
  if (d.agreement !== undefined && ++d.agreement.age > TOPIC_SPAN) d.agreement = undefined
}

/** Puts `ids` first in the list of recent subjects, and `named` first in the list of parties named. */
export function noteSubjects(d: Discourse, ids: readonly string[], named: readonly string[] = []): void {
  const front = (list: string[], first: readonly string[]) => [...new Set([...first, ...list])].slice(0, 6)
  d.recent = front(d.recent, ids)
  d.named = front(d.named, [...new Set([...ids, ...named])])
}

/** The lexical patterns of this file by name, for the audit of rules (`rules.ts`). */
export const READING_RULES: readonly { name: string; re: RegExp }[] = [
  { name: 'pronoun or epithet', re: PRONOUN },
  { name: 'both parties', re: BOTH },
  { name: 'delivery verb', re: DELIVERY },
  { name: 'proposal phrase', re: PROPOSAL_PHRASE },
  { name: 'terms opener', re: TERMS_OPENER },
]
