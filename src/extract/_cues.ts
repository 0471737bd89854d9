// Cue patterns of the lexicon extractor: general English of diplomatic reporting, not of one case.
// Each act follows the definitions of the extraction vocabulary (demand, propose, accept, reject,
// condition) and the annotation guidelines' lists of verbs and markers.
import type { Act } from '../core/index.ts'
import type { TaggedWord } from './sentences.ts'
import { wordPattern } from './words.ts'

export interface Cue {
  act: Exclude<Act, 'condition'>
  /** A verb or modal (the actor is its subject) or a noun (the actor is its possessor or its "from" phrase). */
  form: 'verb' | 'modal' | 'noun'
  /** A verb that takes a complement ("insisted that …", "urged X to …"): cues inside it are its content. */
  matrix: boolean
  /** An agreement verb ("signed a deal with B"): the parties on both sides accept. */
  joint?: boolean
  /** A complaint about a document ("the proposal lacks …"): a claim only with a speaker who reports it. */
  needsSpeaker?: boolean
  /** A move about the talks themselves ("ready to begin talks on the ceasefire"): its issue is the talks. */
  talksOnly?: boolean
  start: number
  end: number
}

const w = (s: string) => wordPattern(s)

interface VerbCue {
  act: Cue['act']
  re: RegExp
  matrix: boolean
  form?: Cue['form']
  joint?: boolean
  needsSpeaker?: boolean
  talksOnly?: boolean
  /** Read even after a determiner ("its readiness to begin talks"). */
  afterDeterminer?: boolean
}

const VERBS: VerbCue[] = [
  // A joint agreement: "A signed a deal with B", "A and B reached an agreement on …" (guidelines, section 4:
  // each party to a joint agreement gets its own accept).
  {
    act: 'accept',
    matrix: true,
    joint: true,
    afterDeterminer: true,
    re: w(
      '(?:reached|signed|struck|concluded|sealed|confirmed|finali[sz]ed|clinched|approved|agreed on|hashed out|worked out) (?:a|an|the|their|its) (?:[\\p{L}\\d“”"-]+ ){0,3}?(?:agreement|deal|accord|understanding|consensus|framework)',
    ),
  },
  // "… with an agreement to lower tariffs", "an agreement has been reached between A and B".
  {
    act: 'accept',
    matrix: true,
    joint: true,
    afterDeterminer: true,
    re: w(
      '(?:with|in) (?:a|an) (?:[\\p{L}\\d-]+ ){0,2}?(?:agreement|deal|accord)(?= (?:to|on) )|(?:agreement|deal|accord|consensus) (?:(?:has|had|have) been|was|were|is) (?:reached|struck|signed|concluded|agreed)',
    ),
  },
  // A commitment to a concession: "Arland will lift its duties", "promised to ease the blockade".
  {
    act: 'accept',
    matrix: true,
    re: w(
      '(?:will|shall|is to|are to|promis(?:e|es|ed|ing) to)(?: also| temporarily| further| now)? (?:lower|pause|lift|remove|reduce|roll back|ease|drop|scrap|resume|extend|release|free|withdraw)(?! (?:from )?(?:the |its |their |all )?(?:mediation|participation|talks|negotiations|dialogue))',
    ),
  },
  // Willingness to talk accepts the talks ("ready to begin talks"), before willingness in general.
  {
    act: 'accept',
    matrix: true,
    afterDeterminer: true,
    talksOnly: true,
    re: w(
      '(?:(?:is|are|was|were|remains?|remained|be|been) (?:now |also |still )?)?(?:ready|willing|prepared|open|readiness|willingness) to (?:begin|enter|start|resume|hold|join|continue|return to|restart)(?= (?:\\S+ ){0,3}?(?:talks|negotiations|discussions|dialogue))',
    ),
  },
  // "Negotiations will continue" (guidelines: saying negotiations will continue is an accept of them).
  {
    act: 'accept',
    matrix: false,
    form: 'modal',
    talksOnly: true,
    re: w(
      '(?:will|would)(?<=(?:talks|negotiations|discussions|dialogue|contacts)\\s(?:will|would)) (?:continue|resume|go on)',
    ),
  },
  // Complaining that a document lacks something demands it: "said the plan fails to include X".
  {
    act: 'demand',
    matrix: true,
    needsSpeaker: true,
    re: w(
      'lack(?:s|ed)|fail(?:s|ed)? to (?:include|mention|address|guarantee|provide for|meet)|(?:does|did|do) not (?:even )?(?:include|mention|address|guarantee|provide for|meet)',
    ),
  },
  // "X is a priority": a demand for X.
  {
    act: 'demand',
    matrix: false,
    re: w(
      '(?:is|was|are|were|remains?|remained) (?:a|the|our|its|their) (?:top |key |main |first |highest |absolute )?priority',
    ),
  },
  // Leaving the table rejects the talks: "suspended its mediation".
  {
    act: 'reject',
    matrix: false,
    talksOnly: true,
    re: w(
      '(?:suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|walk(?:s|ed)? out of|broke off|break(?:s)? off|pull(?:s|ed)? out of|withdr(?:aw|aws|ew|awn) from)(?= (?:its |their |the |all )?(?:\\S+ )?(?:mediation|participation|talks|negotiations|dialogue))',
    ),
  },
  {
    act: 'demand',
    matrix: true,
    re: w(
      'want(?:s|ed)?|demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)? for|call(?:s|ed|ing)? on|press(?:es|ed|ing)? for|push(?:es|ed|ing)? for|requir(?:e|es|ed|ing)|ask(?:s|ed|ing)? for|seek(?:s|ing)?|sought',
    ),
  },
  {
    act: 'demand',
    matrix: false,
    form: 'modal',
    re: w('must|should|ha(?:ve|s|d) to|need(?:s|ed)? to|would need to'),
  },
  {
    act: 'propose',
    matrix: true,
    re: w(
      'propos(?:e|es|ed|ing)|suggest(?:s|ed|ing)|offer(?:s|ed|ing)?|put(?:s|ting)? forward|float(?:s|ed|ing)|draft(?:s|ed|ing)|signall?(?:s|ed|ing)? that',
    ),
  },
  // Signalling willingness is a proposal (guidelines, section 4): "Moscow was ready to discuss a maritime truce".
  {
    act: 'propose',
    matrix: true,
    re: w(
      '(?:is|are|was|were|remains?|remained|be|been) (?:now |also |still )?(?:ready|willing|prepared|open) to',
    ),
  },
  {
    act: 'accept',
    matrix: true,
    re: w(
      'agree(?:s|d|ing)?|accept(?:s|ed|ing)?|approv(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|commit(?:s|ted|ting)? to|pledg(?:e|es|ed|ing)|endors(?:e|es|ed|ing)|sign(?:s|ed|ing)? (?:on to|up to)',
    ),
  },
  {
    act: 'reject',
    matrix: true,
    re: w(
      "reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|rul(?:e|es|ed|ing) out|dismiss(?:es|ed|ing)?|oppos(?:e|es|ed|ing)|(?:will not|won[’']t|would not)(?! (?:say|comment|confirm|disclose|elaborate|specify|discuss whether|last|hold|work|succeed|be easy)\\b)|cannot accept|can[’']t accept|(?:will|would|could) never|never (?:accept|agree|recogni[sz]e|cede|give up)",
    ),
  },
]

/** Nouns that carry an act when a party owns them: "the U.S. proposal", "demands from Kyiv", "Ukraine's agreement". */
const NOUNS: { act: Cue['act']; re: RegExp }[] = [
  { act: 'propose', re: w('proposals?|plan|offer|initiative') },
  { act: 'demand', re: w('demands?|calls? for') },
  { act: 'accept', re: w('agreement|acceptance|consent|approval') },
  { act: 'reject', re: w('refusal|rejection') },
]

/** Verbs that report what a party said: in the complement, the claim is the reporter's. */
// Case-sensitive, and without words that are mostly nouns ("states", "claims", "notes"), so that "the United
// States" or "these claims" is not read as a reporting verb.
export const REPORTING = wordPattern(
  'Says|Said|Warns|Tells|said|says|say|stated|announced|announces|confirmed|confirms|indicated|indicates|emphasi[sz](?:e|ed|es|ing)|stress(?:ed|es|ing)?|note|noted|warn|argue|added|warned|warns|told|tells|made (?:it )?clear|argued|argues|arguing|claimed|declared|declares|reiterated|reiterates|maintains|maintained|question(?:s|ed)? whether|fear(?:s|ed)? that|believes?|believed|worr(?:y|ies|ied) that',
  'gu',
)

/** Hedges kept on a claim or event. */
export const HEDGE = w(
  'alleged(?:ly)?|reportedly|purportedly|claimed|unconfirmed|according to (?:sources|reports|media)',
)

/** Clause boundaries that a subject is not looked for across. */
export const HARD_BOUNDARY = /;|\bbut\b|\bwhereas\b/gi

/** People and bodies whose statements are not a party's claims (guidelines, section 3). */
export const NON_ACTORS = w(
  'analysts?|critics?|observers?|experts?|commentators?|sources|diplomats|officials familiar|others|some|many|the journalist',
)

/**
 * The act cues of `sentence`. With part-of-speech `tags` (sentences.ts), a verb that follows its noun
 * subject is read as a verb even after a determiner ("the countries struck a deal").
 */
export function findCues(sentence: string, tags?: readonly TaggedWord[]): Cue[] {
  const cues: Cue[] = []
  for (const { act, re, matrix, form, joint, needsSpeaker, talksOnly, afterDeterminer } of VERBS) {
    for (const m of sentence.matchAll(re)) {
      // "the central demands", "a proposed deal": after a determiner the word is a noun or an adjective.
      if (
        form !== 'modal' &&
        !afterDeterminer &&
        nounAfterDeterminer(sentence, m.index, m[0]) &&
        !verbAfterSubject(tags, m.index)
      )
        continue
      cues.push({
        act,
        form: form ?? 'verb',
        matrix,
        start: m.index,
        end: m.index + m[0].length,
        ...(joint ? { joint } : {}),
        ...(needsSpeaker ? { needsSpeaker } : {}),
        ...(talksOnly ? { talksOnly } : {}),
      })
    }
  }
  for (const { act, re } of NOUNS) {
    for (const m of sentence.matchAll(re))
      cues.push({ act, form: 'noun', matrix: false, start: m.index, end: m.index + m[0].length })
  }
  // A shorter cue inside a longer one ("agree" in "agreement" cannot happen with word boundaries, but
  // "call for" as noun and verb can): keep one per span, verbs first.
  cues.sort((a, b) => a.start - b.start || b.end - a.end || rank(a) - rank(b))
  const kept: Cue[] = []
  for (const cue of cues) {
    const last = kept[kept.length - 1]
    if (last !== undefined && cue.start < last.end) continue
    kept.push(cue)
  }
  return kept
}

/** Whether the word at `at` is tagged a verb and the word before it a noun or a pronoun: its subject. */
function verbAfterSubject(tags: readonly TaggedWord[] | undefined, at: number): boolean {
  if (tags === undefined) return false
  const i = tags.findIndex((t) => t.start === at)
  return i > 0 && tags[i]?.pos === 'VERB' && /^(?:NOUN|PROPN|PRON)$/.test(tags[i - 1]?.pos ?? '')
}

const DETERMINER_BEFORE =
  /\b(?:the|a|an|its|their|his|her|these|those|such|our|any|no)\s+(?<word>[\p{L}-]+\s+)?$/iu

/**
 * Whether a verb cue is a noun or an adjective here: right after a determiner ("the demands", "a proposed
 * deal"), or after a determiner and one modifier ("the central demands", "the newly proposed plan"). A past
 * tense after a determiner and a noun is a verb ("the government refused"), and so is a cue that starts
 * with an auxiliary ("the group was ready to").
 */
function nounAfterDeterminer(sentence: string, at: number, cue: string): boolean {
  const m = DETERMINER_BEFORE.exec(sentence.slice(Math.max(0, at - 30), at))
  if (m === null) return false
  if (/^(?:is|are|was|were|has|have|had|will|would|remains?|remained|be|been)\b/i.test(cue)) return false
  const word = m.groups?.word?.trim()
  if (word === undefined) return true
  return !/ed$/i.test(cue.split(/\s/)[0] ?? '') || /ly$/i.test(word)
}

const rank = (c: Cue) => (c.form === 'verb' ? 0 : c.form === 'modal' ? 1 : 2)

/**
 * Condition markers (guidelines, section 4: "X only if, after or before Y", "a prerequisite for",
 * "contingent on", "before … can be considered"). `held` says on which side of the marker the
 * held-back issue X stands; the required issue Y stands on the other.
 */
export interface ConditionCue {
  start: number
  end: number
  held: 'before' | 'after' | 'context'
  /** "on the condition that …" on the same issue is reciprocity, not a condition. */
  reciprocityPossible: boolean
}

const CONDITIONS: { re: RegExp; held: ConditionCue['held']; reciprocity?: boolean }[] = [
  {
    re: w(
      'only (?!(?:\\w+ )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) )(?:\\w+ ){0,4}?(?:after|if|once|when|as part of|in exchange for|in return for)|not (?:\\w+ ){0,3}?(?:before|until)|until|unless|provided that|as long as',
    ),
    held: 'before',
  },
  { re: w('on (?:the )?condition that'), held: 'before', reciprocity: true },
  // "B must drop X if it wants Y": Y is held back until X.
  {
    re: w('if (?:\\S+ ){1,3}?(?:wants?|is to|are to|hopes? to|wishes? to|seeks?)'),
    held: 'after',
  },
  // "will not allow X without Y", "won't sign X without Y": a refusal until Y comes first.
  {
    // The look-behind follows the word, so that it runs only where "without" is.
    re: w("without(?<=(?:\\bnot|\\bnever|\\bcannot|n[’']t)\\s+(?:\\S+\\s+){1,8}?without)"),
    held: 'before',
  },
  {
    re: w('(?:a |the )?(?:(?:pre-?requisite|precondition|pre-condition) (?:for|to|of)|condition (?:for|to))'),
    held: 'after',
  },
  {
    re: w(
      'before(?= (?:\\w+ ){1,5}?(?:can|could|would|will) be (?:considered|discussed|agreed|signed|reached|negotiated))',
    ),
    held: 'after',
  },
  // "must cede nothing before a truce": only where the clause holds something back, not "left before a truce".
  {
    re: w(
      "before(?= (?:any|a|an) )(?<=\\b(?:must|should|will not|would not|won[’']t|cannot|refus\\w*|reject\\w*|no|never|insist\\w*|demand\\w*)\\b[^,;]{0,80}before)",
    ),
    held: 'after',
  },
  {
    re: w('contingent (?:on|upon)|conditional (?:on|upon)|conditioned (?:on|upon)|dependent (?:on|upon)'),
    held: 'context',
  },
]

export function findConditionCues(sentence: string): ConditionCue[] {
  const found: ConditionCue[] = []
  for (const { re, held, reciprocity } of CONDITIONS) {
    for (const m of sentence.matchAll(re)) {
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        held,
        reciprocityPossible: reciprocity ?? false,
      })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

const NUMBER_WORDS: Record<string, number> = {
  thirty: 30,
  sixty: 60,
  ninety: 90,
  fifteen: 15,
  ten: 10,
  seven: 7,
  fourteen: 14,
}

const DURATION = wordPattern('(\\d{1,3}|thirty|sixty|ninety|fifteen|ten|seven|fourteen)[- ]days?', 'iu')

/** "at least 60 days", "a 30-day ceasefire", "sixty days" → the number of days. */
export function durationDays(text: string): number | undefined {
  const m = DURATION.exec(text)
  if (m === null) return undefined
  const n = m[1] ?? ''
  return /^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n.toLowerCase()]
}

/** Words that name the negotiation itself, the issue of a move about the talks. */
export const TALKS_WORDS =
  /^(?:talks|negotiations?|discussions?|dialogue|mediation|consultations?|contacts)$/i

/** The lexical patterns of this file by name, for the audit of rules (`rules.ts`). */
export const CUE_RULES: readonly { name: string; re: RegExp }[] = [
  ...VERBS.map((v, i) => ({ name: `verb ${v.act} #${i}`, re: v.re })),
  ...NOUNS.map((n, i) => ({ name: `noun ${n.act} #${i}`, re: n.re })),
  ...CONDITIONS.map((c, i) => ({ name: `condition #${i}`, re: c.re })),
  { name: 'reporting verb', re: REPORTING },
  { name: 'hedge', re: HEDGE },
  { name: 'non-actor', re: NON_ACTORS },
]
