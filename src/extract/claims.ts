// Claims from one sentence: who demanded, proposed, accepted, rejected or made conditional what.
// The rules read the sentence as a diplomatic report is written:
// - the actor of a verb is its subject, the nearest party named before it outside a prepositional
//   phrase; a passive's actor follows "by"; a noun cue's actor owns it ("the U.S. proposal",
//   "demands from Kyiv");
// - "According to X," and "For X," make X the speaker of the sentence;
// - in reported speech ("Russian officials stated that Ukraine would need to …") the claim is the
//   speaker's (vocabulary.json: attribution); a cue inside the complement of another act
//   ("insisted that Ukraine must … agree") is that act's content, not a second act;
// - a condition sentence gives only its condition claims (guidelines, section 4);
// - what a sentence owes to the ones before it (pronouns, quotations, a proposal's terms) is read by
//   _reading.ts;
// - doubt, possibility, plans, questions, "if" clauses, accusations and attempts are not acts.

import type { Claim } from '../core/index.ts'
import {
  type ConditionCue,
  type Cue,
  durationDays,
  findConditionCues,
  findCues,
  HARD_BOUNDARY,
  HEDGE,
  NON_ACTORS,
  REPORTING,
  TALKS_WORDS,
} from './_cues.ts'
import {
  ageDiscourse,
  DELIVERY,
  type Discourse,
  newDiscourse,
  noteSubjects,
  PROPOSAL_PHRASE,
  pronounMentions,
  quotedSpans,
  quoteOpenAfter,
  termsOf,
} from './_reading.ts'
import {
  actorMentions,
  type CompiledLexicon,
  coordinated,
  isPrepositional,
  issueMentions,
  type Mention,
} from './mentions.ts'
import { type Sentence, tagWords } from './sentences.ts'
import { negatedCue, negatedInClause } from './words.ts'

export interface SentenceContext {
  /** Issues named in the previous sentence, for anaphora ("These claims are rejected by Ukraine"). */
  previousIssues: string[]
  /** The held-back issue of the last condition, for "making its decision contingent on …". */
  lastConditionIssue?: { actor: string; issue: string } | undefined
  /** What the article has said so far: recent subjects, the proposal in view, an open quotation. */
  discourse?: Discourse
  /** The next sentence, where a quotation's speaker may be named ("…,” the minister said."). */
  next?: string | undefined
  /** The sentence's mentions, when the caller has found them already. */
  mentions?: { text: string; actors: Mention[]; issues: Mention[] } | undefined
}

interface Parsed {
  text: string
  actors: Mention[]
  issues: Mention[]
  speaker?: string | undefined
  hedge?: string | undefined
  /** Spans inside quotation marks, and who speaks them (undefined: not known). */
  quoted: [number, number][]
  quoteSpeaker?: string | undefined
}

/** Weapons named by a party's adjective ("an Arlandian strike") act, but they do not speak. */
const THINGS =
  /^[\s-]*(?:[\p{L}-]+[\s-]+){0,2}?(?:drones?|missiles?|strikes?|attacks?|artillery|shelling|bombardment)\b/iu

/** The parties, issues and speakers of one sentence, with pronouns and epithets resolved. */
export function readSentence(text: string, lex: CompiledLexicon, context: SentenceContext): Parsed {
  const discourse = context.discourse ?? newDiscourse()
  const known = context.mentions?.text === text ? context.mentions : undefined
  const issues = [...(known?.issues ?? issueMentions(text, lex))]
  // "its NATO ambitions": a party named inside an issue's phrase is the issue, not an actor.
  const named = (known?.actors ?? actorMentions(text, lex)).filter(
    (a) =>
      !issues.some((i) => !i.weak && i.start <= a.start && a.end <= i.end) &&
      !(a.adjective && THINGS.test(text.slice(a.end, a.end + 40))),
  )
  // "the Arland Aid Office": an issue term inside a party's name is the party.
  const ownIssues = issues.filter(
    (i) => !named.some((a) => !a.adjective && a.start <= i.start && i.end <= a.end),
  )
  issues.splice(0, issues.length, ...ownIssues)
  const quoted = quotedSpans(text, discourse.inQuote)
  const pronouns = pronounMentions(text, named, discourse, (m) => isPrepositional(text, m), quoted)
  const actors = [...named, ...pronouns].sort((a, b) => a.start - b.start)
  const p: Parsed = {
    text,
    actors,
    issues,
    speaker: attributionSpeaker(text, named),
    hedge: HEDGE.exec(text)?.[0]?.toLowerCase(),
    quoted,
  }
  HEDGE.lastIndex = 0
  if (quoted.length > 0) p.quoteSpeaker = quoteSpeaker(p, discourse, context.next, lex)
  return p
}

export function claimsInSentence(
  sentence: Sentence,
  lex: CompiledLexicon,
  context: SentenceContext,
): Claim[] {
  const discourse = context.discourse ?? newDiscourse()
  // A quotation left open closes at a paragraph break, unless the new paragraph opens with a quotation mark.
  if (sentence.paragraph && discourse.inQuote && !/^\s*[“"]/.test(sentence.text)) {
    discourse.inQuote = false
    discourse.quoteSpeaker = undefined
  }
  // Longer than any sentence: text that was never split (a table, a list run together) is not read.
  if (sentence.text.length > MAX_SENTENCE) return []
  const p = readSentence(sentence.text, lex, context)
  const proposals = proposalsOf(p)
  const claims = sentence.text
    .trimEnd()
    .replace(/[”"’']+$/, '')
    .endsWith('?')
    ? []
    : claimsOf(sentence, p, proposals, context, discourse)
  // What the next sentence may refer back to.
  ageDiscourse(discourse)
  const last = proposals[proposals.length - 1]
  if (last !== undefined) discourse.proposal = { owners: last.owners, age: 0 }
  else if (discourse.proposal && PROPOSAL_PHRASE.test(sentence.text)) discourse.proposal.age = 0
  PROPOSAL_PHRASE.lastIndex = 0
  const joint = claims.filter((c) => c.act === 'accept' && c.issue !== 'talks').map((c) => c.actor)
  if (new Set(joint).size >= 2) discourse.agreement = { parties: [...new Set(joint)], age: 0 }
  const subject = p.actors.find((a) => !isPrepositional(p.text, a) && !isModifier(p.text, a))
  noteSubjects(
    discourse,
    [...(subject ? [subject.id] : []), ...claims.map((c) => c.actor)],
    p.actors.filter((a) => !a.pronoun).map((a) => a.id),
  )
  const open = quoteOpenAfter(sentence.text, discourse.inQuote)
  discourse.quoteSpeaker = open
    ? (p.quoteSpeaker ?? (discourse.inQuote ? discourse.quoteSpeaker : undefined))
    : undefined
  discourse.inQuote = open
  return claims
}

/** The longest sentence read, in characters: the rules' cost grows faster than the length. */
export const MAX_SENTENCE = 2000

type Proposal = { owners: string[]; start: number; phraseEnd: number; end: number }

function claimsOf(
  sentence: Sentence,
  p: Parsed,
  proposals: Proposal[],
  context: SentenceContext,
  discourse: Discourse,
): Claim[] {
  const text = sentence.text
  if (p.issues.length === 0 || nonPartySource(text)) return []
  const claims: Claim[] = []
  const base = {
    quote: text,
    start: sentence.start,
    end: sentence.start + text.length,
    ...(p.hedge ? { hedge: p.hedge } : {}),
  }
  const add = (c: Omit<Claim, 'quote' | 'start' | 'end'>) => {
    if (
      !claims.some(
        (x) =>
          x.actor === c.actor &&
          x.act === c.act &&
          x.issue === c.issue &&
          x.condition_issue === c.condition_issue,
      )
    ) {
      claims.push({ ...c, ...base })
    }
  }

  // A sentence that sets out the terms of the proposal or agreement in view is its owners' act, unless its
  // opening names another party's proposal ("The Borvian counter-proposal would …").
  const opener = p.actors.find((a) => !a.pronoun && a.start < 40 && proposals.some((x) => x.start <= a.start))
  const terms = opener === undefined ? termsOf(text, discourse) : undefined
  if (terms !== undefined) {
    for (const c of termClaims(p, terms)) add(c)
    return claims
  }
  if (p.actors.length === 0) return []

  const conditionCues = findConditionCues(text)
  const conditionActors = new Set<string>()
  const cues = modalContentDropped(text, findCues(text, tagWords(text)))
  // The terms of a proposal are its owner's, not acts of the parties they name.
  const inTerms = (at: number) => proposals.some((x) => x.phraseEnd <= at && at < x.end)
  for (const cc of conditionCues) {
    if (notAnAct(p, cc.start) || inTerms(cc.start)) continue
    for (const c of conditionClaims(p, cc, cues, context)) {
      add(c)
      conditionActors.add(c.actor)
      context.lastConditionIssue = { actor: c.actor, issue: c.issue }
    }
  }

  for (const cue of cues) {
    if (conditionCues.some((cc) => overlaps(cc, cue))) continue
    if (notAnAct(p, cue.start) || reducedRelative(text, cue, p.issues) || inTerms(cue.start)) continue
    if (
      cue.form === 'noun' &&
      cue.act === 'propose' &&
      BACKGROUND_PLAN.test(text.slice(Math.max(0, cue.start - 50), cue.start))
    )
      continue
    const matrix = cue.form === 'noun' ? undefined : governingMatrix(text, cues, cue)
    // Content of another act ("insisted that Ukraine must … agree") is no second act; but a rejection
    // signalled ("signalled that it would reject …") is the rejection, not an offer.
    if (matrix?.kind === 'act' && !(matrix.cue.act === 'propose' && cue.act === 'reject')) continue
    if (cue.needsSpeaker && matrix?.kind !== 'report' && p.speaker === undefined) continue
    const parties = cue.joint ? betweenParties(p, cue) : []
    // A signal whose content is a rejection is that rejection.
    if (
      cue.act === 'propose' &&
      cue.matrix &&
      cues.some((c) => c.act === 'reject' && c.start > cue.end && !/[,;]/.test(text.slice(cue.end, c.start)))
    )
      continue
    const actor = parties[0] ?? actorOf(p, cue, matrix?.kind === 'act' ? undefined : matrix)
    if (actor === undefined) continue
    let act = cue.act
    // "offered no concessions", "accepted nothing": the object negates the act.
    if ((act === 'propose' || act === 'accept') && /^\s+(?:no|nothing)\b/i.test(text.slice(cue.end))) continue
    if (negatedCue(text, cue.start)) {
      if (act === 'accept' || act === 'propose') act = 'reject'
      else continue
    }
    // "ready to free the hostages under the plan": willingness to carry out another's plan accepts it.
    if (
      act === 'propose' &&
      cue.matrix &&
      UNDER_A_PLAN.test(text.slice(cue.end, boundaryAfter(text, cue.end) + 1))
    )
      act = 'accept'
    // "pledged aid if the plan is accepted": a promise on a condition is an offer.
    if (act === 'accept' && /\bif\b/i.test(text.slice(cue.end, boundaryAfter(text, cue.end) + 60)))
      act = 'propose'
    // A condition sentence gives only its condition claims (guidelines, section 4).
    if (conditionActors.has(actor)) continue
    let issues = issuesOf(p, cue, cues, context)
    if (cue.talksOnly) {
      const talks = p.issues.filter((m) => TALKS_WORDS.test(p.text.slice(m.start, m.end))).map((m) => m.id)
      issues = talks.length > 0 ? [...new Set(talks)] : issues.filter((i) => talks.includes(i))
    }
    const who =
      parties.length >= 2 ? parties : cue.form === 'noun' ? [actor] : actingWith(p, actor, cue, matrix)
    for (const actor of who) {
      for (const issue of issues) add({ actor, act, issue })
    }
  }
  for (const c of proposalClaims(p, proposals)) add(c)
  return claims
}

/**
 * The cues of a sentence without those that are a modal's content: "Borvia should accept the truce" (a
 * verb right after the modal), "must be approved by its citizens" (a passive in its complement).
 */
function modalContentDropped(text: string, cues: Cue[]): Cue[] {
  const modals = cues.filter((m) => m.form === 'modal' && m.act === 'demand')
  return cues.filter(
    (c) =>
      c.form !== 'verb' ||
      !(
        modals.some((m) => m.end <= c.start && /^\s+(?:\S+\s+)?$/.test(text.slice(m.end, c.start))) ||
        PASSIVE_AFTER_MODAL.test(text.slice(Math.max(0, c.start - 40), c.start))
      ),
  )
}

const PASSIVE_AFTER_MODAL =
  /\b(?:must|should|has to|have to|needs? to|would need to|will have to)\s+(?:\p{L}+ly\s+)?be\s+(?:\p{L}+ly\s+)?$/u

/** "in the first phase of X's initiative", "under the plan": a plan named as the background of the sentence. */
const BACKGROUND_PLAN = /\b(?:of|under|in|within)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}.’'-]+\s+){0,3}$/iu

const UNDER_A_PLAN =
  /\bunder (?:a|the|its|their|this|that|[\p{L}.]+[’']s) (?:[\p{L}\d.-]+ ){0,3}?(?:deal|plan|proposal|agreement|framework|initiative)\b/iu

/** Words before `at`, in its clause, that make what follows no act: doubt, plans, "if", accusations. */
const NOT_AN_ACT = new RegExp(
  [
    // Accusations by others, and attempts on another party ("in a bid to pressure B to agree").
    '\\baccus\\w*\\b.*$',
    '\\b(?:in a bid|in an (?:attempt|effort)|trying|tried|seeking|sought|aim(?:s|ed|ing)?) to\\b[^;]*$',
    '\\bpressur\\w*\\s+(?:\\S+\\s+){1,4}?to\\s+(?:\\S+\\s+)?$',
    // Questions, doubt and information that is missing: "whether B has accepted".
    '\\b(?:whether|if|unless|doubt\\w*|no information|unclear|uncertain)\\b[^,;]*$',
    // Possibility, expectation and plans: "may accept", "is expected to agree", "plans to propose".
    '\\b(?:may(?!\\s+\\d)(?<!(?:\\b(?:in|on|since|by|until|of|early|late|mid)|\\d)\\s+may)|might|could|would likely|(?:un)?likely to|expected to|expects? to|plans? to|planning to|intends? to|hopes? to|set to)\\s+(?:\\S+\\s+){0,2}$',
  ].join('|'),
  'iu',
)

function notAnAct(p: Parsed, at: number): boolean {
  const clauseStart = lastBoundaryBefore(p.text, at)
  return NOT_AN_ACT.test(p.text.slice(clauseStart, at))
}

/**
 * "a deal proposed by B", "the truce agreed in March": a participle after a noun names the thing, it does
 * not report an act.
 */
function reducedRelative(text: string, cue: Cue, issues: Mention[] = []): boolean {
  if (cue.form !== 'verb') return false
  const afterIssue = issues.some((m) => /^\s+$/.test(text.slice(m.end, cue.start)))
  if (
    afterIssue &&
    /ed$/.test(text.slice(cue.start, cue.end)) &&
    /^\s+(?:in|on|at|last|earlier|with|between|by)\b/.test(text.slice(cue.end))
  )
    return true
  if (!/^\s+by\s/.test(text.slice(cue.end))) return false
  return !/\b(?:is|are|was|were|been|be|being|has|have|had)\s+(?:\p{L}+ly\s+)?$/u.test(
    text.slice(Math.max(0, cue.start - 30), cue.start),
  )
}

/** The parties that act with `actor`: "A and B agreed", "both sides", and the partner of a joint agreement. */
function actingWith(p: Parsed, actor: string, cue: Cue, matrix: Matrix | undefined): string[] {
  const at = matrix?.kind === 'report' ? matrix.start : cue.start
  const subject = p.actors.filter((a) => a.end <= at && a.id === actor).pop()
  const out = [actor, ...(subject?.group !== undefined ? [subject.group] : [])]
  out.push(...coordinatedSubjects(p, actor, at))
  if (cue.joint) {
    const partner = /^\s+with\s+/.exec(p.text.slice(cue.end))
    if (partner !== null) {
      const from = cue.end + partner[0].length
      const named = p.actors.find((a) => a.start >= from && a.start <= from + 60)
      if (named !== undefined) out.push(named.id)
    }
  }
  return [...new Set(out)]
}

/** "an agreement was reached between A and B", "announced a deal between A and B": the parties named. */
function betweenParties(p: Parsed, cue: Cue): string[] {
  const between = /^\s+between\s+[^,;]{3,80}/.exec(p.text.slice(cue.end))
  if (between === null) return []
  const to = cue.end + between[0].length
  const named = [...new Set(p.actors.filter((a) => a.start >= cue.end && a.end <= to).map((a) => a.id))]
  return named.length >= 2 ? named : []
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

/** "According to Kyiv, …", "For Ukraine, …", or a closing ", X said." */
function attributionSpeaker(text: string, actors: Mention[]): string | undefined {
  // One party as the source: "According to Castia, …", "…, according to Borvia's chief negotiator.", "…, Holt
  // said." Several parties as sources ("according to Arlandian and Borvian officials") leave the claim to its
  // subject.
  const frames = [
    /^(?:according to|for|in the view of|as far as)\s+([^,]{1,60}),/i,
    /,\s*according to\s+([^,]{1,60})\.?[”"]?$/i,
    /,\s*([^,]{1,60})\s+(?:said|says|told reporters|added)(?:\s+(?:on|in|late|early|last)\s+[\p{L}\d ]{1,30}?)?\.?[”"]?$/iu,
  ]
  for (const frame of frames) {
    const m = frame.exec(text)
    if (m === null) continue
    const from = m.index
    const to = from + m[0].length
    const sources = new Set(actors.filter((a) => a.start >= from && a.end <= to).map((a) => a.id))
    if (sources.size === 1) return [...sources][0]
  }
  return undefined
}

/** "…, analysts said.", "According to observers, …": a reading by non-parties, which gives no claim. */
function nonPartySource(text: string): boolean {
  return /^(?:according to|in the view of)\s+(?:some\s+|many\s+|western\s+|independent\s+)?(?:analysts|observers|experts|critics|commentators)\b|,\s*(?:according to\s+)?(?:some\s+|many\s+|western\s+|independent\s+)?(?:analysts|observers|experts|critics|commentators)(?:\s+(?:said|say|believe|noted|argued))?\.?[”"]?$/i.test(
    text,
  )
}

type Matrix = { kind: 'act'; cue: Cue } | { kind: 'report'; start: number; end: number }

/** The reporting verb or act that `cue` is the content of, if any: the nearest one before it in its clause. */
function governingMatrix(text: string, cues: Cue[], cue: Cue, outermost = false): Matrix | undefined {
  const clauseStart = lastBoundaryBefore(text, cue.start)
  let best: Matrix | undefined
  let bestEnd = -1
  for (const other of cues) {
    if (other === cue || !other.matrix || other.end > cue.start || other.start < clauseStart) continue
    // The complement must follow: "insisted that …", "urged Putin to …", "agreed to …"; it does not run past a comma or dash.
    if (!inComplement(text, other, cue)) continue
    if (outermost ? best === undefined || other.end < bestEnd : other.end > bestEnd) {
      best = { kind: 'act', cue: other }
      bestEnd = other.end
    }
  }
  for (const m of text.slice(clauseStart, cue.start).matchAll(REPORTING)) {
    const end = clauseStart + m.index + m[0].length
    if (/[,–—]/.test(text.slice(end, cue.start).replace(/^\s*that\b/, ''))) continue
    if (end > bestEnd) {
      best = { kind: 'report', start: clauseStart + m.index, end }
      bestEnd = end
    }
  }
  REPORTING.lastIndex = 0
  return best
}

/** Whether `inner` stands in the complement of the matrix cue `outer`: "insisted that … must", "urged X to accept". */
function inComplement(text: string, outer: Cue, inner: Cue): boolean {
  const between = text.slice(outer.end, inner.start)
  return !/[,–—;]/.test(between) && (/\b(that|to)\b/.test(between) || inner.form === 'modal')
}

function lastBoundaryBefore(text: string, at: number): number {
  let start = 0
  for (const m of text.slice(0, at).matchAll(HARD_BOUNDARY)) start = m.index + m[0].length
  return start
}

/** The party that performs the act of `cue`. */
function actorOf(p: Parsed, cue: Cue, matrix: Matrix | undefined): string | undefined {
  const { text, actors } = p
  // Inside a quotation the speaker acts, unless a party named in the quotation is the verb's subject.
  if (inQuote(p, cue.start)) {
    const span = p.quoted.find(([a, b]) => a <= cue.start && cue.start <= b)
    const own =
      cue.form === 'verb' && span ? subjectBefore(p, cue.start, span[0], { named: true }) : undefined
    return own ?? p.quoteSpeaker
  }
  // Passive: "rejected by Ukraine".
  const by = /^\s+by\s+/.exec(text.slice(cue.end))
  if (by && cue.form === 'verb') {
    const m = actors.find((a) => a.start >= cue.end && a.start <= cue.end + by[0].length + 30)
    if (m) return m.id
  }
  if (cue.form === 'noun') return nounOwner(p, cue)
  // "Borvia has rejected the truce, Holt said": a verb's own subject acts; the frame's speaker takes the
  // modals, the nouns and the verbs without a subject of their own.
  if (p.speaker !== undefined)
    return (cue.form === 'verb' ? subjectBefore(p, cue.start) : undefined) ?? p.speaker
  if (matrix?.kind === 'report') {
    // "the Kremlin said that Putin had agreed": a verb's own subject in the complement acts; a modal's
    // content ("Kyiv said Moscow must …") is the reporter's demand.
    // "Analysts said Borvia would accept": a non-party's reading is no party's claim.
    if (reporterIsNoParty(p, matrix.start)) return undefined
    const own = cue.form === 'verb' ? subjectBefore(p, cue.start, matrix.end) : undefined
    return own ?? subjectBefore(p, matrix.start)
  }
  return subjectBefore(p, cue.start)
}

/** The party that owns a noun cue: "the U.S. proposal", "Kyiv’s demands", "demands from Kyiv", "its approval". */
function nounOwner(p: Parsed, cue: Cue): string | undefined {
  const { text, actors } = p
  const before = text.slice(Math.max(0, cue.start - 45), cue.start)
  const owner = actors.filter((a) => !a.pronoun && a.end <= cue.start && a.end >= cue.start - 45).pop()
  if (
    owner &&
    /^[’'s\s-]*(?:backed\s+)?(?:[\p{L}-]+[’']?s?\s+){0,2}$/u.test(text.slice(owner.end, cue.start)) &&
    !/\b(?:the|a|an|this|that|any|its|their|\p{Ll}+ed)\b/u.test(text.slice(owner.end, cue.start)) &&
    !/\bby\s*$/.test(before)
  ) {
    return owner.id
  }
  // "demands from Kyiv", "a proposal by Russia".
  const from = /^\s+(?:from|by|of)\s+/.exec(text.slice(cue.end))
  if (from) {
    const m = actors.find((a) => a.start >= cue.end && a.start <= cue.end + from[0].length + 25)
    if (m) return m.id
  }
  // "Borvia signalled its readiness": a possessive pronoun owns for the clause's subject.
  if (/\b(?:its|their|his|her)\s+(?:[\p{L}-]+\s+)?$/iu.test(before)) return subjectBefore(p, cue.start)
  return undefined
}

function reporterIsNoParty(p: Parsed, reportAt: number): boolean {
  const clause = p.text.slice(lastBoundaryBefore(p.text, reportAt), reportAt)
  const last = [...clause.matchAll(NON_ACTORS)].pop()
  NON_ACTORS.lastIndex = 0
  if (last === undefined) return false
  const from = lastBoundaryBefore(p.text, reportAt) + last.index + last[0].length
  return !p.actors.some((a) => a.start >= from && a.end <= reportAt && !isPrepositional(p.text, a))
}

function inQuote(p: Parsed, at: number): boolean {
  return p.quoted.some(([a, b]) => a <= at && at < b)
}

/**
 * The subject of a verb at `at`: the nearest party before it in its clause (from `from` on) that is not
 * inside a prepositional phrase nor a possessive modifier. `named` leaves pronouns out.
 */
function subjectBefore(
  p: Parsed,
  at: number,
  from?: number,
  options: { named?: boolean } = {},
): string | undefined {
  let clauseStart = lastBoundaryBefore(p.text, at)
  // "Ukrainian leaders have welcomed … but have stressed that …": a clause that starts with its verb shares the subject.
  if (
    clauseStart > 0 &&
    /^\s*(?:have|has|had|is|are|was|were|will|would|also|then|did|does|do|\p{Ll}+ed|\p{Ll}+s)\b/u.test(
      p.text.slice(clauseStart),
    )
  ) {
    clauseStart = lastBoundaryBefore(p.text, clauseStart - 1)
  }
  if (from !== undefined) clauseStart = Math.max(clauseStart, from)
  const candidates = p.actors.filter(
    (a) =>
      a.end <= at &&
      a.start >= clauseStart &&
      !(options.named && a.pronoun) &&
      !isPrepositional(p.text, a) &&
      !isModifier(p.text, a) &&
      !(inQuote(p, a.start) && !inQuote(p, at)),
  )
  const subject = candidates.pop()
  if (subject === undefined) return undefined
  // "many analysts question whether Russia …": a non-party between the subject and its verb is the real subject.
  if (NON_ACTORS.test(p.text.slice(subject.end, at))) {
    NON_ACTORS.lastIndex = 0
    return undefined
  }
  NON_ACTORS.lastIndex = 0
  return subject.id
}

/** The other parties of a subject list "A, B and C" whose last member is `actor`. */
function coordinatedSubjects(p: Parsed, actor: string, at: number): string[] {
  const before = p.actors.filter((a) => a.end <= at && !isPrepositional(p.text, a))
  let last = before.pop()
  if (last?.id !== actor) return []
  const out: string[] = []
  for (let other = before.pop(); other !== undefined; other = before.pop()) {
    // "Borvian President Ivo Strand": one party named twice is one member of the list.
    if (other.id === last.id && /^[\s\p{L}.’'-]*$/u.test(p.text.slice(other.end, last.start))) {
      last = other
      continue
    }
    if (!coordinated(p.text, other, last)) break
    if (other.id !== actor) out.push(other.id)
    last = other
  }
  return out
}

/** "Trump’s Ukraine peace plan": a party named inside another's possessive phrase is not a subject. */
export function isModifier(text: string, m: Mention): boolean {
  return /[’']s\s+$/.test(text.slice(Math.max(0, m.start - 4), m.start))
}

const MODAL_ANAPHORA =
  /^\s*(?:it|this|that|these|those|such|the (?:proposal|plan|offer|idea|claims?|demands?|terms))\b/i

/** The issues an act is about: named in its scope, else before a modal, else in the sentence, else by anaphora. */
function issuesOf(p: Parsed, cue: Cue, cues: Cue[], context: SentenceContext): string[] {
  // A matrix verb's scope runs over its complement, including the cues inside it ("suggested that … should …").
  const next = cues.find(
    (c) => c.start >= cue.end && c.form !== 'noun' && !(cue.matrix && inComplement(p.text, cue, c)),
  )
  const scopeEnd = Math.min(next?.start ?? p.text.length, boundaryAfter(p.text, cue.end))
  const pick = (ms: Mention[]) => {
    const strong = ms.filter((m) => !m.weak)
    return [...new Set((strong.length > 0 ? strong : ms).map((m) => m.id))]
  }
  if (cue.form === 'noun') {
    // "the U.S. ceasefire proposal", "a proposal for a 30-day halt on …", "demands from Kyiv is … guarantees".
    const ownPhrase = pick(
      p.issues.filter(
        (m) =>
          m.end <= cue.start &&
          m.start >= cue.start - 30 &&
          /^[\s\p{L}-]*$/u.test(p.text.slice(m.end, cue.start)),
      ),
    )
    if (ownPhrase.length > 0) return ownPhrase
    const complement = /^\s+(?:for|on|to|of|regarding|from \S+(?: \S+)? (?:is|was|are|were))\s/.exec(
      p.text.slice(cue.end),
    )
    if (complement === null) return []
    const end = Math.min(scopeEnd, cue.end + complement[0].length + 90)
    return pick(p.issues.filter((m) => m.start >= cue.end && m.end <= end)).filter(
      (id) => !p.issues.some((m) => m.id === id && m.weak),
    )
  }
  const scoped = p.issues.filter((m) => m.start >= cue.end && m.end <= scopeEnd && !situational(p.text, m))
  // The direct object comes first, even when it is named by a weak term ("agreed to further talks");
  // a purpose clause after it ("… to settle the quarrel over duties") is not the act's content.
  const object = scoped[0]
  if (object !== undefined && /^\s*(?:\S+\s+){0,2}$/.test(p.text.slice(cue.end, object.start))) {
    const purpose = p.text.slice(object.end).search(/\s(?:to|in order to)\s+\p{Ll}+/u)
    const end = purpose < 0 ? scopeEnd : Math.min(scopeEnd, object.end + purpose)
    return [...new Set([object.id, ...scoped.filter((m) => !m.weak && m.end <= end).map((m) => m.id)])]
  }
  const inScope = pick(scoped)
  if (inScope.length > 0) return inScope
  if (cue.form === 'modal') {
    // "territorial integrity … must be upheld": the modal's subject; "the U.S. ceasefire proposal".
    const clauseStart = Math.max(
      lastBoundaryBefore(p.text, cue.start),
      p.text.lastIndexOf(' that ', cue.start),
    )
    const before = pick(p.issues.filter((m) => m.start >= clauseStart && m.end <= cue.start))
    if (before.length > 0) return before
  }
  // Else the sentence's issues, the talks last: "concluded two days of negotiations with an agreement on X".
  const strong = p.issues.filter((m) => !m.weak && !situational(p.text, m))
  const substantive = strong.filter((m) => !TALKS_WORDS.test(p.text.slice(m.start, m.end)))
  const strongInSentence = [...new Set((substantive.length > 0 ? substantive : strong).map((m) => m.id))]
  if (strongInSentence.length > 0) return strongInSentence.slice(0, 2)
  if (
    (cue.act === 'reject' || cue.act === 'accept') &&
    strongInSentence.length === 0 &&
    MODAL_ANAPHORA.test(p.text)
  ) {
    return context.previousIssues.slice(0, 1)
  }
  return []
}

/**
 * An issue named as the setting of an act ("after two days of talks", "at the Asia summit"), not its
 * object. "in" sets the scene only for a weak term ("in the talks"): "a pause in tariffs" is an object.
 */
function situational(text: string, m: Mention): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start)
  // "in trade talks": a strong term that names the talks is a setting after "in" too.
  const talks = /(?:talks|negotiations?|discussions?|summit)$/i.test(text.slice(m.start, m.end))
  return (m.weak ? SETTING_WEAK : talks ? SETTING_TALKS : SETTING_STRONG).test(before)
}

const setting = (preposition: string, words: number) =>
  new RegExp(
    `\\b${preposition}\\s+(?:the\\s+|their\\s+|its\\s+)?(?:(?:two|three|four|several|\\d+)\\s+(?:days|weeks|rounds)\\s+of\\s+)?(?:[\\p{L}-]+\\s+){0,${words}}$`,
    'iu',
  )
const SETTING_WEAK = setting('(?:in|at|during|after|following|since|on the sidelines of)', 3)
const SETTING_TALKS = setting('(?:in|at|during|after|following|since|on the sidelines of)', 1)
const SETTING_STRONG = setting('(?:in(?=\\s+\\p{Lu})|at|during|after|following|on the sidelines of)', 1)

function boundaryAfter(text: string, at: number): number {
  const rest = text.slice(at)
  const m =
    /;|\bbut\b|\bwhile\b|\bwhereas\b|\b(?:following|during|amid)\b|,[”"’]?\s+(?:\p{L}+ly\s+)?\p{L}+ing\b|,\s+which\b|\b(?:to (?:ensure|guarantee|prevent|secure|avoid|demonstrate|achieve|show)|in order to|so that|in (?:exchange|return) for)\b/iu.exec(
      rest,
    )
  return m ? at + m.index : text.length
}

/** Where the main clause starts after a fronted condition: at a comma, or at an inverted auxiliary. */
function frontedSplit(text: string, from: number, to: number): number | undefined {
  const m = /,\s|\s(?=(?:will|would|can|could|does|did|is|are|shall|must)\s)/.exec(text.slice(from, to))
  return m === null ? undefined : from + m.index
}

/** Condition claims from one condition marker: held-back issue X, required issue Y, the actor and a duration. */
function conditionClaims(
  p: Parsed,
  cc: ConditionCue,
  cues: Cue[],
  context: SentenceContext,
): Omit<Claim, 'quote' | 'start' | 'end'>[] {
  const { text } = p
  const clauseStart = lastBoundaryBefore(text, cc.start)
  const clauseEnd = boundaryAfter(text, cc.end)
  const strong = (ms: Mention[]) => [...new Set(ms.filter((m) => !m.weak).map((m) => m.id))]
  const any = (ms: Mention[]) => {
    const s = strong(ms)
    return s.length > 0 ? s : [...new Set(ms.map((m) => m.id))]
  }
  // "only release the hostages as part of …": words inside the marker belong to the held side.
  const before = any(p.issues.filter((m) => m.start >= clauseStart && m.end <= cc.end))
  const after = any(p.issues.filter((m) => m.start >= cc.end && m.end <= clauseEnd))

  const matrix = governingMatrix(
    text,
    cues,
    { act: 'demand', form: 'verb', matrix: false, start: cc.start, end: cc.end },
    true,
  )
  const actor =
    p.speaker ??
    (matrix?.kind === 'act' ? subjectBefore(p, matrix.cue.start) : undefined) ??
    (matrix?.kind === 'report' ? subjectBefore(p, matrix.start) : undefined) ??
    subjectBefore(p, cc.start)
  if (actor === undefined) return []

  let held: string[]
  let required: string[]
  const fronted =
    cc.held === 'before' && before.length === 0 ? frontedSplit(text, cc.end, clauseEnd) : undefined
  if (fronted !== undefined) {
    // "Only after B frees the hostages will A free the prisoners": Y comes first, then X.
    required = any(p.issues.filter((m) => m.start >= cc.end && m.end <= fronted))
    held = any(p.issues.filter((m) => m.start >= fronted && m.end <= clauseEnd))
  } else if (cc.held === 'before') [held, required] = [before, after]
  else if (cc.held === 'after') [held, required] = [after, before]
  else {
    // "Moscow is making its decision contingent on Kursk": X is this party's last held-back issue.
    required = after
    held =
      before.length > 0
        ? before
        : context.lastConditionIssue?.actor === actor
          ? [context.lastConditionIssue.issue]
          : []
  }
  if (cc.reciprocityPossible && (required.length === 0 || required.every((r) => held.includes(r)))) return []
  const days = durationDays(
    cc.held === 'after' ? text.slice(clauseStart, cc.start) : text.slice(cc.end, clauseEnd),
  )
  const out: Omit<Claim, 'quote' | 'start' | 'end'>[] = []
  for (const x of held) {
    for (const y of required) {
      if (x === y) continue
      out.push({
        actor,
        act: 'condition',
        issue: x,
        condition_issue: y,
        ...(days !== undefined ? { min_days: days } : {}),
      })
    }
  }
  return out
}

/** The speaker of the quotations of a sentence: its frame ("X said: “…", "“…,” X said"), the open quotation's, or the next sentence's frame. */
function quoteSpeaker(
  p: Parsed,
  discourse: Discourse,
  next: string | undefined,
  lex: CompiledLexicon,
): string | undefined {
  const { text } = p
  const first = p.quoted[0]
  if (first === undefined) return undefined
  // "“…,” the minister said" or "“…,” said Holt".
  for (const [, end] of p.quoted) {
    const tail = TAIL_FRAME.exec(text.slice(end + 1))
    if (tail === null) continue
    const from = end + 1
    const m = p.actors.find((a) => a.start >= from && a.start <= from + tail[0].length + 40)
    if (m) return m.id
  }
  // "Holt wrote in a post: “…".
  if (first[0] > 0) {
    const lead = text.slice(0, first[0] - 1)
    const report = [...lead.matchAll(REPORTING)].pop()
    REPORTING.lastIndex = 0
    if (report !== undefined && /^[^.!?]{0,40}[:,]?\s*$/.test(lead.slice(report.index + report[0].length)))
      return subjectBefore(p, report.index)
  }
  if (discourse.inQuote && first[0] === 0 && discourse.quoteSpeaker !== undefined)
    return discourse.quoteSpeaker
  // The next sentence names the speaker only when it is the frame itself: "”, Holt said." or "Holt said so."
  if (next !== undefined && TAIL_FRAME.test(next) && (/^\s*[”"’,]/.test(next) || next.length < 60)) {
    const named = actorMentions(next, lex)[0]
    if (named !== undefined && named.start < 60) return named.id
  }
  return undefined
}

const TAIL_FRAME =
  /^\s*[”"’]?\s*,?\s*(?:(?:said|says|added|wrote|stated|declared|told)\s+|(?:[\p{L}.’'-]+\s+){1,6}?(?:said|says|added|wrote|stated|declared|told|insisted|warned|noted)\b)/u

/** Claims of a sentence that sets out the terms of the proposal or agreement in view. */
function termClaims(
  p: Parsed,
  terms: { owners: string[]; act: 'propose' | 'accept' },
): Omit<Claim, 'quote' | 'start' | 'end'>[] {
  const strong = p.issues.filter((m) => !m.weak)
  const out: Omit<Claim, 'quote' | 'start' | 'end'>[] = []
  for (const m of strong.length > 0 ? strong : p.issues) {
    // "Under the deal, Arland will not withdraw": a term refused is no term.
    if (negatedInClause(p.text, m.start)) continue
    // "Under the deal, A will withdraw and B will free the hostages": the party whose clause names it.
    const own =
      terms.act === 'accept'
        ? p.actors
            .filter((a) => a.end <= m.start && terms.owners.includes(a.id) && !isPrepositional(p.text, a))
            .pop()?.id
        : undefined
    for (const actor of own !== undefined ? [own] : terms.owners)
      out.push({ actor, act: terms.act, issue: m.id })
  }
  return out
}

/** Where the terms of a proposal named at `end` run: "a proposal to …", "the plan, which seeks …", ", offering …". */
function contentEnd(text: string, end: number): number {
  const rest = text.slice(end)
  if (!CONTENT_OPENER.test(rest)) return end
  const stop = CONTENT_STOP.exec(rest.slice(1))
  return stop === null ? text.length : end + 1 + stop.index
}

const TERM_VERBS =
  '(?:also\\s+)?(?:seeks?|calls? for|would|will|includes?|envisages?|provides? for|offers?|offering|proposes?|aims?|contains?|sets? out|outlines?|requires?|foresees?|involves?|including|calling for|seeking|providing for|envisaging)\\b'
const CONTENT_OPENER = new RegExp(
  `^\\s*(?:\\([^)]*\\)\\s*)?(?:(?:by|from)\\s+(?:[\\p{L}.’'-]+\\s+){0,5}?)?(?:(?:to|for|on)\\s|(?:,\\s*)?(?:(?:which|that)\\s+)?${TERM_VERBS})`,
  'iu',
)
const CONTENT_STOP = new RegExp(
  `;|\\bbut\\b|\\bbecause\\b|\\bwhile\\b|\\bwhereas\\b|\\b(?:which|that|who)\\s+(?!${TERM_VERBS})`,
  'iu',
)

/** The proposals a sentence names with their owners, and the spans of their terms. */
const PROPOSAL_WORD =
  /propos|plan|offer|framework|initiative|memorandum|document|draft|roadmap|blueprint|package/i

function proposalsOf(p: Parsed): Proposal[] {
  const found: Proposal[] = []
  if (!PROPOSAL_WORD.test(p.text)) return found
  for (const m of p.text.matchAll(PROPOSAL_PHRASE)) {
    const start = m.index
    const end = start + m[0].length
    const owners = proposalOwners(p, start, end)
    // "in the first phase of X's initiative to end the war": a plan named as background states no terms.
    const background = /\b(?:of|under|in|within)\s+$/i.test(p.text.slice(Math.max(0, start - 10), start))
    if (owners.length > 0)
      found.push({ owners, start, phraseEnd: end, end: background ? end : contentEnd(p.text, end) })
  }
  PROPOSAL_PHRASE.lastIndex = 0
  return found
}

/** Who owns the proposal named at [start, end): "X's plan", "the U.S. proposal", "a proposal by X", "X presented a proposal". */
function proposalOwners(p: Parsed, start: number, end: number): string[] {
  const { text } = p
  const named = p.actors.filter((a) => !a.pronoun)
  // "Holt's revised offer", "the Borvian leader's plan", "the Castian truce proposal"; in "Holt's Borvia
  // plan" the possessor owns it, not the party that names its subject.
  const possessive = (a: Mention) => /^(?:\s+\p{Ll}+)?[’']s\s/u.test(text.slice(a.end, a.end + 20))
  const inside = named.filter(
    (a) =>
      a.end <= end &&
      (a.start >= start || (possessive(a) && a.end >= start - 12)) &&
      /^[\p{L}\s.’'-]*$/u.test(text.slice(a.end, end)),
  )
  const owners = inside.some(possessive) ? inside.filter(possessive) : inside
  if (owners.length > 0) return [...new Set(owners.map((a) => a.id))]
  // "a proposal by US envoy X", "the plan put forward by X".
  const by =
    /^\s+(?:(?:(?:proposed|put forward|drafted|presented|offered|backed|brokered)\s+)?by|from)\s+/.exec(
      text.slice(end),
    )
  if (by) {
    const m = p.actors.find((a) => a.start >= end && a.start <= end + by[0].length + 40)
    if (m) return [m.id]
  }
  // "X handed both sides a fresh proposal", "Arland passed its plan to the mediators".
  const deliveries = [...text.slice(0, start).matchAll(DELIVERY)]
  DELIVERY.lastIndex = 0
  const delivery = deliveries.pop()
  if (delivery !== undefined) {
    const gap = text.slice(delivery.index + delivery[0].length, start)
    if (gap.length <= 45 && !/[,;:]|\b(?:that|had|has|have|was|were|is|are|\p{Ll}+ed)\b/u.test(gap)) {
      const subject = subjectBefore(p, delivery.index)
      if (subject !== undefined) {
        const mention = p.actors.filter((a) => a.id === subject && a.end <= delivery.index).pop()
        return [
          subject,
          ...(mention?.group ? [mention.group] : []),
          ...coordinatedSubjects(p, subject, delivery.index),
        ]
      }
    }
  }
  return []
}

/** Each owner proposes every issue named in the proposal's phrase or its terms. */
function proposalClaims(p: Parsed, proposals: Proposal[]) {
  const out: Omit<Claim, 'quote' | 'start' | 'end'>[] = []
  for (const { owners, start, end } of proposals) {
    for (const m of p.issues.filter((i) => !i.weak && i.start >= start && i.end <= end))
      for (const actor of owners) out.push({ actor, act: 'propose' as const, issue: m.id })
  }
  return out
}

/** The lexical patterns of this file by name, for the audit of rules (`rules.ts`). */
export const CLAIM_RULES: readonly { name: string; re: RegExp }[] = [
  { name: 'not an act', re: NOT_AN_ACT },
  { name: 'willingness under a plan', re: UNDER_A_PLAN },
  { name: 'weapon adjective', re: THINGS },
  { name: 'quotation frame after', re: TAIL_FRAME },
  { name: 'passive after a modal', re: PASSIVE_AFTER_MODAL },
]
