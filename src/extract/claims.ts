// Claims from one sentence: who demanded, proposed, accepted, rejected or made conditional what.
// The rules read the sentence as a diplomatic report is written:
// - the actor of a verb is its subject, the nearest party named before it outside a prepositional
//   phrase; a passive's actor follows "by"; a noun cue's actor owns it ("the U.S. proposal",
//   "demands from Kyiv");
// - "According to X," and "For X," make X the speaker of the sentence;
// - in reported speech ("Russian officials stated that Ukraine would need to …") the claim is the
//   speaker's (vocabulary.json: attribution); a cue inside the complement of another act
//   ("insisted that Ukraine must … agree") is that act's content, not a second act;
// - a condition sentence gives only its condition claims (guidelines, section 4).

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
} from './_cues.ts'
import {
  actorMentions,
  type CompiledLexicon,
  isPrepositional,
  issueMentions,
  type Mention,
} from './mentions.ts'
import type { Sentence } from './sentences.ts'
import { negatedCue } from './words.ts'

export interface SentenceContext {
  /** Issues named in the previous sentence, for anaphora ("These claims are rejected by Ukraine"). */
  previousIssues: string[]
  /** The held-back issue of the last condition, for "making its decision contingent on …". */
  lastConditionIssue?: { actor: string; issue: string } | undefined
}

interface Parsed {
  text: string
  actors: Mention[]
  issues: Mention[]
  speaker?: string | undefined
  hedge?: string | undefined
}

export function claimsInSentence(
  sentence: Sentence,
  lex: CompiledLexicon,
  context: SentenceContext,
): Claim[] {
  const text = sentence.text
  if (text.endsWith('?')) return []
  const issues = issueMentions(text, lex)
  // "its NATO ambitions": a party named inside an issue's phrase is the issue, not an actor.
  const actors = actorMentions(text, lex).filter(
    (a) => !issues.some((i) => !i.weak && i.start <= a.start && a.end <= i.end),
  )
  const p: Parsed = {
    text,
    actors,
    issues,
    speaker: attributionSpeaker(text, actors),
    hedge: HEDGE.exec(text)?.[0]?.toLowerCase(),
  }
  HEDGE.lastIndex = 0
  if (p.actors.length === 0 || p.issues.length === 0) return []

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

  const conditionCues = findConditionCues(text)
  const conditionActors = new Set<string>()
  const cues = findCues(text)
  for (const cc of conditionCues) {
    for (const c of conditionClaims(p, cc, cues, context)) {
      add(c)
      conditionActors.add(c.actor)
      context.lastConditionIssue = { actor: c.actor, issue: c.issue }
    }
  }

  for (const cue of cues) {
    if (conditionCues.some((cc) => overlaps(cc, cue))) continue
    const matrix = cue.form === 'noun' ? undefined : governingMatrix(text, cues, cue)
    if (matrix?.kind === 'act') continue // content of another act: "insisted that Ukraine must … agree"
    const actor = actorOf(p, cue, matrix)
    if (actor === undefined) continue
    let act = cue.act
    if (negatedCue(text, cue.start)) {
      if (act === 'accept' || act === 'propose') act = 'reject'
      else continue
    }
    if ((act === 'demand' || act === 'propose') && conditionActors.has(actor)) continue
    const issues = issuesOf(p, cue, cues, context)
    // "Ukraine and the United States agreed to …": both subjects act.
    const partner = cue.form === 'noun' ? undefined : coordinatedSubject(p, actor, cue.start)
    for (const who of partner === undefined ? [actor] : [actor, partner]) {
      for (const issue of issues) add({ actor: who, act, issue })
    }
  }
  return claims
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

/** "According to Kyiv, …", "For Ukraine, …", or a closing ", X said." */
function attributionSpeaker(text: string, actors: Mention[]): string | undefined {
  const lead = /^(?:according to|for|in the view of|as far as)\s+([^,]{1,60}),/i.exec(text)
  if (lead) {
    const end = lead[0].length
    const m = actors.find((a) => a.end <= end)
    if (m) return m.id
  }
  const tail = /,\s*([^,]{1,60})\s+(?:said|says|told reporters|added)\.?[”"]?$/i.exec(text)
  if (tail) {
    const m = actors.find((a) => a.start >= (tail.index ?? 0))
    if (m) return m.id
  }
  return undefined
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
  // Passive: "rejected by Ukraine".
  const by = /^\s+by\s+/.exec(text.slice(cue.end))
  if (by && cue.form === 'verb') {
    const m = actors.find((a) => a.start >= cue.end && a.start <= cue.end + by[0].length + 30)
    if (m) return m.id
  }
  if (cue.form === 'noun') {
    // "the U.S. ceasefire proposal", "Ukrainian officials’ agreement": a party right before the noun.
    const before = text.slice(Math.max(0, cue.start - 45), cue.start)
    const owner = actors.filter((a) => a.end <= cue.start && a.end >= cue.start - 45).pop()
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
    return undefined
  }
  if (p.speaker !== undefined) return p.speaker
  if (matrix?.kind === 'report') return subjectBefore(p, matrix.start)
  return subjectBefore(p, cue.start)
}

/** The subject of a verb at `at`: the nearest party before it in its clause that is not inside a prepositional phrase. */
function subjectBefore(p: Parsed, at: number): string | undefined {
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
  const candidates = p.actors.filter(
    (a) => a.end <= at && a.start >= clauseStart && !isPrepositional(p.text, a) && !isModifier(p.text, a),
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

/** The other half of a subject "A and B" whose nearer half is `actor`. */
function coordinatedSubject(p: Parsed, actor: string, at: number): string | undefined {
  const before = p.actors.filter((a) => a.end <= at && !isPrepositional(p.text, a))
  const last = before.pop()
  if (last?.id !== actor) return undefined
  const other = before.filter((a) => a.id !== actor).pop()
  if (other === undefined) return undefined
  return /^[\s\p{L}.’'-]*?\s(?:and|&)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+)*$/u.test(
    p.text.slice(other.end, last.start),
  ) && !/\b(?:\p{Ll}+ed|said|says|has|have|is|are|was|were)\b/u.test(p.text.slice(other.end, last.start))
    ? other.id
    : undefined
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
  const inScope = pick(p.issues.filter((m) => m.start >= cue.end && m.end <= scopeEnd))
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
  const strongInSentence = [...new Set(p.issues.filter((m) => !m.weak).map((m) => m.id))]
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

function boundaryAfter(text: string, at: number): number {
  const rest = text.slice(at)
  const m =
    /;|\bbut\b|\bwhile\b|\bwhereas\b|,[”"’]?\s+(?:\p{L}+ly\s+)?\p{L}+ing\b|,\s+which\b|\b(?:to (?:ensure|guarantee|prevent|secure|avoid|demonstrate|achieve|show)|in order to|so that|in (?:exchange|return) for)\b/iu.exec(
      rest,
    )
  return m ? at + m.index : text.length
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
  const before = any(p.issues.filter((m) => m.start >= clauseStart && m.end <= cc.start))
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
  if (cc.held === 'before') [held, required] = [before, after]
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
